package edu.sockets.chat.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TokenBucket: a burst, then a steady rate (on a fake clock)")
class TokenBucketTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  /** How many of {@code count} events at {@code now} the bucket lets through. */
  private static int takes(TokenBucket bucket, int count, long now) {
    int passed = 0;
    for (int i = 0; i < count; i++) {
      if (bucket.take(now)) {
        passed++;
      }
    }
    return passed;
  }

  @Test
  @DisplayName("a full bucket lets a burst of its capacity through at once, and no more")
  void burstThenEmpty() {
    TokenBucket bucket = new TokenBucket(200, 50, 0);

    assertThat(takes(bucket, 300, 0)).isEqualTo(200);
  }

  @Test
  @DisplayName("an empty bucket refills at the rate: 50 a second, 5 in a tenth of a second")
  void refillsAtTheRate() {
    TokenBucket bucket = new TokenBucket(200, 50, 0);
    takes(bucket, 200, 0);

    assertThat(takes(bucket, 100, SECOND / 10)).isEqualTo(5);
    assertThat(takes(bucket, 100, SECOND / 10 + SECOND)).isEqualTo(50);
  }

  @Test
  @DisplayName("a long pause refills only up to the capacity")
  void refillStopsAtCapacity() {
    TokenBucket bucket = new TokenBucket(10, 50, 0);
    takes(bucket, 10, 0);

    assertThat(takes(bucket, 100, 3600 * SECOND)).isEqualTo(10);
  }

  @Test
  @DisplayName("a steady sender at the rate is never refused, even for an hour")
  void steadySenderAtTheRatePasses() {
    TokenBucket bucket = new TokenBucket(1, 10, 0);
    int passed = 0;
    for (long i = 1; i <= 36_000; i++) {
      passed += bucket.take(i * SECOND / 10) ? 1 : 0;
    }

    assertThat(passed).isEqualTo(36_000);
  }

  @Test
  @DisplayName("works across nanoTime's sign change and ignores a clock read out of order")
  void negativeAndBackwardTimes() {
    long start = -SECOND / 2; // System.nanoTime() may be any value, negative included
    TokenBucket bucket = new TokenBucket(2, 1, start);
    takes(bucket, 2, start);

    assertThat(bucket.take(start - SECOND)).as("an earlier time adds nothing").isFalse();
    assertThat(bucket.take(start + SECOND)).as("a second later: one token").isTrue();
    assertThat(bucket.take(start + SECOND)).isFalse();
  }

  @Test
  @DisplayName("a bucket without capacity or rate is a programming error, named")
  void rejectsNonsense() {
    assertThatThrownBy(() -> new TokenBucket(0, 1, 0)).hasMessageContaining("0");
    assertThatThrownBy(() -> new TokenBucket(1, 0, 0)).hasMessageContaining("positive rate");
  }
}
