package edu.sockets.multiclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line: user errors end in one clear line and an exit code, never a stack trace. */
@DisplayName("MultiClientApp: command line, exit codes and the demo")
@Timeout(10)
class MultiClientAppTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  @DisplayName("client with no server: names host:port, asks if the server runs, exit 1")
  void clientWithoutServer() throws Exception {
    int port = freePort();

    CommandRun client = CommandRun.finish("client", "--host", "127.0.0.1", "--port", "" + port);

    assertThat(client.exitCode()).isEqualTo(1);
    assertThat(client.err.lines())
        .containsExactly(
            "Cannot connect to 127.0.0.1:%d (Connection refused). Is the server running?"
                .formatted(port));
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
    server.out.awaitLine(Pattern.compile("Each client gets a virtual thread"), WAIT);
    server.serverCommand().stop();
    assertThat(server.awaitExit(WAIT)).isZero();

    String[] lines = server.out.lines();
    assertThat(lines[1])
        .matches(
            "Other machines can connect to [\\d.]+:%s|No network address besides loopback: only"
                    .formatted(port)
                + " this machine can connect");
    assertThat(lines)
        .filteredOn(line -> line.startsWith("Other machines"))
        .allMatch(line -> line.endsWith(":" + port));
  }

  @ParameterizedTest(name = "phase2-multiclient {0}")
  @ValueSource(strings = {"client", "load"})
  @DisplayName("unknown host: one clear line, exit 1")
  void unknownHost(String command) throws Exception {
    CommandRun run = CommandRun.finish(command, "--host", "no-such-host.invalid");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err.lines())
        .containsExactly(
            "Unknown host: no-such-host.invalid. Check the name, or use the server's IP address.");
  }

  @ParameterizedTest(name = "phase2-multiclient {0}")
  @ValueSource(
      strings = {
        "",
        "server --port nine",
        "server --port 70000",
        "server --threads green",
        "server --backlog 0",
        "client --port 0",
        "client --timeout 0",
        "load --clients 0",
        "load --clients 70000",
        "load --rounds 0",
        "load --clients 10000 --rounds 5000",
        "load --warmup -1",
        "grade",
        "grade lab-pc-07",
        "launch"
      })
  @DisplayName("bad arguments print the usage and exit 2")
  void badArgumentsExitTwo(String args) throws Exception {
    CommandRun run = CommandRun.finish(args.isEmpty() ? new String[0] : args.split(" "));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err.text()).contains("Usage: phase2-multiclient");
  }

  @ParameterizedTest(name = "phase2-multiclient {0}")
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
    assertThat(run.out.text()).contains("phase2-multiclient");
  }

  @Test
  @DisplayName("grade with nothing listening: says connection refused, 0 points, exit 1")
  void gradeWithoutServer(@TempDir Path grades) throws Exception {
    int port = freePort();

    CommandRun grade = CommandRun.finish("grade", "127.0.0.1:" + port, "--out", grades.toString());

    assertThat(grade.exitCode()).isEqualTo(1);
    assertThat(grade.out.text())
        .contains("not run: connection refused: nothing listens on 127.0.0.1:" + port);
    assertThat(List.of(grade.out.lines())).last().isEqualTo("Score: 0/23");
  }

  @Test
  @DisplayName("load --help says how to raise the file-descriptor limit")
  void loadHelpExplainsTheFileDescriptorLimit() throws Exception {
    CommandRun run = CommandRun.finish("load", "--help");

    assertThat(run.out.text()).contains("ulimit -n 20000", "ulimit -Hn", "never raises");
  }

  @Test
  @DisplayName("--threads takes virtual or platform, in any case")
  void acceptsTheThreadKindInAnyCase() throws Exception {
    try (ServerFixture server = ServerFixture.start("--threads", "PLATFORM")) {
      server
          .run()
          .out
          .awaitLine(
              Pattern.compile("  Each client gets a platform thread"), ServerFixture.STARTUP);
    }
  }

  @Test
  @DisplayName("the demo: two clients at once, each answered; the server logs both; exit 0")
  void demoShowsTwoClientsAtOnce() throws Exception {
    CommandRun demo = CommandRun.finish("demo");

    assertThat(demo.exitCode()).isZero();
    String[] lines = demo.out.lines();
    assertThat(lines)
        .anyMatch(line -> line.matches("\\[server] Listening on 127\\.0\\.0\\.1:\\d+"))
        .anyMatch(line -> line.matches("\\[server] .* connected; 2 online"))
        .anyMatch(line -> line.matches("\\[bob] < \\[127\\.0\\.0\\.1:\\d+] goodbye"))
        .anyMatch(line ->
            line.matches(
                "\\[alice] < \\[127\\.0\\.0\\.1:\\d+] error: line longer than 8192 bytes, ignored"))
        .anyMatch(line ->
            line.matches(
                "\\[server] .* Stopped after .*: 2 clients served, 7 lines received; 0 disconnected at shutdown"));
    assertThat(String.join("\n", lines))
        .containsSubsequence(
            "[alice] > Hello, I am Alice",
            "[bob] > Hello, I am Bob",
            "[alice] > Bob and I are connected at the same time",
            "[bob] the server closed the connection",
            "[alice] < [",
            "] you said: a tab\\x09and an escape \\x1b[2J are shown, not obeyed",
            "[alice] < [",
            "] you said: still connected after that",
            "[alice] the server closed the connection");
  }

  /** A port nobody listens on: bound a moment ago, then closed. */
  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }
}
