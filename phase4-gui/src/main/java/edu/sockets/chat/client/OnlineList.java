package edu.sockets.chat.client;

import edu.sockets.chat.protocol.Names;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Join;
import edu.sockets.chat.protocol.ServerMessage.Leave;
import edu.sockets.chat.protocol.ServerMessage.Nick;
import edu.sockets.chat.protocol.ServerMessage.Users;
import edu.sockets.chat.protocol.ServerMessage.Welcome;
import java.util.List;
import java.util.TreeSet;

/**
 * Who is online, the user included, sorted as people read names: kept from {@code WELCOME}, {@code
 * USERS *}, and everyone's {@code JOIN *}, {@code LEAVE *} and {@code NICK}.
 */
final class OnlineList {

  private final TreeSet<String> names = new TreeSet<>(Names.READING_ORDER);

  /** True from a WELCOME until the answer to the client's own {@code /who}. */
  private boolean awaitingRoster;

  List<String> names() {
    return List.copyOf(names);
  }

  /** Takes in {@code message}; true if it is about who is online (the list may have changed). */
  boolean apply(ServerMessage message) {
    switch (message) {
      case Welcome w -> {
        names.add(w.name());
        awaitingRoster = true; // the client sends /who next
      }
      case Users u when u.where().equals(Names.EVERYONE) -> {
        names.clear();
        names.addAll(u.names());
      }
      case Join j when j.where().equals(Names.EVERYONE) -> names.add(j.name());
      case Leave l when l.where().equals(Names.EVERYONE) -> remove(l.name());
      case Nick n -> {
        remove(n.oldName());
        names.add(n.newName());
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code users} is the answer to the client's own {@code /who} after WELCOME: it fills
   * the list without a word in the conversation. A {@code /who} the user types is shown.
   */
  boolean isRoster(Users users) {
    boolean roster = awaitingRoster && users.where().equals(Names.EVERYONE);
    if (roster) {
      awaitingRoster = false;
    }
    return roster;
  }

  private void remove(String name) {
    names.removeIf(n -> n.equalsIgnoreCase(name));
  }
}
