package edu.sockets.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line: user errors end in one clear line and an exit code, never a stack trace. */
@DisplayName("ChatApp: command line, exit codes and the terminal demo")
@Timeout(20)
class ChatAppTest {

  @ParameterizedTest(name = "phase4-gui {0} with no server")
  @ValueSource(strings = {"client", "load"})
  @DisplayName("client and load with no server: name host:port, ask if the server runs, exit 1")
  void noServer(String command) throws Exception {
    int port = freePort();

    CommandRun run = CommandRun.finish(command, "--host", "127.0.0.1", "--port", "" + port);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err.lines())
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
  @DisplayName("no command: names every command, grade included, and exits 2")
  void noCommandNamesEveryCommand() throws Exception {
    CommandRun run = CommandRun.finish();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err.lines()[0])
        .isEqualTo(
            "Missing command: server, client, gui, load, demo, terminal-demo, screenshots or"
                + " grade");
  }

  @ParameterizedTest(name = "phase4-gui {0}")
  @ValueSource(
      strings = {
        "",
        "server --port nine",
        "server --port 70000",
        "server --rate-limit -1",
        "server --burst 0",
        "server --ping-interval soon",
        "server --ping-timeout 0",
        "server --line-timeout 100000",
        "server --register-timeout -1",
        "server --max-clients -5",
        "server --max-per-address many",
        "client --port 0",
        "load --clients 0",
        "load --rate -1",
        "gui --port 0",
        "gui --theme purple",
        "demo --theme purple",
        "grade",
        "grade nowhere",
        "grade 127.0.0.1:5004 --roster students.csv",
        "launch"
      })
  @DisplayName("bad arguments print the usage and exit 2")
  void badArgumentsExitTwo(String args) throws Exception {
    CommandRun run = CommandRun.finish(args.isEmpty() ? new String[0] : args.split(" "));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err.text()).contains("Usage: phase4-gui");
  }

  @ParameterizedTest(name = "phase4-gui {0}")
  @ValueSource(
      strings = {
        "--help",
        "server --help",
        "client --help",
        "load --help",
        "gui --help",
        "demo --help",
        "terminal-demo --help",
        "screenshots --help",
        "grade --help",
        "--version"
      })
  @DisplayName("--help and --version work everywhere and exit 0")
  void helpAndVersionExitZero(String args) throws Exception {
    CommandRun run = CommandRun.finish(args.split(" "));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out.text()).contains("phase4-gui");
  }

  @ParameterizedTest(name = "phase4-gui {0} without a display")
  @ValueSource(strings = {"gui", "demo", "screenshots"})
  @DisplayName("the windowed commands without a display: one line saying how to run them, exit 1")
  void windowsNeedADisplay(String command) throws Exception {
    assumeTrue(GraphicsEnvironment.isHeadless(), "a display is available: the windows would open");

    CommandRun run = CommandRun.finish(command);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err.lines())
        .singleElement()
        .asString()
        .startsWith("No display")
        .contains("xvfb-run");
  }

  @Test
  @DisplayName("the terminal demo runs a server and two users in one process, and labels each line")
  void terminalDemoShowsEverySide() throws Exception {
    CommandRun demo = CommandRun.finish("terminal-demo");

    assertThat(demo.exitCode()).isZero();
    assertThat(demo.out.lines())
        .contains(
            "[alice] > /name alice",
            "[bob] > /pm alice Hello alice, this one is only for you.",
            "[alice] Online (2): alice, bob")
        .anyMatch(line -> line.matches("\\[server] Listening on 127\\.0\\.0\\.1:\\d+"))
        .anyMatch(line -> line.matches("\\[bob] \\[\\d\\d:\\d\\d] alice: Hi bob! .*"))
        .anyMatch(line -> line.matches("\\[alice] \\[\\d\\d:\\d\\d] bob -> you \\(private\\): .*"))
        .anyMatch(line -> line.matches("\\[alice] \\[\\d\\d:\\d\\d] \\* bob left \\(quit\\)"));
  }

  @Test
  @DisplayName("load: a small run against the fixture's server delivers everything, exit 0")
  void loadDeliversEverything() throws Exception {
    try (ServerFixture server = ServerFixture.start()) {
      CommandRun load =
          CommandRun.finish(
              "load",
              "--host",
              server.host(),
              "--port",
              "" + server.port(),
              "--clients",
              "5",
              "--messages",
              "20");

      assertThat(load.exitCode()).as(load.out.text() + load.err.text()).isZero();
      assertThat(load.out.text())
          .contains("deliveries: 500 expected, 500 received, 0 lost")
          .containsPattern("latency: p50 [\\d.]+ ms, p99 [\\d.]+ ms, max [\\d.]+ ms");
    }
  }

  @Test
  @DisplayName("grade with no server: every check says connection refused, Score: 0/44, exit 1")
  void gradeWithoutServer(@TempDir Path out) throws Exception {
    int port = freePort();

    CommandRun grade = CommandRun.finish("grade", "127.0.0.1:" + port, "--out", out.toString());

    assertThat(grade.exitCode()).isEqualTo(1);
    assertThat(grade.out.text())
        .contains("connection refused: nothing listens on 127.0.0.1:" + port);
    String[] lines = grade.out.lines();
    assertThat(lines[lines.length - 1]).isEqualTo("Score: 0/44");
    assertThat(grade.err.text()).isEmpty();
  }

  /** A port nobody listens on: bound a moment ago, then closed. */
  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }
}
