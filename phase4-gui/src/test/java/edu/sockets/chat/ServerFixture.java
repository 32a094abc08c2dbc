package edu.sockets.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server the end-to-end tests talk to: this phase's own server, started in the test JVM on a
 * free port, with a pipe as its standard input (its admin console) and its output kept (its log). A
 * student's server, in any language, is graded with the {@code grade} command instead.
 */
final class ServerFixture implements AutoCloseable {

  static final Duration STARTUP = Duration.ofSeconds(5);
  private static final Pattern LISTENING = Pattern.compile("^Listening on (\\S+):(\\d+)$");

  private final String host;
  private final int port;
  private final CommandRun run;

  private ServerFixture(String host, int port, CommandRun run) {
    this.host = host;
    this.port = port;
    this.run = run;
  }

  /** Starts this phase's server on a free loopback port. */
  static ServerFixture start() throws InterruptedException {
    return start(new String[0]);
  }

  /** Starts this phase's server with options of {@code server} ({@code --rate-limit 1}). */
  static ServerFixture start(String... options) throws InterruptedException {
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

  /** This phase's server without its flood limit, for a test that sends fast on purpose. */
  static ServerFixture startWithoutRateLimit() throws InterruptedException {
    return start("--rate-limit", "0");
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

  /** What the server printed and how it ended. */
  CommandRun run() {
    return run;
  }

  /** Stops this phase's own server the way an administrator does, and waits for it. */
  @Override
  public void close() throws Exception {
    if (!run.isFinished()) {
      try {
        run.type("shutdown");
      } catch (IOException e) {
        // Standard input already closed by the test: stop the server through its state instead.
      }
      run.awaitExit(Duration.ofSeconds(10));
    }
  }
}
