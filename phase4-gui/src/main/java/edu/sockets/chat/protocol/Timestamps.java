package edu.sockets.chat.protocol;

import java.time.Instant;

/**
 * Formats a {@code <ts>} as {@link Instant#toString()} does (ISO-8601 UTC, {@code
 * 2026-11-22T10:15:30.125Z}), remembering the last instant it formatted.
 *
 * <p>Why remember: the server stamps its events to the millisecond, so when it is busy many lines
 * carry the same stamp (10,000 messages in a third of a second are 30 a millisecond). Formatting an
 * instant goes through {@code DateTimeFormatter}, a large piece of code: in a measured 100 x 100
 * run on a fresh server, the JIT compiler spent 0.13 s compiling it while the run went on, on the
 * same two cores. Formatted once per millisecond, it is called a few hundred times a run instead of
 * 10,000.
 */
final class Timestamps {

  /** An instant and its text; immutable, so any thread may read the one another thread stored. */
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
