package edu.sockets.multiclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The load generator: counts only; its timings belong to the benchmark, not to tests. */
@DisplayName("LoadGenerator: many clients at once, counted")
@Timeout(30)
class LoadGeneratorTest {

  private static final Duration EXIT = Duration.ofSeconds(20);

  @Test
  @DisplayName("300 clients, 1 warm-up and 3 rounds: all connect, all 1200 lines answered, exit 0")
  void loadsTheServerWithAFewHundredClients() throws Exception {
    try (ServerFixture server = ServerFixture.start()) {
      CommandRun load =
          CommandRun.start(
              "load",
              "--host",
              server.host(),
              "--port",
              "" + server.port(),
              "--clients",
              "300",
              "--rounds",
              "3");

      assertThat(load.awaitExit(EXIT)).isZero();
      assertThat(load.out.lines())
          .contains(
              "answered:   1200 of 1200 lines (1 warm-up round + 3 rounds)",
              "failed:     0 of 300 clients")
          .anyMatch(line -> line.matches("connected:  300 of 300 clients in \\d+ ms"))
          .anyMatch(
              line -> line.matches("round trip: p50 [\\d.]+ ms, p99 [\\d.]+ ms, max [\\d.]+ ms"));
      assertThat(server.stop()).isZero();
      assertThat(server.run().out.lines())
          .anyMatch(line -> line.contains(" connected; 300 online"))
          .anyMatch(line -> line.contains("300 clients served, 1500 lines received"));
    }
  }

  @Test
  @DisplayName("no server: every client fails, each reason counted, exit 1")
  void countsEveryFailure() throws Exception {
    int port = freePort();

    CommandRun load = CommandRun.finish("load", "--port", "" + port, "--clients", "5");

    assertThat(load.exitCode()).isEqualTo(1);
    assertThat(load.out.lines())
        .contains(
            "connected:  0 of 5 clients",
            "answered:   0 of 55 lines (1 warm-up round + 10 rounds)",
            "warm-up:    no replies (not counted below)",
            "round trip: no replies",
            "failed:     5 of 5 clients",
            "  5 × Connection refused");
    assertThat(load.err.lines())
        .containsExactly(
            "No client could connect to 127.0.0.1:" + port + ". Is the server running?");
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }
}
