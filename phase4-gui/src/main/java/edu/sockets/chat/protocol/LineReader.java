package edu.sockets.chat.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 text lines from a byte stream: the framing that turns TCP's bytes into messages.
 *
 * <p>Unlike Phase 1's reader, an over-long line does not end the conversation: the reader throws
 * {@link LineTooLongException} as soon as the line passes the limit, then skips the rest of that
 * line (up to its LF) without keeping it, so the next call returns the next line.
 */
public final class LineReader {

  /** The longest line a client may send, in bytes, not counting the line ending. */
  public static final int MAX_LINE_BYTES = 8192;

  private final InputStream in;
  private final int maxLineBytes;

  /** Bytes read from the stream but not yet consumed: {@code buffer[start..end)}. */
  private final byte[] buffer = new byte[8192];

  private int start;
  private int end;

  /** The line being collected: at most {@code maxLineBytes} bytes, plus one for a CR. */
  private byte[] line = new byte[256];

  private int length;

  /** True while skipping what is left of a line that was too long. */
  private boolean skipping;

  public LineReader(InputStream in) {
    this(in, MAX_LINE_BYTES);
  }

  public LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Returns the next line without its ending (LF, or CR LF), or {@code null} when the other side
   * has closed the connection and no bytes are left. Bytes that are not UTF-8 become U+FFFD.
   *
   * @throws LineTooLongException when the line passes the limit; the next call skips its rest
   * @throws IOException if the read fails
   */
  public String readLine() throws IOException {
    length = 0;
    while (true) {
      if (start == end && !fill()) {
        // End of stream: the peer closed its side. A last line without LF still counts.
        return length == 0 || skipping ? null : decode();
      }
      int lf = indexOfLf();
      int stop = lf < 0 ? end : lf;
      int next = lf < 0 ? end : lf + 1;
      if (skipping) {
        start = next;
        skipping = lf < 0;
        continue;
      }
      int count = stop - start;
      if (length + count > maxLineBytes + 1) { // one byte over the limit is room for a CR
        length = 0;
        start = next;
        skipping = lf < 0; // the rest of the line is still to come: skip it on the next call
        throw new LineTooLongException(maxLineBytes);
      }
      append(start, count);
      start = next;
      if (lf >= 0) {
        return decode();
      }
    }
  }

  /**
   * Whether the reader holds the start of a line it has not returned yet (bytes read after the last
   * line's LF), or is skipping the rest of an over-long line: then a line is under way.
   */
  public boolean isInsideLine() {
    return start < end || skipping;
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer);
    if (n <= 0) {
      return false;
    }
    start = 0;
    end = n;
    return true;
  }

  private int indexOfLf() {
    for (int i = start; i < end; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void append(int from, int count) {
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(length + count, 2 * line.length));
    }
    System.arraycopy(buffer, from, line, length, count);
    length += count;
  }

  private String decode() throws LineTooLongException {
    int size = length;
    if (size > 0 && line[size - 1] == '\r') {
      size--; // CR LF, as sent by Windows programs and telnet
    }
    if (size > maxLineBytes) {
      throw new LineTooLongException(maxLineBytes);
    }
    // Decoding the whole line at once is what keeps a character split across reads intact.
    return new String(line, 0, size, StandardCharsets.UTF_8);
  }

  /** A line passed the limit; it has been (or is being) discarded, and reading can go on. */
  public static final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    LineTooLongException(int limit) {
      super("line longer than " + limit + " bytes");
    }
  }
}
