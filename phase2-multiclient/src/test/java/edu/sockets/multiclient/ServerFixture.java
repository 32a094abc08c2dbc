package edu.sockets.multiclient;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The server the end-to-end tests talk to: this phase's own server, started in the test JVM on a
 * free port. The tests reach it through its socket, and read its log and stop it through its
 * command. (A student's server, in any language, is graded with the {@code grade} command.)
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
  Connection connect() throws IOException {
    Socket socket = new Socket(host, port);
    socket.setSoTimeout(5_000);
    return new Connection(socket);
  }

  /** What the server printed and how it ended. */
  CommandRun run() {
    return run;
  }

  /** Stops the server the way Ctrl+C does, and waits for its command to end. */
  int stop() throws Exception {
    run.serverCommand().stop();
    return run.awaitExit(STARTUP);
  }

  /** Stops a server the test left running, so no thread outlives its test. */
  @Override
  public void close() throws Exception {
    if (!run.isFinished()) {
      stop();
    }
  }

  /** One client's connection, as a test drives it: send text or raw bytes, read reply lines. */
  static final class Connection implements AutoCloseable {
    final Socket socket;
    private final LineReader replies;

    private Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.replies = new LineReader(socket.getInputStream(), EchoClient.MAX_REPLY_BYTES);
    }

    /** This end's address as the server sees it (on loopback): {@code 127.0.0.1:53422}. */
    String who() {
      return EchoServer.endpoint(socket.getLocalAddress(), socket.getLocalPort());
    }

    Connection send(String text) throws IOException {
      return send(text.getBytes(UTF_8));
    }

    Connection send(byte[] bytes) throws IOException {
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
      return this;
    }

    /** The next reply line, or null once the server has closed the connection. */
    String readLine() throws IOException {
      return replies.readLine();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
