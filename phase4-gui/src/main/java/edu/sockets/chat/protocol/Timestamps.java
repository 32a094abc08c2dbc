package edu.sockets.chat.protocol;

import java.time.Instant;

/**
 * Formats {@code <ts>} as {@link Instant#toString()} does, remembering the last instant: a busy
 * server stamps many lines with one millisecond, and {@code DateTimeFormatter} is costly.
 */
final class Timestamps {

  private record Formatted(Instant instant, String text) {}

  // Threads may race to replace it: each stores a correct pair, so the worst case is formatting an
  // instant twice. volatile, and the pair immutable: a reader never sees a half-made one.
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
