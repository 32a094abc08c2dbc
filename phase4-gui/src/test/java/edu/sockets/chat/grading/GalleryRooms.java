package edu.sockets.chat.grading;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rooms of a {@link StudentServer}: who is in which, and who gets a room's lines. Called only
 * while the server's lock is held; no fault of the gallery lives here.
 */
final class GalleryRooms {

  private final StudentServer server;
  private final Map<String, Room> rooms = new HashMap<>(); // by the name in lower case

  /** A room keeps its creator's spelling while it has members. */
  private record Room(String name, Set<GalleryClient> members) {}

  GalleryRooms(StudentServer server) {
    this.server = server;
  }

  void join(GalleryClient client, String name) {
    if (!isRoom(client, name)) {
      return;
    }
    Room room =
        rooms.computeIfAbsent(name.toLowerCase(), key -> new Room(name, new LinkedHashSet<>()));
    if (!room.members().add(client)) {
      tell(client, "ALREADY_IN_ROOM", "you are in " + room.name() + " already");
      return;
    }
    client.rooms.add(name.toLowerCase());
    toMembers(room, server.event("JOIN", client.name + " " + room.name()));
  }

  void leave(GalleryClient client, String name) {
    Room room = member(client, name);
    if (room != null) {
      toMembers(room, server.event("LEAVE", client.name + " " + room.name()));
      remove(client, name.toLowerCase());
    }
  }

  /** The client leaves every room it is in, without a word: it is leaving the chat. */
  void leaveAll(GalleryClient client) {
    List.copyOf(client.rooms).forEach(key -> remove(client, key));
  }

  void message(GalleryClient client, String name, String text) {
    Room room = member(client, name);
    if (room != null) {
      toMembers(room, server.event("MSG", client.name + " " + room.name() + " " + text));
    }
  }

  void who(GalleryClient client, String name) {
    Room room = existing(client, name);
    if (room != null) {
      server.deliver(client, "USERS " + room.name() + " " + StudentServer.sorted(room.members()));
    }
  }

  void list(GalleryClient client, String arguments) {
    if (!arguments.isBlank()) {
      tell(client, "USAGE", "/rooms takes no arguments");
      return;
    }
    StringBuilder line = new StringBuilder("ROOMS");
    rooms.values().stream()
        .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
        .forEach(
            room -> line.append(' ').append(room.name()).append(':').append(room.members().size()));
    server.deliver(client, line.toString());
  }

  private void remove(GalleryClient client, String key) {
    Room room = rooms.get(key);
    room.members().remove(client);
    client.rooms.remove(key);
    if (room.members().isEmpty()) {
      rooms.remove(key); // a room exists while it has members
    }
  }

  /** The room the client is in, or null after saying why not. */
  private Room member(GalleryClient client, String name) {
    Room room = existing(client, name);
    if (room != null && !room.members().contains(client)) {
      tell(client, "NOT_IN_ROOM", "you are not in " + room.name());
      return null;
    }
    return room;
  }

  /** The room, or null after saying why there is none. */
  private Room existing(GalleryClient client, String name) {
    if (!isRoom(client, name)) {
      return null;
    }
    Room room = rooms.get(name.toLowerCase());
    if (room == null) {
      tell(client, "NO_SUCH_ROOM", "there is no room " + name);
    }
    return room;
  }

  private boolean isRoom(GalleryClient client, String name) {
    if (name.isEmpty()) {
      tell(client, "USAGE", "a room is needed: #room");
      return false;
    }
    if (!name.matches("#[A-Za-z0-9_-]{1,24}")) {
      tell(client, "ROOM_INVALID", "a room is # and 1 to 24 of A-Z a-z 0-9 _ -");
      return false;
    }
    return true;
  }

  private void toMembers(Room room, String line) {
    room.members().forEach(member -> server.deliver(member, line));
  }

  private void tell(GalleryClient client, String code, String text) {
    server.deliver(client, server.error(code, text));
  }
}
