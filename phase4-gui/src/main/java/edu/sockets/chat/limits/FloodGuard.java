package edu.sockets.chat.limits;

import java.util.concurrent.TimeUnit;

/**
 * One connection's flood limit, on the lines it sends: a {@link TokenBucket} of {@code burst} lines
 * refilled at {@code rateLimit} lines a second. A line over the limit is refused (not handled), and
 * the client is told so at most once a second, not once per line: a flood of refusals would cost as
 * much as the flood. Refused lines are counted in a second bucket, as big as the burst but refilled
 * at a tenth of the rate; when it is empty too, the abuse is sustained and the connection is
 * closed.
 *
 * <p>Pure: time is passed in, so the tests run it on a fake clock. Used by one reader thread.
 */
final class FloodGuard {

  /** What to do with one line. */
  enum Verdict {
    /** Handle it. */
    PASS,
    /** Drop it and send {@code ERR RATE_LIMITED}. */
    REFUSE_AND_WARN,
    /** Drop it silently: the client was warned less than a second ago. */
    REFUSE,
    /** Close the connection: it kept flooding after being refused. */
    DISCONNECT
  }

  private static final long WARNING_INTERVAL = TimeUnit.SECONDS.toNanos(1);

  private final TokenBucket lines; // null: no limit
  private final TokenBucket patience;
  private long lastWarning;
  private boolean warned;

  FloodGuard(Limits limits, long now) {
    if (limits.rateLimit() > 0) {
      lines = new TokenBucket(limits.burst(), limits.rateLimit(), now);
      patience = new TokenBucket(limits.burst(), limits.rateLimit() / 10, now);
    } else {
      lines = null;
      patience = null;
    }
  }

  /** Decides about one line that arrived at {@code now}. */
  Verdict check(long now) {
    if (lines == null || lines.take(now)) {
      return Verdict.PASS;
    }
    if (!patience.take(now)) {
      return Verdict.DISCONNECT;
    }
    if (warned && now - lastWarning < WARNING_INTERVAL) {
      return Verdict.REFUSE;
    }
    warned = true;
    lastWarning = now;
    return Verdict.REFUSE_AND_WARN;
  }
}
