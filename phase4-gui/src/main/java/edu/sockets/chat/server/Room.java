package edu.sockets.chat.server;

import java.util.LinkedHashSet;
import java.util.Set;

/** A room exists while someone is in it; it keeps the spelling of its first member's /join. */
final class Room {
  final String name;
  final Set<Session> members = new LinkedHashSet<>(); // guarded by the chat's lock

  Room(String name) {
    this.name = name;
  }
}
