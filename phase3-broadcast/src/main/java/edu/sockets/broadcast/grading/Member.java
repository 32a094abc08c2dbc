package edu.sockets.broadcast.grading;

import edu.sockets.grading.Probe;
import edu.sockets.grading.Reply;
import edu.sockets.grading.Timing;
import edu.sockets.grading.Unreachable;
import edu.sockets.grading.Wire;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One chat client of a check: its connection, its {@code ip:port} as the server sees it, and what
 * it received while the check waited for everyone to be in the room, kept for the check to read.
 */
final class Member {

  /**
   * How long one look at a connection lasts while waiting for the room: short, so that one silent
   * client does not delay seeing the others.
   */
  private static final Duration GLANCE = Duration.ofMillis(20);

  /** The most lines {@link #await} keeps: a server that floods us must not fill our memory. */
  private static final int KEPT = 1000;

  final Wire wire;
  final String name;

  /** Replies read while waiting for the room and not yet read by the check, oldest first. */
  private final Deque<Reply> pending = new ArrayDeque<>();

  private Reply first;

  private Member(Wire wire) {
    this.wire = wire;
    this.name = wire.localEndpoint();
  }

  /**
   * Connects {@code count} clients, one after another, and waits until each is seen in the room.
   */
  static List<Member> join(Probe probe, int count) throws Unreachable, InterruptedException {
    List<Member> room = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      room.add(new Member(probe.connect()));
    }
    awaitInRoom(room, room, probe.timing());
    return room;
  }

  /** Connects one more client, without waiting for it to be seen in the room. */
  static Member connect(Probe probe) throws Unreachable, InterruptedException {
    return new Member(probe.connect());
  }

  /** Connects one more client to {@code room} and waits until it is seen there. */
  static Member joinAlso(Probe probe, List<Member> room) throws Unreachable, InterruptedException {
    Member newcomer = new Member(probe.connect());
    List<Member> everyone = new ArrayList<>(room);
    everyone.add(newcomer);
    awaitInRoom(everyone, List.of(newcomer), probe.timing());
    return newcomer;
  }

  /**
   * Waits until each newcomer is seen in the room: another member heard its {@code ip:port} (its
   * join notice), or it heard another's (the notice of one who joined after it). Its own welcome is
   * not enough: many servers send it a moment before they add the client to their list. (Alone, it
   * can only be seen by its welcome.) A server that says nothing at all gets the quiet time to
   * register them; one that talks but announces nobody, the answer time.
   */
  private static void awaitInRoom(List<Member> everyone, List<Member> newcomers, Timing timing) {
    long start = System.nanoTime();
    Set<Member> unseen = new HashSet<>(newcomers);
    boolean heardAnything = false;
    while (!unseen.isEmpty()) {
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      if (waited.compareTo(heardAnything ? timing.answer() : timing.quiet()) > 0) {
        return;
      }
      for (Member member : everyone) {
        Reply reply = member.glance();
        heardAnything |= reply.bytes().length > 0;
        if (reply.ended() || (everyone.size() == 1 && reply.bytes().length > 0)) {
          unseen.remove(member); // alone and welcomed, or closed: nothing more will show
        }
        List<Member> named =
            everyone.stream().filter(m -> m != member && announces(reply.text(), m.name)).toList();
        if (!named.isEmpty()) {
          unseen.remove(member);
          named.forEach(unseen::remove);
        }
      }
    }
  }

  private Reply glance() {
    Reply reply = wire.readLine(GLANCE);
    if (reply.bytes().length > 0) {
      pending.add(reply);
      if (first == null) {
        first = reply;
      }
    }
    return reply;
  }

  /**
   * The first bytes it received, normally its welcome: read now if none have come yet, waiting at
   * most {@code wait}; null if none come.
   */
  Reply first(Duration wait) {
    if (first == null) {
      Reply reply = wire.readLine(wait);
      if (reply.bytes().length > 0) {
        pending.add(reply);
        first = reply;
      }
    }
    return first;
  }

  /** Forgets what it received while joining, so that the check reads only what comes next. */
  void forgetPending() {
    pending.clear();
  }

  /** Sends the text as a line: {@code text} and a line feed. */
  void say(String text) throws IOException {
    wire.send(text + "\n");
  }

  /** The next line, waiting at most {@code wait}; any other ending as the wire reports it. */
  Reply readLine(Duration wait) {
    return next(System.nanoTime() + wait.toNanos(), wait);
  }

  /**
   * Reads lines until one satisfies {@code wanted}, at most {@code wait}, keeping the others, as
   * {@link Wire#awaitLine} does. Bytes without a line feed that satisfy it are returned too, so
   * that the check can say that the line feed is missing.
   */
  Wire.Search await(Predicate<String> wanted, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    List<Reply> others = new ArrayList<>();
    while (true) {
      Reply reply = next(deadline, wait);
      if (reply.bytes().length > 0 && wanted.test(reply.text())) {
        return new Wire.Search(reply, others, reply);
      }
      if (!reply.isLine()) {
        return new Wire.Search(null, others, reply);
      }
      if (others.size() < KEPT) {
        others.add(reply);
      }
    }
  }

  private Reply next(long deadline, Duration wait) {
    Reply piece = pending.pollFirst();
    if (piece == null) {
      Reply reply = wire.readLine(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      return reply.isLine() ? reply : new Reply(reply.bytes(), reply.end(), wait);
    }
    if (piece.isLine() || piece.ended()) {
      return piece;
    }
    // Bytes without a line feed: a line cut where a glance ended, or one that has no line feed.
    Reply rest = next(deadline, wait);
    byte[] joined = new byte[piece.bytes().length + rest.bytes().length];
    System.arraycopy(piece.bytes(), 0, joined, 0, piece.bytes().length);
    System.arraycopy(rest.bytes(), 0, joined, piece.bytes().length, rest.bytes().length);
    return new Reply(joined, rest.end(), wait);
  }

  /**
   * True when the text names the client {@code name}: {@code 127.0.0.1:4000} and not the start of
   * {@code 127.0.0.1:40001}.
   */
  static boolean mentions(String text, String name) {
    return afterLastMention(text, name) != null;
  }

  /**
   * True when the text names the client and does not say that it left: a notice about a client of
   * the previous check may come late, and name a port that a new connection has taken again.
   */
  static boolean announces(String text, String name) {
    String after = afterLastMention(text, name);
    return after != null && !after.startsWith(" left");
  }

  /** What follows the last place the text names the client {@code name}; null if it does not. */
  static String afterLastMention(String text, String name) {
    Matcher mention = Pattern.compile(Pattern.quote(name) + "(?!\\d)").matcher(text);
    int after = -1;
    while (mention.find()) {
      after = mention.end();
    }
    return after < 0 ? null : text.substring(after);
  }

  @Override
  public String toString() {
    return name;
  }
}
