package edu.sockets.chat.server;

import edu.sockets.chat.protocol.ErrorCode;
import edu.sockets.chat.protocol.ServerMessage.Err;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The server's half of a TLS handshake, run on the connection's own thread (never in the accept
 * loop, which a slow or silent client would otherwise stall for everyone).
 *
 * <p>Before handing the bytes to TLS it looks at the first one: every TLS connection starts with a
 * handshake record, byte 22. Anything else is a plain-text client (an old client, {@code nc}), and
 * gets one plain line that says what to do, where TLS would only give it an unreadable alert.
 */
final class TlsHandshake {

  /** The first byte of a TLS handshake record (RFC 8446, section 5.1). */
  private static final int HANDSHAKE_RECORD = 22;

  /** What a plain client is told, in the protocol's own words, so every client can show it. */
  static final String PLAIN_CLIENT_LINE =
      Err.of(
                  ErrorCode.TLS_REQUIRED,
                  "This server speaks TLS: connect with --tls (or tick \"Use TLS\").")
              .toLine()
          + "\n";

  private final SSLSocketFactory factory;
  private final Duration timeout;

  TlsHandshake(SSLContext context, Duration timeout) {
    this.factory = context.getSocketFactory();
    this.timeout = timeout;
  }

  /**
   * Runs the handshake on {@code tcp} and returns the TLS socket over it.
   *
   * @throws IOException with a message for the server's log if the client did not speak TLS (it has
   *     been told), was silent for the whole timeout, or the handshake failed
   */
  SSLSocket handshake(Socket tcp) throws IOException {
    tcp.setSoTimeout(Math.toIntExact(timeout.toMillis()));
    InputStream in = tcp.getInputStream();
    int first;
    try {
      first = in.read();
    } catch (SocketTimeoutException e) {
      tellPlainClient(tcp);
      throw new IOException("sent nothing for " + timeout.toSeconds() + " s: not a TLS client?");
    }
    if (first < 0) {
      throw new IOException("closed the connection before the TLS handshake");
    }
    if (first != HANDSHAKE_RECORD) {
      tellPlainClient(tcp);
      throw new IOException("does not speak TLS (sent plain text); told it to use TLS");
    }
    // The byte we read is handed back to TLS; autoClose: closing the TLS socket closes the TCP one.
    SSLSocket tls =
        (SSLSocket) factory.createSocket(tcp, new ByteArrayInputStream(new byte[] {22}), true);
    tls.setUseClientMode(false);
    tls.setEnabledProtocols(new String[] {"TLSv1.3"});
    try {
      tls.startHandshake();
    } catch (IOException e) {
      String why =
          String.valueOf(e.getMessage()).contains("certificate_unknown")
              ? "the client does not trust our certificate (not yet, or it changed)"
              : e.getMessage();
      throw new IOException("TLS handshake failed: " + why, e);
    }
    tcp.setSoTimeout(0); // from here on the chat's own rules decide how long a client may be quiet
    return tls;
  }

  private static void tellPlainClient(Socket tcp) {
    try {
      tcp.getOutputStream().write(PLAIN_CLIENT_LINE.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // It is gone already: nothing to tell.
    }
  }
}
