package edu.sockets.chat.client;

import edu.sockets.chat.protocol.Names;
import edu.sockets.chat.protocol.ServerMessage.Rooms;
import edu.sockets.chat.protocol.ServerMessage.Users;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The words both clients use for the same things: the terminal gives each name its colour, the
 * window shows names as they are.
 */
final class Phrases {

  private Phrases() {}

  /** After the first WELCOME. */
  static String welcome(String name) {
    return "You are " + name + ". Type a message and press Enter; /help lists the commands.";
  }

  /** {@code Online (2): alice, bob}, or {@code In #java (1): bob}. */
  static String users(Users m, UnaryOperator<String> name) {
    return (m.where().equals(Names.EVERYONE) ? "Online" : "In " + m.where())
        + " ("
        + m.names().size()
        + "): "
        + m.names().stream().map(name).collect(Collectors.joining(", "));
  }

  static String rooms(Rooms m) {
    return m.rooms().isEmpty()
        ? "No rooms yet; /join #name creates one."
        : "Rooms: "
            + m.rooms().stream()
                .map(r -> r.room() + " (" + r.members() + ")")
                .collect(Collectors.joining(", "));
  }

  /** {@code QUEUED}: a private message waits for its receiver. */
  static String queued(String name) {
    return name + " is offline: your message waits until they sign in";
  }
}
