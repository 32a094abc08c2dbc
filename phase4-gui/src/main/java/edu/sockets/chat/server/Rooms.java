package edu.sockets.chat.server;

import edu.sockets.chat.protocol.Names;
import edu.sockets.chat.protocol.Replies;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Err;
import edu.sockets.chat.protocol.ServerMessage.Join;
import edu.sockets.chat.protocol.ServerMessage.Leave;
import edu.sockets.chat.protocol.ServerMessage.Msg;
import edu.sockets.chat.protocol.ServerMessage.RoomCount;
import edu.sockets.chat.protocol.ServerMessage.Users;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The chat's rooms and their commands; used by {@link ChatState} with its lock held. */
final class Rooms {

  /** A room exists while someone is in it; it keeps the spelling of its first member's /join. */
  static final class Room {
    final String name;
    final Set<Session> members = new LinkedHashSet<>();

    Room(String name) {
      this.name = name;
    }
  }

  private final Map<String, Room> rooms = new HashMap<>(); // rooms with members, by key
  private final Delivery delivery;
  private final MessageHistory history;

  Rooms(Delivery delivery, MessageHistory history) {
    this.delivery = delivery;
    this.history = history;
  }

  void join(Session session, String roomName) {
    Room room = rooms.computeIfAbsent(Names.key(roomName), key -> new Room(roomName));
    if (!room.members.add(session)) {
      delivery.send(session, Replies.alreadyInRoom(room.name));
      return;
    }
    session.rooms.add(room);
    // To every member, the newcomer included: that is the newcomer's confirmation.
    delivery.toAll(room.members, new Join(delivery.stamp(), session.name, room.name), null);
    delivery.send(session, history.recent(room.name));
  }

  void leave(Session session, String roomName) {
    memberOf(session, roomName, Replies::notInRoom)
        .ifPresent(room -> {
          // Sent before leaving, so the one who leaves gets it too, as its confirmation.
          delivery.toAll(
              room.members, new Leave(delivery.stamp(), session.name, room.name, null), null);
          leave(session, room);
        });
  }

  /** Leaving the server means leaving every room, without a LEAVE per room. */
  void leaveAll(Session session) {
    for (Room room : List.copyOf(session.rooms)) {
      leave(session, room);
    }
  }

  void say(Session sender, String roomName, String text) {
    memberOf(sender, roomName, Replies::joinFirst)
        .ifPresent(room -> {
          Msg message = new Msg(delivery.stamp(), sender.name, room.name, text);
          delivery.toAll(room.members, message, null);
          history.record(message);
        });
  }

  void who(Session session, String roomName) {
    Room room = rooms.get(Names.key(roomName));
    delivery.send(
        session,
        room == null
            ? Replies.noSuchRoom(roomName)
            : new Users(room.name, Session.sortedNames(room.members)));
  }

  void list(Session session) {
    List<RoomCount> counts =
        rooms.values().stream()
            .map(room -> new RoomCount(room.name, room.members.size()))
            .sorted(Comparator.comparing(RoomCount::room, Names.READING_ORDER))
            .toList();
    delivery.send(session, new ServerMessage.Rooms(counts));
  }

  void clear() {
    rooms.clear();
  }

  /** The room if {@code session} is in it; if not, it is told why, with {@code notIn}. */
  private Optional<Room> memberOf(Session session, String roomName, Function<String, Err> notIn) {
    Room room = rooms.get(Names.key(roomName));
    if (room == null) {
      delivery.send(session, Replies.noSuchRoom(roomName));
      return Optional.empty();
    }
    if (!room.members.contains(session)) {
      delivery.send(session, notIn.apply(room.name));
      return Optional.empty();
    }
    return Optional.of(room);
  }

  private void leave(Session session, Room room) {
    room.members.remove(session);
    session.rooms.remove(room);
    if (room.members.isEmpty()) {
      rooms.remove(Names.key(room.name));
    }
  }
}
