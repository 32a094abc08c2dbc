package edu.sockets.broadcast;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The server the end-to-end tests talk to, only ever through its socket: this phase's own server,
 * started in the test JVM on a free port, or an external one named by {@code -Dserver=host:port} (a
 * student's server, in any language). Tests that need the server's insides (its log, its exit code)
 * call {@link #requireOwnServer()} first, so they are skipped, with a reason, otherwise.
 */
final class ServerFixture implements AutoCloseable {

  static final Duration STARTUP = Duration.ofSeconds(5);
  private static final Pattern LISTENING = Pattern.compile("^Listening on (\\S+):(\\d+)$");
  private static final String EXTERNAL = System.getProperty("server", "").strip();

  private final String host;
  private final int port;
  private final CommandRun run; // null for an external server

  private ServerFixture(String host, int port, CommandRun run) {
    this.host = host;
    this.port = port;
    this.run = run;
  }

  /** Starts this phase's server with {@code options} added, or names the external one. */
  static ServerFixture start(String... options) throws InterruptedException {
    if (!EXTERNAL.isEmpty()) {
      int colon = EXTERNAL.lastIndexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("-Dserver must be host:port, not " + EXTERNAL);
      }
      return new ServerFixture(
          EXTERNAL.substring(0, colon), Integer.parseInt(EXTERNAL.substring(colon + 1)), null);
    }
    String[] args =
        Stream.concat(Stream.of("server", "--host", "127.0.0.1", "--port", "0"), Stream.of(options))
            .toArray(String[]::new);
    CommandRun run = CommandRun.start(args);
    Matcher listening = run.out.awaitLine(LISTENING, STARTUP);
    return new ServerFixture("127.0.0.1", Integer.parseInt(listening.group(2)), run);
  }

  /** Skips the calling test unless it runs against this phase's own server. */
  static void requireOwnServer() {
    assumeTrue(
        EXTERNAL.isEmpty(),
        "needs this phase's own server (its log or exit code); skipped with -Dserver=" + EXTERNAL);
  }

  boolean isExternal() {
    return run == null;
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  /** A new connection to the server, whose reads give up after a few seconds. */
  Socket connect() throws IOException {
    Socket socket = new Socket(host, port);
    socket.setSoTimeout(5_000);
    return socket;
  }

  /** A new chat client that has joined: its welcome line has been read. */
  TestClient join() throws IOException {
    TestClient client = new TestClient(connect());
    client.welcome = client.readLine();
    return client;
  }

  /** What the server printed and how it ended; only for this phase's own server. */
  CommandRun run() {
    requireOwnServer();
    return run;
  }

  /** Stops this phase's own server as Ctrl+C does, and returns its exit code. */
  int stop() throws Exception {
    return run().stopServer(STARTUP);
  }

  /** Stops a server the test left running, so no thread outlives its test. */
  @Override
  public void close() throws Exception {
    if (run != null && !run.isFinished()) {
      stop();
    }
  }
}
