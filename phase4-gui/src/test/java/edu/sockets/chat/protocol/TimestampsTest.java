package edu.sockets.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("Timestamps: <ts> as Instant.toString writes it, formatted once per instant")
@Timeout(10)
class TimestampsTest {

  @Test
  @DisplayName("the same text as Instant.toString, whether the instant repeats or changes")
  void formatsAsInstantToString() {
    List<Instant> instants =
        List.of(
            Instant.parse("2026-11-22T10:15:30Z"),
            Instant.parse("2026-11-22T10:15:30Z"),
            Instant.parse("2026-11-22T10:15:30.125Z"),
            Instant.parse("2026-11-22T10:15:30.125Z"),
            Instant.parse("2026-11-22T10:15:30Z"),
            Instant.parse("2026-11-22T10:15:30.100Z"),
            Instant.EPOCH,
            Instant.parse("2027-01-01T00:00:00.001Z"));

    for (Instant instant : instants) {
      assertThat(Timestamps.format(instant)).isEqualTo(instant.toString());
    }
    assertThat(Timestamps.format(Instant.parse("2026-11-22T10:15:30.100Z")))
        .isEqualTo("2026-11-22T10:15:30.100Z");
  }

  @Test
  @DisplayName("threads formatting different instants at once each get their own instant's text")
  void isSafeAcrossThreads() throws Exception {
    try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long base = 1_795_000_000_000L + t * 1_000_000L;
        results.add(
            threads.submit(() -> {
              for (int i = 0; i < 20_000; i++) {
                Instant instant = Instant.ofEpochMilli(base + i / 7);
                if (!Timestamps.format(instant).equals(instant.toString())) {
                  return false;
                }
              }
              return true;
            }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    }
  }
}
