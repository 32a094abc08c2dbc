package edu.sockets.hello;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line: user errors end in one clear line and an exit code, never a stack trace. */
@DisplayName("HelloApp: command line, exit codes and the demo")
@Timeout(10)
class HelloAppTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  @DisplayName("client with no server: names host:port, asks if the server runs, exit 1")
  void clientWithoutServer() throws Exception {
    int port = freePort();

    CommandRun client = CommandRun.finish("client", "--host", "127.0.0.1", "--port", "" + port);

    assertThat(client.exitCode()).isEqualTo(1);
    assertThat(client.err.lines())
        .singleElement()
        .asString()
        .contains("127.0.0.1:" + port)
        .contains("Is the server running?")
        .doesNotContain("Exception");
  }

  @Test
  @DisplayName("server on a port already in use: names the port, exit 1")
  void serverOnATakenPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String port = "" + taken.getLocalPort();

      CommandRun server = CommandRun.finish("server", "--host", "127.0.0.1", "--port", port);

      assertThat(server.exitCode()).isEqualTo(1);
      assertThat(server.err.lines())
          .singleElement()
          .asString()
          .contains("port " + port)
          .contains("already in use")
          .doesNotContain("Exception");
    }
  }

  @Test
  @DisplayName("server on every interface: says where other machines can connect, or that none can")
  void serverOnEveryInterfaceListsItsAddresses() throws Exception {
    CommandRun server = CommandRun.start("server", "--host", "0.0.0.0", "--port", "0");
    String port =
        server.out.awaitLine(Pattern.compile("^Listening on 0\\.0\\.0\\.0:(\\d+)$"), WAIT).group(1);
    server.out.awaitLine(Pattern.compile("^(Other machines|No network address)"), WAIT);
    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(port))) {
      client.getOutputStream().write("Hello Server\n".getBytes(StandardCharsets.UTF_8));
      assertThat(server.awaitExit(WAIT)).isZero();
    }

    assertThat(server.out.lines())
        .allMatch(line ->
            !line.startsWith("Other machines")
                || line.matches("Other machines can connect to [\\d.]+:" + port))
        .anyMatch(line ->
            line.startsWith("Other machines")
                || line.equals(
                    "No network address besides loopback: only this machine can connect"));
  }

  @Test
  @DisplayName("unknown host: one clear line, exit 1")
  void clientWithUnknownHost() throws Exception {
    CommandRun client = CommandRun.finish("client", "--host", "no-such-host.invalid");

    assertThat(client.exitCode()).isEqualTo(1);
    assertThat(client.err.lines())
        .containsExactly(
            "Unknown host: no-such-host.invalid. Check the name, or use the server's IP address.");
  }

  @ParameterizedTest(name = "phase1-hello {0}")
  @ValueSource(
      strings = {
        "",
        "server --port nine",
        "server --port 70000",
        "server --timeout 0",
        "client --port 0",
        "client --colour",
        "launch"
      })
  @DisplayName("bad arguments print the usage and exit 2")
  void badArgumentsExitTwo(String args) throws Exception {
    CommandRun run = CommandRun.finish(args.isEmpty() ? new String[0] : args.split(" "));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err.text()).contains("Usage: phase1-hello");
  }

  @ParameterizedTest(name = "phase1-hello {0}")
  @ValueSource(strings = {"--help", "server --help", "client --help", "demo --help", "--version"})
  @DisplayName("--help and --version work everywhere and exit 0")
  void helpAndVersionExitZero(String args) throws Exception {
    CommandRun run = CommandRun.finish(args.split(" "));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out.text()).contains("phase1-hello");
  }

  @Test
  @DisplayName("the demo runs both sides in one process and labels each line")
  void demoShowsBothSides() throws Exception {
    CommandRun demo = CommandRun.finish("demo");

    assertThat(demo.exitCode()).isZero();
    assertThat(demo.out.lines())
        .contains(
            "[client] Sending: Hello Server",
            "[server] Received: Hello Server",
            "[server] Sending: Hello Client",
            "[client] Received: Hello Client")
        .anyMatch(line -> line.matches("\\[server] Listening on 127\\.0\\.0\\.1:\\d+"));
  }

  @Test
  @DisplayName("grade of a server whose name is not found: every check says so, Score 0/12, exit 1")
  void gradeAnUnknownHost(@TempDir Path grades) throws Exception {
    CommandRun grade =
        CommandRun.finish("grade", "no-such-host.invalid:5001", "--out", grades.toString());

    assertThat(grade.exitCode()).isEqualTo(1);
    assertThat(grade.out.text())
        .contains("not run: name not found: no host is called \"no-such-host.invalid\"");
    String[] lines = grade.out.lines();
    assertThat(lines[lines.length - 1]).isEqualTo("Score: 0/12");
    assertThat(grades.resolve("no-such-host.invalid_5001").resolve("results.json")).exists();
  }

  @Test
  @DisplayName("grade without a server to grade: the usage, exit 2")
  void gradeWithoutAServer() throws Exception {
    CommandRun grade = CommandRun.finish("grade");

    assertThat(grade.exitCode()).isEqualTo(2);
    assertThat(grade.err.text()).contains("give either HOST:PORT or --roster FILE");
  }

  /** A port nobody listens on: bound a moment ago, then closed. */
  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }
}
