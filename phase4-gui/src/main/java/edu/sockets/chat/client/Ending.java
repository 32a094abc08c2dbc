package edu.sockets.chat.client;

import edu.sockets.chat.protocol.ErrorCode;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Err;
import java.io.IOException;
import java.util.Set;

/**
 * Why a connection ended: what the server announced before it closed, or that it said nothing. Both
 * clients keep the first announcement of each connection, and word its end from it.
 */
sealed interface Ending {

  /** {@code BYE}: the server is shutting down, or answers the user's {@code /exit}. */
  record Bye() implements Ending {}

  /** {@code ERR KICKED}: the administrator removed the user (or a flood did). */
  record Kicked(String reason) implements Ending {}

  /** Another {@code ERR} after which the server closes, as PROTOCOL.md says of each code. */
  record Refused(String code, String error) implements Ending {}

  /** Nothing announced: the server closed the connection ({@code cause} null), or it failed. */
  record Lost(IOException cause) implements Ending {}

  /** In a few words, for "Connection lost (...)". */
  default String why() {
    return switch (this) {
      case Bye bye -> "the server is shutting down";
      case Kicked kicked -> kicked.reason();
      case Refused refused -> refused.error();
      case Lost lost ->
          lost.cause() == null ? "the server closed the connection" : lost.cause().getMessage();
    };
  }

  /** The codes of {@link Refused}. */
  Set<String> CLOSING =
      Set.of(ErrorCode.SERVER_FULL.name(), ErrorCode.TIMEOUT.name(), ErrorCode.TLS_REQUIRED.name());

  /** The end {@code message} announces, or null if it announces none. */
  static Ending announcedBy(ServerMessage message) {
    return switch (message) {
      case ServerMessage.Bye b -> new Bye();
      case Err e when e.code().equals(ErrorCode.KICKED.name()) -> new Kicked(e.text());
      case Err e when CLOSING.contains(e.code()) -> new Refused(e.code(), e.text());
      default -> null;
    };
  }
}
