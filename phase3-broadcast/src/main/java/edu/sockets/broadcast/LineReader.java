package edu.sockets.broadcast;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 text lines from a byte stream, many lines per {@code read} system call.
 *
 * <p>Phase 1's reader asked for one byte at a time; this one reads whatever has arrived into one
 * array and cuts lines out of it, because under load a single read brings dozens of lines. A line
 * over the limit is refused as soon as it passes the limit, and the rest of it is skipped as it
 * arrives, never kept: the connection stays usable and memory stays bounded whatever the peer
 * sends.
 */
public final class LineReader {

  /** The longest line accepted, in bytes, not counting the line ending. */
  public static final int MAX_LINE_BYTES = 8192;

  /** Thrown once per over-long line; the next call reads the line after it. */
  static final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    LineTooLongException(int limit) {
      super("line longer than " + limit + " bytes");
    }
  }

  private final InputStream in;
  private final int maxLineBytes;

  /**
   * Room for the longest line with its CR LF, and as much again for what arrives behind it, so a
   * read is never smaller than the longest line.
   */
  private final byte[] buffer;

  /** The bytes received but not yet returned are {@code buffer[start..end)}. */
  private int start;

  private int end;

  /** Where the last line returned by {@link #next()} begins in {@link #bytes()}. */
  private int lineStart;

  /**
   * {@code buffer[start..scanned)} has been searched and holds no LF, so the search goes on from
   * there: a line that arrives one byte per read is not searched again from its start each time.
   */
  private int scanned;

  /** True while the rest of an over-long line is being thrown away, up to its LF. */
  private boolean skipping;

  /** A reader of lines up to {@link #MAX_LINE_BYTES}, what the server accepts from a client. */
  LineReader(InputStream in) {
    this(in, MAX_LINE_BYTES);
  }

  /** A reader of lines up to {@code maxLineBytes}, for lines the server sends (longer). */
  public LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.buffer = new byte[2 * maxLineBytes + 2];
  }

  /**
   * Returns the next line without its ending (LF, or CR LF), or {@code null} when the peer has
   * closed the connection and no bytes are left. Bytes that are not valid UTF-8 become U+FFFD.
   *
   * @throws LineTooLongException if the line is over the limit; reading may go on
   */
  String readLine() throws IOException {
    int length = next();
    // Decoding the whole line at once keeps a character that was split across reads intact.
    return length < 0 ? null : new String(buffer, lineStart, length, StandardCharsets.UTF_8);
  }

  /**
   * Finds the next line without decoding it, for code that parses bytes (the load generator).
   * Returns its length, with the line at {@code bytes()[lineStart() .. lineStart() + length)} until
   * the next call, or -1 at the end of the stream. Same rules as {@link #readLine()}.
   */
  public int next() throws IOException {
    while (true) {
      int lf = indexOfLf();
      if (skipping) {
        // Throw away what we have of the over-long line, up to its LF if that has come.
        if (lf >= 0) {
          start = lf + 1;
          skipping = false;
          continue;
        }
        start = end;
      } else if (lf >= 0) {
        int length = lf - start;
        if (length > 0 && buffer[lf - 1] == '\r') {
          length--; // CR LF, as sent by Windows programs and telnet
        }
        return take(length, lf + 1);
      } else if (end - start > maxLineBytes + 1) { // + 1: room for the CR of a CR LF
        skipping = true;
        start = end;
        throw new LineTooLongException(maxLineBytes);
      }
      if (!fill()) {
        // End of stream: the peer closed its side. A last line without LF still counts.
        return start == end ? -1 : take(end - start, end);
      }
    }
  }

  /** Hands out the line that begins at {@code start}; reading goes on at {@code next}. */
  private int take(int length, int next) throws LineTooLongException {
    lineStart = start;
    start = next;
    if (length > maxLineBytes) {
      throw new LineTooLongException(maxLineBytes);
    }
    return length;
  }

  /** The array that holds the line {@link #next()} found. */
  public byte[] bytes() {
    return buffer;
  }

  /** Where that line begins in {@link #bytes()}. */
  public int lineStart() {
    return lineStart;
  }

  /** Whether another whole line is already here: reading it will not wait for the client. */
  boolean hasCompleteLine() {
    if (skipping) {
      return false; // the LF ahead ends a line being thrown away
    }
    for (int i = start; i < end; i++) {
      if (buffer[i] == '\n') {
        return true;
      }
    }
    return false;
  }

  private int indexOfLf() {
    for (int i = Math.max(start, scanned); i < end; i++) {
      if (buffer[i] == '\n') {
        scanned = i + 1;
        return i;
      }
    }
    scanned = end;
    return -1;
  }

  /** Reads more bytes behind the unfinished line; false at the end of the stream. */
  private boolean fill() throws IOException {
    if (start > 0) {
      // Move the unfinished line to the front; it is at most maxLineBytes + 1 long, so at least
      // half the buffer is then free for the read.
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      scanned -= start;
      start = 0;
    }
    // read returns -1 once the peer has closed its side and everything it sent has been read.
    int n = in.read(buffer, end, buffer.length - end);
    if (n < 0) {
      return false;
    }
    end += n;
    return true;
  }
}
