package edu.sockets.multiclient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 text lines from a byte stream, holding at most one line's worth of bytes.
 *
 * <p>Phase 1's reader gave up on the whole connection at the first over-long line. This one refuses
 * just that line: {@link #readLine()} throws {@link LineTooLongException} as soon as the limit is
 * passed, and the next call skips the rest of that line, however long, before it reads the next
 * one. The connection stays usable and memory stays bounded whatever the peer sends.
 */
public final class LineReader {

  /** The longest line a client may send, in bytes, not counting the line ending. */
  public static final int MAX_LINE_BYTES = 8192;

  /** Where the buffer starts: most lines are short, and an idle connection should cost little. */
  private static final int FIRST_CAPACITY = 128;

  private final InputStream in;
  private final int maxLineBytes;

  /**
   * Bytes read but not yet returned are {@code buffer[start, end)}. It grows as a line needs it, up
   * to {@code maxLineBytes + 2}: the longest line plus CR and LF.
   */
  private byte[] buffer = new byte[FIRST_CAPACITY];

  private int start;
  private int end;

  /** True from the moment a line passes the limit until its LF: those bytes are dropped. */
  private boolean skipping;

  LineReader(InputStream in) {
    this(in, MAX_LINE_BYTES);
  }

  public LineReader(InputStream in, int maxLineBytes) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be positive, not " + maxLineBytes);
    }
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Returns the next line without its ending (LF, or CR LF), or {@code null} when the peer has
   * closed its side and no bytes are left. A last line without LF still counts.
   *
   * @throws LineTooLongException if the line is longer than the limit; the reader stays usable
   * @throws IOException if the read fails (a reset, a timeout, a closed socket)
   */
  public String readLine() throws IOException {
    int scanned = start; // buffer[start, scanned) holds no LF: never search those bytes again
    while (true) {
      int lf = indexOfLf(scanned, end);
      if (lf >= 0) {
        int lineStart = start;
        start = lf + 1;
        if (skipping) { // the LF that ends an over-long line: carry on with the next line
          skipping = false;
          scanned = start;
          continue;
        }
        return decode(lineStart, lf);
      }
      if (skipping) {
        start = end = 0; // none of these bytes can belong to a line we will return
      } else if (end - start > maxLineBytes + 1) { // more than the limit, even if a CR ends it
        skipping = true;
        start = end = 0;
        throw new LineTooLongException(maxLineBytes);
      }
      scanned = end - start;
      makeRoom();
      // read() blocks until at least one byte arrives: half a line, or several lines, or one byte
      // of a two-byte character. Nothing is decoded until the LF is here.
      int count = in.read(buffer, end, buffer.length - end);
      if (count == -1) {
        // End of stream: the peer closed its side. What is left is the last line, if any.
        if (skipping || start == end) {
          skipping = false;
          return null;
        }
        int lineStart = start;
        start = end;
        return decode(lineStart, end);
      }
      end += count;
    }
  }

  /** How many bytes this reader holds on to now; never more than the limit plus two. */
  int bufferCapacity() {
    return buffer.length;
  }

  private int indexOfLf(int from, int to) {
    for (int i = from; i < to; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Moves the unread bytes to the front of the buffer, and grows it if it is full. */
  private void makeRoom() {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxLineBytes + 2));
    }
  }

  private String decode(int from, int lf) throws LineTooLongException {
    int to = lf;
    if (to > from && buffer[to - 1] == '\r') {
      to--; // CR LF, as sent by Windows programs and telnet
    }
    if (to - from > maxLineBytes) {
      throw new LineTooLongException(maxLineBytes);
    }
    // Decoding the whole line at once is what keeps a character split across reads intact.
    // Bytes that are not valid UTF-8 become U+FFFD instead of failing.
    return new String(buffer, from, to - from, StandardCharsets.UTF_8);
  }

  /** A line over the limit was refused; the reader drops the rest of it and stays usable. */
  static final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    LineTooLongException(int maxLineBytes) {
      super("line longer than " + maxLineBytes + " bytes");
    }
  }
}
