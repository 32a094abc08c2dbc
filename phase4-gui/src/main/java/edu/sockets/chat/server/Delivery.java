package edu.sockets.chat.server;

import edu.sockets.chat.protocol.ServerMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@link ChatState} queues lines, under its lock, and stamps its events. Lines are gathered
 * during one turn of the lock and queued at its end, each receiver's in one piece ({@link #flush}).
 * Lines to everyone are gathered once for all of them, as long as nothing else comes between.
 */
final class Delivery {

  private final Clock clock;
  private final List<Session> receivers = new ArrayList<>(); // with lines gathered in this turn
  private final List<Session> overflowed = new ArrayList<>(); // to drop once the event is done
  private List<Session> everyone = List.of(); // whom the lines in toEveryone are for
  private final List<byte[]> toEveryone = new ArrayList<>(); // gathered once, not once per user
  private Instant lastStamp = Instant.EPOCH;

  Delivery(Clock clock) {
    this.clock = clock;
  }

  /** The time of the event being handled: never earlier than the previous one. */
  Instant stamp() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (now.isAfter(lastStamp)) {
      lastStamp = now;
    }
    return lastStamp;
  }

  /**
   * Queues a line for each of {@code sessions}, a list that never changes (a change of who is there
   * makes a new list). In a burst of public lines this is the only delivery of the turn, and its
   * lines are gathered once for everyone rather than once for each of a hundred receivers.
   */
  void toEveryone(List<Session> sessions, ServerMessage message) {
    byte[] line = encode(message);
    if (sessions != everyone) {
      spread(); // the lines gathered so far were for other people
      everyone = sessions;
    }
    if (receivers.isEmpty()) {
      toEveryone.add(line);
    } else {
      toAll(sessions, line, null); // after lines to single receivers: each gets its own, in order
    }
  }

  void send(Session session, ServerMessage message) {
    deliver(session, encode(message));
  }

  void send(Session session, List<? extends ServerMessage> messages) {
    messages.forEach(message -> send(session, message));
  }

  /** Encodes once and queues the same bytes for each of {@code sessions} but {@code except}. */
  void toAll(Iterable<Session> sessions, ServerMessage message, Session except) {
    // One encoding shared by every receiver: at 100 users this is 100 times less work and memory
    // than formatting the line for each of them.
    toAll(sessions, encode(message), except);
  }

  // The loop apart from the encoding: the JIT compiles it on its own, and a new kind of message
  // (which makes it compile the encoding again) does not send the loop back to slow code.
  private void toAll(Iterable<Session> sessions, byte[] line, Session except) {
    for (Session session : sessions) {
      if (session != except) {
        deliver(session, line);
      }
    }
  }

  void deliver(Session session, byte[] line) {
    spread(); // the lines to everyone came first
    gatheredFor(session).add(line);
  }

  /** Gives each receiver its own copy of the lines to everyone: something else is to follow. */
  private void spread() {
    if (!toEveryone.isEmpty()) {
      for (Session session : everyone) {
        gatheredFor(session).addAll(toEveryone);
      }
      toEveryone.clear();
    }
  }

  private List<byte[]> gatheredFor(Session session) {
    if (session.gathered.isEmpty()) {
      receivers.add(session);
    }
    return session.gathered;
  }

  /**
   * Ends a turn of the lock: each receiver's lines go to its queue in one piece. Lines that arrived
   * together (a paste, a burst, a server running behind) then cost each receiver one queue
   * operation and one wake-up of its writer, not one per line.
   */
  void flush() {
    if (!toEveryone.isEmpty()) { // then nobody has lines of its own (see deliver)
      byte[] all = joined(toEveryone);
      everyone.forEach(session -> queue(session, all));
      toEveryone.clear();
    }
    List<byte[]> previous = List.of();
    byte[] previousJoined = null;
    for (Session session : receivers) {
      // Receivers of the same lines (the members of a room, everyone after a mixed turn) share one.
      if (!sameLines(session.gathered, previous)) {
        previous = List.copyOf(session.gathered);
        previousJoined = joined(previous);
      }
      queue(session, previousJoined);
      session.gathered.clear();
    }
    receivers.clear();
  }

  private void queue(Session session, byte[] lines) {
    if (!session.peer.send(lines)) {
      overflowed.add(session); // dropped after this event, not in the middle of a loop
    }
  }

  /** A session whose queue overflowed, or null when there is none left. */
  Session takeOverflowed() {
    return overflowed.isEmpty() ? null : overflowed.removeLast();
  }

  private static boolean sameLines(List<byte[]> these, List<byte[]> those) {
    if (these.size() != those.size()) {
      return false;
    }
    for (int i = 0; i < these.size(); i++) {
      if (these.get(i) != those.get(i)) { // the same array: the same encoded line
        return false;
      }
    }
    return true;
  }

  private static byte[] joined(List<byte[]> lines) {
    if (lines.size() == 1) {
      return lines.getFirst(); // the usual case: the same array for every receiver
    }
    int size = 0;
    for (byte[] line : lines) {
      size += line.length;
    }
    byte[] all = new byte[size];
    int at = 0;
    for (byte[] line : lines) {
      System.arraycopy(line, 0, all, at, line.length);
      at += line.length;
    }
    return all;
  }

  static byte[] encode(ServerMessage message) {
    return (message.toLine() + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
