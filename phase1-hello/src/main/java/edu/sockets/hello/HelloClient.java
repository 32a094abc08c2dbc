package edu.sockets.hello;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/** The Phase 1 client: connects, sends one greeting, and returns the server's one-line reply. */
final class HelloClient {

  static final String GREETING = "Hello Server";

  private HelloClient() {}

  /**
   * Does one exchange with the server at {@code host:port}. The socket is closed on every path.
   *
   * @param timeout how long to wait for the connection, and then for the reply
   * @param log where the client's messages go, one line each
   * @return the server's reply, without its line ending
   */
  static String exchange(
      String host, int port, String greeting, Duration timeout, Consumer<String> log)
      throws IOException {
    int timeoutMillis = Math.toIntExact(timeout.toMillis());
    try (Socket socket = new Socket()) {
      // A connect timeout: a host that silently drops packets would otherwise hang us for minutes.
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      log.accept("Connected to " + host + ":" + port + " from local port " + socket.getLocalPort());

      // Logged before the write: once the bytes leave, the server may answer before we print.
      log.accept("Sending: " + greeting);
      socket.getOutputStream().write((greeting + "\n").getBytes(StandardCharsets.UTF_8));

      String reply;
      try {
        reply = new LineReader(socket.getInputStream()).readLine();
      } catch (SocketTimeoutException e) {
        throw new SocketTimeoutException("no reply within " + timeout.toSeconds() + " s");
      }
      if (reply == null) {
        throw new EOFException("the server closed the connection without replying");
      }
      log.accept("Received: " + reply);
      return reply;
    }
  }
}
