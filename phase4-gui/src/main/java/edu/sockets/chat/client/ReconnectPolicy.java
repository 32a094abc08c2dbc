package edu.sockets.chat.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before each attempt to reconnect: exponential backoff with a cap and jitter.
 *
 * <p>Backoff, because a server that is down gains nothing from a client knocking ten times a
 * second, and a restarted server should not meet every client of the class in the same millisecond.
 * Jitter (a random part of up to {@code jitter} either way) spreads those clients out. The cap
 * keeps a long outage from making the user wait minutes once the server is back; the "Reconnect
 * now" button skips the wait.
 *
 * @param first the wait before the first attempt
 * @param factor how much each wait grows over the one before
 * @param max the longest wait
 * @param jitter the random share, 0 to 1: 0.2 makes a 10 s wait anything from 8 to 12 s
 */
public record ReconnectPolicy(Duration first, double factor, Duration max, double jitter) {

  /** 0.5 s, 1 s, 2 s, 4 s, 8 s, then 15 s, each give or take 20%. */
  public static final ReconnectPolicy DEFAULT =
      new ReconnectPolicy(Duration.ofMillis(500), 2, Duration.ofSeconds(15), 0.2);

  public ReconnectPolicy {
    if (first.isNegative() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("need 0 <= first <= max, not " + first + ", " + max);
    }
    if (factor < 1 || jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("need factor >= 1, 0 <= jitter <= 1: " + factor + jitter);
    }
  }

  /**
   * The wait before attempt {@code attempt} (1 for the first attempt after a drop).
   *
   * @param random a number from 0 (inclusive) to 1 (exclusive), as {@code Math.random()} gives
   */
  public Duration delay(int attempt, DoubleSupplier random) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts count from 1, not " + attempt);
    }
    double millis = first.toMillis() * Math.pow(factor, attempt - 1);
    double capped = Math.min(millis, max.toMillis());
    double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
    return Duration.ofMillis(Math.round(capped * spread));
  }
}
