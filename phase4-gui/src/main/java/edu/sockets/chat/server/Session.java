package edu.sockets.chat.server;

import edu.sockets.chat.protocol.Names;
import edu.sockets.chat.server.ChatState.UserView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One connection's place in the chat; guarded by the chat's lock. */
final class Session {
  final Peer peer;
  final Instant since;
  final Set<Rooms.Room> rooms = new LinkedHashSet<>();
  final List<byte[]> gathered = new ArrayList<>(); // lines for it in this turn of the lock
  String name; // null until it registers
  boolean account; // signed in with the password of the account called name

  Session(Peer peer, Instant since) {
    this.peer = peer;
    this.since = since;
  }

  UserView view() {
    return new UserView(name, peer.address(), rooms.stream().map(r -> r.name).toList(), since);
  }

  /** Their names, sorted as people read them. */
  static List<String> sortedNames(Iterable<Session> sessions) {
    List<String> names = new ArrayList<>();
    sessions.forEach(s -> names.add(s.name));
    names.sort(Names.READING_ORDER);
    return names;
  }
}
