package edu.sockets.chat.protocol;

import java.time.Instant;

/**
 * Formats a {@code <ts>} as {@link Instant#toString()} does, remembering the last instant: a busy
 * server stamps many lines with one millisecond, so the costly {@code DateTimeFormatter} runs a few
 * hundred times a load run instead of 10,000.
 */
final class Timestamps {

  /** Immutable, so any thread may read the pair another thread stored. */
  private record Formatted(Instant instant, String text) {}

  // Threads may race to replace it: each stores a correct pair, so the worst case is formatting
  // an instant twice. volatile: a reader sees the whole pair, never a half-made one.
  private static volatile Formatted last = new Formatted(Instant.EPOCH, Instant.EPOCH.toString());

  private Timestamps() {}

  static String format(Instant instant) {
    Formatted remembered = last;
    if (!remembered.instant().equals(instant)) {
      remembered = new Formatted(instant, instant.toString());
      last = remembered;
    }
    return remembered.text();
  }
}
