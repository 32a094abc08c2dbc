package edu.sockets.chat;

import edu.sockets.chat.app.ServerOptions;
import edu.sockets.chat.server.ChatServer;
import edu.sockets.chat.tls.ServerCertificate;
import java.io.IOException;
import java.time.Duration;

/**
 * A chat server in the test JVM that a test can stop and start again on the same port: what the
 * reconnection tests need, and {@link ServerFixture} (the server's command, run whole) cannot do.
 * Public for the tests of the {@code client} and {@code gui} packages.
 */
public final class LocalServer implements AutoCloseable {

  private final int port;
  private final ServerCertificate tls; // null: plain TCP
  private ChatServer server;

  private LocalServer(ChatServer server, ServerCertificate tls) {
    this.server = server;
    this.tls = tls;
    this.port = server.port();
    server.serveInBackground("test server " + server.port());
  }

  /** A server on a free loopback port. */
  public static LocalServer start() throws IOException {
    return new LocalServer(ServerOptions.DEFAULTS.open("127.0.0.1", 0, line -> {}), null);
  }

  /** A server speaking TLS with the test run's certificate ({@link TlsFixture}). */
  public static LocalServer startTls() throws IOException {
    ServerCertificate tls = TlsFixture.certificate();
    return new LocalServer(options(tls).open("127.0.0.1", 0, line -> {}), tls);
  }

  private static ServerOptions options(ServerCertificate tls) {
    return ServerOptions.DEFAULTS.withTls(tls);
  }

  public int port() {
    return port;
  }

  /** Shuts down as the admin's {@code shutdown} does: INFO and BYE to everyone. */
  public void stop() throws InterruptedException {
    server.shutdown();
    server.awaitStopped(Duration.ofSeconds(10));
  }

  /** Listens again on the same port, with nobody connected and no rooms. */
  public void restart() throws IOException {
    server = options(tls).open("127.0.0.1", port, line -> {});
    server.serveInBackground("test server " + server.port());
  }

  /** Kicks a user, as the admin console's {@code kick} does. */
  public void kick(String name, String reason) {
    server.state().kick(name, reason);
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
