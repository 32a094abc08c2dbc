package edu.sockets.grading;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * What came back when a line was awaited: a whole line, or the bytes that arrived before the wait
 * ended some other way. {@link #describe()} says it the way a diagnosis needs it.
 *
 * @param bytes what arrived, with the line feed when {@code end} is {@link End#LINE}
 * @param end how the wait ended
 * @param waited how long was waited, for {@link End#QUIET}
 */
public record Reply(byte[] bytes, End end, Duration waited) {

  /** How a wait for a line ended. */
  public enum End {
    /** A line arrived, ending in a line feed. */
    LINE,
    /** Nothing more arrived for the time waited; the connection is still open. */
    QUIET,
    /** The server closed the connection (end of stream). */
    CLOSED,
    /** The connection was reset (the server's side was closed with data unread, or it crashed). */
    RESET,
    /** The server sent more than a grade keeps without a line feed. */
    OVERFLOW
  }

  /** The line's text, without its line feed and a CR before it; for other ends, what came. */
  public String text() {
    int length = bytes.length;
    if (end == End.LINE) {
      length--;
      if (length > 0 && bytes[length - 1] == '\r') {
        length--;
      }
    }
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  public boolean isLine() {
    return end == End.LINE;
  }

  /** True when the connection is over: closed or reset. */
  public boolean ended() {
    return end == End.CLOSED || end == End.RESET;
  }

  /**
   * For a diagnosis: {@code "Hello Client\n"}, {@code "Hello client" (12 bytes, no line feed, then
   * the server closed)}, {@code nothing within 2 s}.
   */
  public String describe() {
    if (end == End.LINE) {
      return Quote.bytes(bytes);
    }
    if (bytes.length == 0) {
      return switch (end) {
        case QUIET -> "nothing within " + Quote.seconds(waited);
        case CLOSED -> "nothing: the server closed the connection";
        default -> "nothing: the connection was reset";
      };
    }
    boolean lineFeedLast = bytes[bytes.length - 1] == '\n';
    String how =
        switch (end) {
          case QUIET -> (lineFeedLast ? "then nothing more" : "no line feed") + " within ";
          case CLOSED -> (lineFeedLast ? "" : "no line feed, ") + "then the server closed";
          case RESET -> (lineFeedLast ? "" : "no line feed, ") + "then the connection was reset";
          default -> "and still no line feed";
        };
    if (end == End.QUIET) {
      how += Quote.seconds(waited);
    }
    return "%s (%s, %s)".formatted(Quote.bytes(bytes), Quote.count(bytes.length, "byte"), how);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Reply that
        && Arrays.equals(bytes, that.bytes)
        && end == that.end
        && waited.equals(that.waited);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes) * 31 + end.hashCode();
  }

  @Override
  public String toString() {
    return describe();
  }
}
