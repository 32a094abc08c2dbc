package edu.sockets.hello;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/** The Phase 1 server: accepts one client, reads its greeting, answers, and closes. */
final class HelloServer implements Closeable {

  static final String REPLY = "Hello Client";

  /** How many connections the operating system may queue while we are not in accept(). */
  private static final int BACKLOG = 50;

  private final ServerSocket listener;
  private final Duration timeout;
  private final Consumer<String> log;

  private HelloServer(ServerSocket listener, Duration timeout, Consumer<String> log) {
    this.listener = listener;
    this.timeout = timeout;
    this.log = log;
  }

  /**
   * Starts listening on {@code host:port} (port 0: any free port) and says so. From here on the
   * operating system accepts connections for us, even before {@link #serveOne()} calls accept().
   *
   * @param timeout how long a connected client may stay silent before the server gives up
   * @param log where the server's messages go, one line each
   */
  static HelloServer open(String host, int port, Duration timeout, Consumer<String> log)
      throws IOException {
    // This constructor binds and listens; if that fails it closes the socket itself.
    ServerSocket listener = new ServerSocket(port, BACKLOG, InetAddress.getByName(host));
    log.accept("Listening on " + endpoint(listener.getInetAddress(), listener.getLocalPort()));
    return new HelloServer(listener, timeout, log);
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Serves exactly one client, then returns. The connection is closed on every path. */
  void serveOne() throws IOException {
    // try-with-resources closes the client's socket whether the exchange succeeds or throws.
    try (Socket client = listener.accept()) {
      String who = endpoint(client.getInetAddress(), client.getPort());
      log.accept("Client connected from " + who);
      // Without a timeout, a client that connects and says nothing would hold us forever.
      client.setSoTimeout(Math.toIntExact(timeout.toMillis()));
      String greeting;
      try {
        greeting = new LineReader(client.getInputStream()).readLine();
      } catch (SocketTimeoutException e) {
        throw new SocketTimeoutException(
            who + " sent nothing for " + timeout.toSeconds() + " s; giving up");
      }
      if (greeting == null) {
        throw new EOFException(who + " closed the connection without sending a line");
      }
      log.accept("Received: " + greeting);
      log.accept("Sending: " + REPLY);
      // "\n" rather than println: the protocol's line ending must not depend on the platform.
      client.getOutputStream().write((REPLY + "\n").getBytes(StandardCharsets.UTF_8));
    }
    log.accept("Connection closed");
  }

  /** Stops listening: new clients are refused from now on. */
  @Override
  public void close() throws IOException {
    listener.close();
  }

  /** Formats an address the way people type it: {@code 10.0.0.7:5001}, {@code [::1]:5001}. */
  static String endpoint(InetAddress address, int port) {
    String host = address.getHostAddress();
    return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
  }
}
