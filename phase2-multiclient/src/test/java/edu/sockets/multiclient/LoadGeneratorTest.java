package edu.sockets.multiclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;
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

  @Test
  @DisplayName("too few file descriptors: says which ulimit to run, instead of failing later")
  void namesTheUlimitToRunWhenDescriptorsAreShort() {
    assertThat(LoadGenerator.fileDescriptorProblem(1000, 20, 1024))
        .isEqualTo(
            "Not enough file descriptors for 1000 clients: this process may have 1024 open files"
                + " and each connection needs one. Raise the limit in this shell first, for"
                + " example with: ulimit -n 1100 (see load --help)");
    assertThat(LoadGenerator.fileDescriptorProblem(10_000, 20, 20_000)).isNull();
  }

  @Test
  @DisplayName("percentiles are nearest-rank: of 1..100 ms, p50 is 50 and p99 is 99")
  void computesNearestRankPercentiles() {
    long[] roundTrips = LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).toArray();

    assertThat(LoadGenerator.Result.percentile(roundTrips, 50)).isEqualTo(50_000_000);
    assertThat(LoadGenerator.Result.percentile(roundTrips, 99)).isEqualTo(99_000_000);
    assertThat(LoadGenerator.Result.percentile(roundTrips, 100)).isEqualTo(100_000_000);
    assertThat(LoadGenerator.Result.percentile(new long[] {7}, 99)).isEqualTo(7);
  }

  @Test
  @DisplayName("the report keeps the warm-up apart, and fails if one line is missing")
  void reportsWarmupApartAndCountsEveryLine() {
    long[] warmup = LongStream.rangeClosed(1, 50).map(ms -> ms * 10_000_000).toArray();
    long[] measured = LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).toArray();
    var result =
        new LoadGenerator.Result(
            50, 1, 2, 50, 150, Duration.ofMillis(5), warmup, measured, Map.of());
    var oneShort =
        new LoadGenerator.Result(
            50, 1, 2, 50, 149, Duration.ofMillis(5), warmup, measured, Map.of());

    assertThat(result.succeeded()).isTrue();
    assertThat(oneShort.succeeded()).isFalse();
    assertThat(result.report())
        .containsExactly(
            "connected:  50 of 50 clients in 5 ms",
            "answered:   150 of 150 lines (1 warm-up round + 2 rounds)",
            "warm-up:    p50 250.0 ms, p99 500.0 ms, max 500.0 ms (not counted below)",
            "round trip: p50 50.0 ms, p99 99.0 ms, max 100.0 ms",
            "failed:     0 of 50 clients");
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }
}
