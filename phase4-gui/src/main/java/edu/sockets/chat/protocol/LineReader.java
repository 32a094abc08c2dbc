package edu.sockets.chat.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines from a byte stream: the framing that turns TCP's bytes into messages. Unlike
 * Phase 1's, an over-long line does not end the conversation: it is skipped up to its LF.
 */
public final class LineReader {

  /** The longest line a client may send, in bytes, without its ending. */
  public static final int MAX_LINE_BYTES = 8192;

  private final InputStream in;
  private final int maxLineBytes;

  private final byte[] buffer = new byte[8192]; // read, not yet consumed: buffer[start..end)
  private int start;
  private int end;
  private byte[] line = new byte[256]; // the line so far: at most maxLineBytes, plus a CR
  private int length;
  private boolean skipping; // what is left of a line that was too long

  public LineReader(InputStream in) {
    this(in, MAX_LINE_BYTES);
  }

  public LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * The next line without its LF or CR LF, or null once the other side has closed and no bytes are
   * left. Throws {@link LineTooLongException} as soon as a line passes the limit.
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

  /** Whether a line is under way: bytes after the last LF, or the rest of a long one to skip. */
  public boolean isInsideLine() {
    return start < end || skipping;
  }

  /** Whether a whole line is already read from the stream: the next readLine will not wait. */
  public boolean hasCompleteLine() {
    return !skipping && indexOfLf() >= 0;
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

  public static final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    LineTooLongException(int limit) {
      super("line longer than " + limit + " bytes");
    }
  }
}
