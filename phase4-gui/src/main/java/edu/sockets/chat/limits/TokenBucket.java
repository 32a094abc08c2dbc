package edu.sockets.chat.limits;

/**
 * A token bucket: it holds up to {@code capacity} tokens and gains {@code perSecond} of them each
 * second; every event takes one, and an event that finds the bucket empty is refused. So a burst of
 * {@code capacity} events passes at once, and after it, {@code perSecond} a second in the long run.
 *
 * <p>Time is passed in (nanoseconds, as from {@link System#nanoTime()}), so tests run it on a fake
 * clock. Not thread-safe: each connection's reader thread has its own.
 */
final class TokenBucket {

  private final double capacity;
  private final double perNano;
  private double tokens;
  private long last;

  /** A full bucket at {@code now}. */
  TokenBucket(int capacity, double perSecond, long now) {
    if (capacity < 1 || !(perSecond > 0)) {
      throw new IllegalArgumentException(
          "a bucket needs a capacity of 1 or more and a positive rate, not %d and %s"
              .formatted(capacity, perSecond));
    }
    this.capacity = capacity;
    this.perNano = perSecond / 1e9;
    this.tokens = capacity;
    this.last = now;
  }

  /** Takes a token if there is one; false if the bucket is empty. */
  boolean take(long now) {
    long elapsed = now - last; // nanoTime may be negative: only differences mean anything
    if (elapsed > 0) {
      tokens = Math.min(capacity, tokens + elapsed * perNano);
      last = now;
    }
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
