package edu.sockets.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
@DisplayName("BroadcastApp: command line, exit codes and the demo")
@Timeout(20)
class BroadcastAppTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  @DisplayName("client with no server: names host:port, asks if the server runs, exit 1")
  void clientWithoutServer() throws Exception {
    int port = freePort();

    CommandRun client = CommandRun.finish("client", "--port", "" + port);

    assertThat(client.exitCode()).isEqualTo(1);
    assertThat(client.err.lines())
        .containsExactly(
            "Cannot connect to 127.0.0.1:%d (Connection refused). Is the server running?"
                .formatted(port));
  }

  @Test
  @DisplayName("load with no server: the same one line, exit 1")
  void loadWithoutServer() throws Exception {
    int port = freePort();

    CommandRun load = CommandRun.finish("load", "--port", "" + port, "--clients", "2");

    assertThat(load.exitCode()).isEqualTo(1);
    assertThat(load.err.lines())
        .singleElement()
        .asString()
        .contains("127.0.0.1:" + port, "Is the server running?");
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
          .contains("port " + port, "already in use")
          .doesNotContain("Exception");
    }
  }

  @Test
  @DisplayName(
      "server on every interface: where other machines can connect, then the naive warning")
  void serverOnEveryInterfaceListsItsAddresses() throws Exception {
    CommandRun server =
        CommandRun.start("server", "--host", "0.0.0.0", "--port", "0", "--broadcast", "naive");
    String port =
        server.out.awaitLine(Pattern.compile("^Listening on 0\\.0\\.0\\.0:(\\d+)$"), WAIT).group(1);
    server.out.awaitLine(Pattern.compile("^Naive broadcast: "), WAIT);
    assertThat(server.stopServer(WAIT)).isZero();

    String[] lines = server.out.lines();
    assertThat(lines[1])
        .matches(
            "Other machines can connect to [\\d.]+:%s|No network address besides loopback: only"
                    .formatted(port)
                + " this machine can connect");
    assertThat(lines)
        .filteredOn(line -> line.startsWith("Other machines"))
        .allMatch(line -> line.endsWith(":" + port));
    assertThat(lines)
        .contains(
            "Naive broadcast: each sender writes to every socket itself (a slow client stalls it)");
  }

  @ParameterizedTest(name = "phase3-broadcast {0}")
  @ValueSource(
      strings = {
        "",
        "server --port nine",
        "server --port 70000",
        "server --broadcast loud",
        "client --port 0",
        "load --clients 1",
        "load --rate -1",
        "load --size 9000",
        "grade",
        "grade lab-pc-07",
        "launch"
      })
  @DisplayName("bad arguments print the usage and exit 2")
  void badArgumentsExitTwo(String args) throws Exception {
    CommandRun run = CommandRun.finish(args.isEmpty() ? new String[0] : args.split(" "));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err.text()).contains("Usage: phase3-broadcast");
  }

  @ParameterizedTest(name = "phase3-broadcast {0}")
  @ValueSource(
      strings = {
        "--help",
        "server --help",
        "client --help",
        "load --help",
        "demo --help",
        "grade --help",
        "--version"
      })
  @DisplayName("--help and --version work everywhere and exit 0")
  void helpAndVersionExitZero(String args) throws Exception {
    CommandRun run = CommandRun.finish(args.split(" "));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out.text()).contains("phase3-broadcast");
  }

  @Test
  @DisplayName("load --help says how to raise the file-descriptor limit")
  void loadHelpExplainsTheFileLimit() throws Exception {
    CommandRun run = CommandRun.finish("load", "--help");

    assertThat(run.out.text()).contains("ulimit -n");
  }

  @Test
  @DisplayName("the demo: three clients chat, the escapes are removed, B leaves, the server stops")
  void demoShowsEveryoneSide() throws Exception {
    CommandRun demo = CommandRun.finish("demo");

    assertThat(demo.exitCode()).isZero();
    String[] lines = demo.out.lines();
    assertThat(lines)
        .anyMatch(line ->
            line.matches("\\[A] \\[127\\.0\\.0\\.1:\\d+] ]0;you have been hacked\\[2JHi from C"))
        .anyMatch(line -> line.matches("\\[B] \\[127\\.0\\.0\\.1:\\d+] Hello everyone!"))
        .anyMatch(line -> line.matches("\\[C] \\*\\*\\* 127\\.0\\.0\\.1:\\d+ left \\(/exit\\)"))
        .contains("[A] *** Server shutting down. Goodbye.")
        .noneMatch(line -> line.contains("\u001b"));
    assertThat(lines[lines.length - 1]).startsWith("[server] Server stopped: 3 clients served");
  }

  @Test
  @DisplayName("grade against a closed port: connection refused, every check 0, exit 1")
  void gradeAgainstAClosedPort(@TempDir Path out) throws Exception {
    int port = freePort();

    CommandRun grade = CommandRun.finish("grade", "127.0.0.1:" + port, "--out", out.toString());

    assertThat(grade.exitCode()).isEqualTo(1);
    assertThat(grade.out.text()).contains("not run: connection refused: nothing listens on");
    assertThat(grade.out.lines()).endsWith("Score: 0/25");
    assertThat(out.resolve("127.0.0.1_" + port).resolve("grade.md")).exists();
  }

  /** A port nobody listens on: bound a moment ago, then closed. */
  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }
}
