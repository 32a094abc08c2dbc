package edu.sockets.chat.client.tls;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A TCP socket that keeps a copy of the first bytes the server sent. A TLS handshake that fails on
 * plain text can then say what the server said: a chat server that is full refuses in plain text
 * ({@code ERR SERVER_FULL}), before any handshake, and that is not "the server does not speak TLS".
 */
final class FirstBytesSocket extends Socket {

  /** Enough for one ERR line; the copy stops there, so a long session costs nothing. */
  private static final int KEPT = 512;

  private final ByteArrayOutputStream first = new ByteArrayOutputStream();
  private InputStream in;

  @Override
  public synchronized InputStream getInputStream() throws IOException {
    if (in == null) {
      // The TLS layer reads a record's 5-byte header first; the buffer below it asks the socket
      // for all that has arrived, so the copy holds the server's whole line, not just "ERR S".
      in = new BufferedInputStream(new Copying(super.getInputStream()));
    }
    return in;
  }

  /** The first line the server sent, if all of it arrived as plain text; else null. */
  String firstLine() {
    String text;
    synchronized (first) {
      text = first.toString(StandardCharsets.UTF_8);
    }
    int end = text.indexOf('\n');
    return end < 0 ? null : text.substring(0, end).stripTrailing();
  }

  private final class Copying extends FilterInputStream {
    Copying(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        keep(new byte[] {(byte) b}, 0, 1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        keep(buffer, offset, n);
      }
      return n;
    }

    private void keep(byte[] buffer, int offset, int n) {
      synchronized (first) {
        first.write(buffer, offset, Math.min(n, KEPT - first.size()));
      }
    }
  }
}
