package edu.sockets.chat.server;

import edu.sockets.chat.protocol.ServerMessage.History;
import edu.sockets.chat.protocol.ServerMessage.Msg;
import java.util.List;

/**
 * The messages an arrival gets first (chapter 4c); {@link #NONE} keeps none. Called with the chat's
 * lock held: they must not wait.
 */
public interface MessageHistory {

  MessageHistory NONE = new MessageHistory() {};

  /** Keeps a public or room message. */
  default void record(Msg message) {}

  /** The last messages of {@code place} ({@code *} or a room), oldest first. */
  default List<History> recent(String place) {
    return List.of();
  }
}
