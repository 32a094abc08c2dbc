package edu.sockets.multiclient.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the load command prints, from made-up round trips. */
@DisplayName("LoadResult: percentiles and the report")
class LoadResultTest {

  @Test
  @DisplayName("percentiles are nearest-rank: of 1..100 ms, p50 is 50 and p99 is 99")
  void computesNearestRankPercentiles() {
    long[] roundTrips = LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).toArray();

    assertThat(LoadResult.percentile(roundTrips, 50)).isEqualTo(50_000_000);
    assertThat(LoadResult.percentile(roundTrips, 99)).isEqualTo(99_000_000);
    assertThat(LoadResult.percentile(roundTrips, 100)).isEqualTo(100_000_000);
    assertThat(LoadResult.percentile(new long[] {7}, 99)).isEqualTo(7);
  }

  @Test
  @DisplayName("the report keeps the warm-up apart, and fails if one line is missing")
  void reportsWarmupApartAndCountsEveryLine() {
    long[] warmup = LongStream.rangeClosed(1, 50).map(ms -> ms * 10_000_000).toArray();
    long[] measured = LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).toArray();
    var result =
        new LoadResult(50, 1, 2, 50, 150, Duration.ofMillis(5), warmup, measured, Map.of());
    var oneShort =
        new LoadResult(50, 1, 2, 50, 149, Duration.ofMillis(5), warmup, measured, Map.of());

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
}
