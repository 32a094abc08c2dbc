package edu.sockets.chat.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LatencyHistogram: percentiles within 1.6% in a few kilobytes")
class LatencyHistogramTest {

  @Test
  @DisplayName("every value falls in a bucket that holds it")
  void bucketsHoldTheirValues() {
    for (long value = 0; value < 1_000_000; value += 997) {
      int index = LatencyHistogram.index(value);
      assertThat(value).isBetween(LatencyHistogram.lowest(index), LatencyHistogram.highest(index));
    }
    long huge = 3_600_000_000_000L; // an hour in nanoseconds
    int index = LatencyHistogram.index(huge);
    assertThat(huge).isBetween(LatencyHistogram.lowest(index), LatencyHistogram.highest(index));
  }

  @Test
  @DisplayName("percentiles of 1..100,000 microseconds, within 1.6%, merged from two halves")
  void percentilesAreClose() {
    LatencyHistogram low = new LatencyHistogram();
    LatencyHistogram high = new LatencyHistogram();
    for (long micros = 1; micros <= 100_000; micros++) {
      (micros <= 50_000 ? low : high).record(micros * 1000);
    }
    low.add(high);

    assertThat(low.count()).isEqualTo(100_000);
    assertThat((double) low.percentile(50)).isCloseTo(50_000_000, within(800_000.0));
    assertThat((double) low.percentile(99)).isCloseTo(99_000_000, within(1_600_000.0));
    assertThat(low.max()).isEqualTo(100_000_000);
  }
}
