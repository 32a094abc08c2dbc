package edu.sockets.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The load generator: its counts against a real server (no timing asserted), and its parts. */
@DisplayName("LoadGenerator: counting, checking and timing deliveries")
@Timeout(30)
class LoadGeneratorTest {

  @Test
  @DisplayName("30 clients x 40 lines: 34,800 deliveries expected and received, exit 0")
  void countsEveryDelivery() throws Exception {
    try (ServerFixture server = ServerFixture.start()) {
      CommandRun load = startLoad(server, "--clients", "30", "--messages", "40");

      assertThat(load.awaitExit(Duration.ofSeconds(20))).isZero();
      assertThat(load.out.lines())
          .contains(
              "Deliveries expected: 34,800",
              "Deliveries received: 34,800",
              "Lost: 0 (0.000%)",
              "Bad lines (corrupted, or the sender's own): 0; out of order: 0")
          .anyMatch(line ->
              line.matches(
                  "Time: [\\d.]+ s \\(first send to last delivery\\), [\\d,]+ deliveries/s"))
          .anyMatch(
              line -> line.matches("Latency: p50 [\\d.]+ ms, p99 [\\d.]+ ms, max [\\d.]+ ms"));
    }
  }

  @Test
  @DisplayName("with a rate and padded lines, and a client that never reads: still no loss")
  void countsWithARateAndANonReader() throws Exception {
    try (ServerFixture server = ServerFixture.start()) {
      CommandRun load =
          startLoad(
              server,
              "--clients",
              "5",
              "--messages",
              "10",
              "--rate",
              "50",
              "--size",
              "500",
              "--non-readers",
              "1");

      assertThat(load.awaitExit(Duration.ofSeconds(20))).isZero();
      assertThat(load.out.lines())
          .contains("Sending: 5 clients x 10 lines of 500 bytes, 50 lines/s each")
          .contains("Deliveries received: 200", "Lost: 0 (0.000%)")
          .anyMatch(line -> line.startsWith("Connected 5 clients and 1 that never read to "));
    }
  }

  @Test
  @DisplayName("a server that is not a broadcast server: one clear line, exit 1")
  void reportsAServerThatDoesNotRelay() throws Exception {
    try (ServerSocket silent = new ServerSocket(0)) {
      CommandRun load =
          CommandRun.start(
              "load", "--port", "" + silent.getLocalPort(), "--clients", "2", "--timeout", "1");

      assertThat(load.awaitExit(Duration.ofSeconds(10))).isEqualTo(1);
      assertThat(load.err.lines())
          .singleElement()
          .asString()
          .contains("1 of 1 clients got no line from the first within 1 s");
    }
  }

  private static CommandRun startLoad(ServerFixture server, String... options) {
    String[] args = {"load", "--host", server.host(), "--port", "" + server.port()};
    return CommandRun.start(
        Stream.concat(Stream.of(args), Stream.of(options)).toArray(String[]::new));
  }
}
