package edu.sockets.chat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server the end-to-end tests talk to, only ever through its socket: this phase's own server,
 * started in the test JVM on a free port, or an external one named by {@code -Dserver=host:port} (a
 * student's server, in any language, speaking the same protocol). Tests that need the server's
 * insides (its log, its admin console, its exit code) call {@link #requireOwnServer()} first, so
 * they are skipped, with a reason, otherwise.
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

  /** Starts this phase's server on a free loopback port, or names the external one. */
  static ServerFixture start() throws InterruptedException {
    return start(new String[0]);
  }

  /**
   * Starts this phase's server with options of {@code server} ({@code --rate-limit 1}); a test that
   * needs options is skipped against an external server, whose options we cannot choose.
   */
  static ServerFixture start(String... options) throws InterruptedException {
    if (options.length > 0) {
      requireOwnServer();
    }
    if (!EXTERNAL.isEmpty()) {
      int colon = EXTERNAL.lastIndexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("-Dserver must be host:port, not " + EXTERNAL);
      }
      return new ServerFixture(
          EXTERNAL.substring(0, colon), Integer.parseInt(EXTERNAL.substring(colon + 1)), null);
    }
    // A data folder of its own (under target/): no account or history from another test.
    String data;
    try {
      data = Files.createTempDirectory(Path.of("target"), "test-data-").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CommandRun run = CommandRun.start(serverArgs(data, options));
    Matcher listening = run.out.awaitLine(LISTENING, STARTUP);
    return new ServerFixture("127.0.0.1", Integer.parseInt(listening.group(2)), run);
  }

  /**
   * The command line of a test server on a free loopback port keeping its data in {@code data},
   * then {@code options}.
   */
  static String[] serverArgs(String data, String... options) {
    String[] fixed = {
      "server",
      "--host",
      "127.0.0.1",
      "--port",
      "0",
      "--data",
      data,
      "--hash-iterations",
      "1000", // fast sign-ins: the tests do not measure hashing
    };
    String[] args = new String[fixed.length + options.length];
    System.arraycopy(fixed, 0, args, 0, fixed.length);
    System.arraycopy(options, 0, args, fixed.length, options.length);
    return args;
  }

  /**
   * This phase's server without its flood limit, for a test that sends fast on purpose; an external
   * server as it is.
   */
  static ServerFixture startWithoutRateLimit() throws InterruptedException {
    return EXTERNAL.isEmpty() ? start("--rate-limit", "0") : start();
  }

  /** Skips the calling test unless it runs against this phase's own server. */
  static void requireOwnServer() {
    assumeTrue(
        EXTERNAL.isEmpty(),
        "needs this phase's own server (its log, console or exit code); skipped with -Dserver="
            + EXTERNAL);
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  /** A new connection whose reads give up after a few seconds. */
  Socket connect() throws IOException {
    Socket socket = new Socket(host, port);
    socket.setSoTimeout(5_000);
    return socket;
  }

  /** A new client that has read the server's banner. */
  ChatClient client() throws IOException {
    ChatClient client = new ChatClient(connect());
    client.expect("INFO .*");
    return client;
  }

  /** A new client registered as {@code name}. */
  ChatClient user(String name) throws IOException {
    ChatClient client = client();
    client.send("/name " + name);
    client.expect("WELCOME " + name);
    return client;
  }

  /** Types a line on the server's admin console (its standard input). */
  void console(String line) throws IOException {
    run().type(line);
  }

  /** What the server printed and how it ended; only for this phase's own server. */
  CommandRun run() {
    requireOwnServer();
    return run;
  }

  /** Stops this phase's own server the way an administrator does, and waits for it. */
  @Override
  public void close() throws Exception {
    if (run != null && !run.isFinished()) {
      try {
        run.type("shutdown");
      } catch (IOException e) {
        // Standard input already closed by the test: stop the server through its state instead.
      }
      run.awaitExit(Duration.ofSeconds(10));
    }
  }
}
