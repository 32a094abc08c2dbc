package edu.sockets.broadcast.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Latencies counted in buckets: percentiles close enough, in a few KiB. */
@DisplayName("Histogram: latency percentiles")
class HistogramTest {

  @Test
  @DisplayName("the histogram's percentiles are within 3% of the true ones")
  void histogramPercentiles() {
    Histogram histogram = new Histogram();
    for (int micros = 1; micros <= 100_000; micros++) {
      histogram.record(micros);
    }

    assertThat(histogram.percentile(50)).isBetween(50_000L, 51_500L);
    assertThat(histogram.percentile(99)).isBetween(99_000L, 100_000L);
    assertThat(histogram.max()).isEqualTo(100_000);
    assertThat(new Histogram().percentile(99)).isZero();
  }
}
