package edu.sockets.hello;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 text lines from a byte stream: the framing that turns TCP's bytes into messages.
 *
 * <p>TCP delivers a stream of bytes, not messages: one {@code read} may return half a line, or a
 * line and a half, or one byte of a two-byte character. So this class collects bytes until it sees
 * the end-of-line byte, and only then decodes them as text.
 */
final class LineReader {

  /** The longest line accepted, in bytes, not counting the line ending. */
  static final int MAX_LINE_BYTES = 8192;

  private final InputStream in;

  /** The bytes of the line being read: at most {@link #MAX_LINE_BYTES}, plus one for a CR. */
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  LineReader(InputStream in) {
    // Buffered, so that reading byte by byte costs a method call, not a system call per byte.
    this.in = new BufferedInputStream(in);
  }

  /**
   * Returns the next line without its ending (LF, or CR LF), or {@code null} when the other side
   * has closed the connection and no bytes are left.
   *
   * @throws IOException if the line is longer than {@link #MAX_LINE_BYTES}, or the read fails
   */
  String readLine() throws IOException {
    line.reset();
    while (true) {
      int b = in.read();
      if (b == -1) {
        // End of stream: the peer closed its side. A last line without LF still counts.
        return line.size() == 0 ? null : decodeLine();
      }
      if (b == '\n') {
        return decodeLine();
      }
      if (line.size() > MAX_LINE_BYTES) { // one byte over the limit is room for the CR of CR LF
        throw tooLong();
      }
      line.write(b);
    }
  }

  private String decodeLine() throws IOException {
    byte[] bytes = line.toByteArray();
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      length--; // CR LF, as sent by Windows programs and telnet
    }
    if (length > MAX_LINE_BYTES) {
      throw tooLong();
    }
    // Decoding the whole line at once is what keeps a character split across reads intact.
    // Bytes that are not valid UTF-8 become U+FFFD instead of failing.
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  private static IOException tooLong() {
    return new IOException("line longer than " + MAX_LINE_BYTES + " bytes");
  }
}
