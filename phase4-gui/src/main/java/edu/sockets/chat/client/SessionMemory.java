package edu.sockets.chat.client;

import edu.sockets.chat.protocol.Names;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Join;
import edu.sockets.chat.protocol.ServerMessage.Leave;
import edu.sockets.chat.protocol.ServerMessage.Nick;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ChatSession} restores after a drop, kept from the server's lines: who the user is
 * (the name changes with {@code NICK}) and the rooms the server confirmed. Pure: no sockets.
 */
final class SessionMemory {

  private Credentials credentials;
  private final Map<String, String> rooms = new LinkedHashMap<>(); // key -> spelling

  SessionMemory(Credentials credentials) {
    this.credentials = credentials;
  }

  String name() {
    return credentials.name();
  }

  /** The line that signs in: the first time as asked, after a drop to the account now there. */
  String signInLine(boolean firstTime) {
    return firstTime ? credentials.firstLine() : credentials.againLine();
  }

  /** At {@code WELCOME}: keeps the server's spelling of the name; returns the lines to send. */
  List<String> welcomed(String name) {
    credentials = new Credentials(name, credentials.password(), credentials.create());
    List<String> lines = new ArrayList<>();
    lines.add("/who"); // the online list
    rooms.values().forEach(room -> lines.add("/join " + room)); // after a reconnect
    return lines;
  }

  /** Keeps what the server confirms: a room joined or left, a new name. */
  void follow(ServerMessage message) {
    switch (message) {
      case Join j when isMe(j.name()) && !j.where().equals(Names.EVERYONE) ->
          rooms.put(Names.key(j.where()), j.where());
      case Leave l when isMe(l.name()) -> rooms.remove(Names.key(l.where()));
      case Nick n when isMe(n.oldName()) -> credentials = credentials.renamed(n.newName());
      default -> {}
    }
  }

  private boolean isMe(String other) {
    return other.equalsIgnoreCase(credentials.name());
  }
}
