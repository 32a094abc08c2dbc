package edu.sockets.broadcast;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The server the end-to-end tests talk to, only ever through its socket: this phase's own server,
 * started in the test JVM on a free port. (A student's server is graded with the {@code grade}
 * command instead.)
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

  /** Starts this phase's server with {@code options} added. */
  static ServerFixture start(String... options) throws InterruptedException {
    String[] args =
        Stream.concat(Stream.of("server", "--host", "127.0.0.1", "--port", "0"), Stream.of(options))
            .toArray(String[]::new);
    CommandRun run = CommandRun.start(args);
    Matcher listening = run.out.awaitLine(LISTENING, STARTUP);
    return new ServerFixture("127.0.0.1", Integer.parseInt(listening.group(2)), run);
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

  /** What the server printed and how it ended. */
  CommandRun run() {
    return run;
  }

  /** Stops this phase's own server as Ctrl+C does, and returns its exit code. */
  int stop() throws Exception {
    return run().stopServer(STARTUP);
  }

  /** Stops a server the test left running, so no thread outlives its test. */
  @Override
  public void close() throws Exception {
    if (!run.isFinished()) {
      stop();
    }
  }
}
