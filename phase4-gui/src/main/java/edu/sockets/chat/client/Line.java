package edu.sockets.chat.client;

import java.time.Instant;

/**
 * One line of a conversation.
 *
 * @param ts when the server handled it (the client's clock for its own notes), shown in local time
 * @param from the sender, for messages; null for the rest
 * @param to the receiver of a private message; null for the rest
 */
public record Line(Instant ts, Line.Style style, String from, String to, String text) {

  /** How a line looks: messages stand out, notices are quieter, errors are errors. */
  public enum Style {
    /** A message from a user, public or to a room. */
    MESSAGE,
    /** A private message, either way. */
    PRIVATE,
    /** An announcement from the administrator ({@code from server}). */
    ANNOUNCEMENT,
    /** Join, leave, rename, connection lost and back: quieter. */
    NOTICE,
    /** Help, answers to {@code /who} and {@code /rooms}, the server's {@code INFO}. */
    INFO,
    /** An {@code ERR} from the server, or a line the client could not send. */
    ERROR,
    /** A message from before the user arrived ({@code HISTORY}): quieter than new ones. */
    HISTORY,
    /** The line between history and what is new; its text says which side is which. */
    DIVIDER,
    /** A private message sent while the user was offline, delivered at sign-in. */
    OFFLINE
  }

  /** A line from nobody: a notice, an answer, an error, a divider. */
  static Line of(Instant ts, Style style, String text) {
    return new Line(ts, style, null, null, text);
  }

  /** Messages count as unread (unless they are the user's own); notices and answers do not. */
  public boolean countsAsUnread() {
    return style == Style.MESSAGE
        || style == Style.PRIVATE
        || style == Style.ANNOUNCEMENT
        || style == Style.OFFLINE;
  }
}
