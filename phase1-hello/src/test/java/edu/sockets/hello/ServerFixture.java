package edu.sockets.hello;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * This phase's server, started in the test JVM on a free port; the end-to-end tests talk to it only
 * through its socket, and read its log and exit code from the run. (A student's server is graded
 * with the {@code grade} command, not with these tests.)
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

  /** What the server printed and how it ended. */
  CommandRun run() {
    return run;
  }

  /** Ends a server the test left waiting in accept(), so no thread outlives its test. */
  @Override
  public void close() throws Exception {
    if (!run.isFinished()) {
      new Socket(host, port).close(); // the server reads end of stream and stops
      run.awaitExit(STARTUP);
    }
  }
}
