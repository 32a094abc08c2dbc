package edu.sockets.chat.tls;

import edu.sockets.chat.protocol.Replies;
import edu.sockets.chat.server.Transport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The server's half of a TLS handshake, run on the connection's own thread (never in the accept
 * loop, which a slow or silent client would otherwise stall for everyone): the server's {@link
 * Transport} when it speaks TLS.
 *
 * <p>Before handing the bytes to TLS it looks at the first one: every TLS connection starts with a
 * handshake record, byte 22. Anything else is a plain-text client (an old client, {@code nc}), and
 * gets one plain line that says what to do, where TLS would only give it an unreadable alert.
 */
public final class TlsHandshake implements Transport {

  /** How long a client has to complete the handshake (a person never waits on it). */
  static final Duration HANDSHAKE_TIME = Duration.ofSeconds(10);

  /** The first byte of a TLS handshake record (RFC 8446, section 5.1). */
  private static final int HANDSHAKE_RECORD = 22;

  private final SSLSocketFactory factory;
  private final Consumer<String> log;

  /** Handshakes with {@code certificate}'s key; says in {@code log} when TLS is established. */
  public TlsHandshake(ServerCertificate certificate, Consumer<String> log) {
    this.factory = certificate.context().getSocketFactory();
    this.log = log;
  }

  @Override
  public String whatNext() {
    return " (TLS handshake next)";
  }

  @Override
  public Socket open(Socket tcp, String address) throws IOException {
    SSLSocket tls = handshake(tcp);
    log.accept(address + " TLS established");
    return tls;
  }

  /**
   * Runs the handshake on {@code tcp} and returns the TLS socket over it.
   *
   * @throws IOException with a message for the server's log if the client did not speak TLS (it has
   *     been told), was silent for the whole timeout, or the handshake failed
   */
  private SSLSocket handshake(Socket tcp) throws IOException {
    tcp.setSoTimeout(Math.toIntExact(HANDSHAKE_TIME.toMillis()));
    InputStream in = tcp.getInputStream();
    int first;
    try {
      first = in.read();
    } catch (SocketTimeoutException e) {
      tellPlainClient(tcp);
      throw new IOException(
          "sent nothing for " + HANDSHAKE_TIME.toSeconds() + " s: not a TLS client?");
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
      // In the protocol's own words, so every client can show it.
      String line = Replies.tlsRequired().toLine() + "\n";
      tcp.getOutputStream().write(line.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // It is gone already: nothing to tell.
    }
  }
}
