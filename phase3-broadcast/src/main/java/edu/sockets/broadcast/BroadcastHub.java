package edu.sockets.broadcast;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The members online and everything the server says to them: relayed lines and the {@code ***}
 * notices. The hub never touches a socket: a member is a {@link Member}, so this class is tested
 * without a network.
 */
public final class BroadcastHub {

  /**
   * A client's sending side, as the hub and the client's handler see it. There are two kinds, and
   * the server uses one for all its clients: the {@link Outbox} of this chapter, a bounded queue
   * with a writer thread of its own, and a naive one, kept for comparison, that writes on the
   * sender's thread ({@code server --broadcast naive}).
   */
  public interface Member {

    /** Makes the member for each client that connects; the one choice between the two kinds. */
    @FunctionalInterface
    interface Kind {
      /**
       * The member for one client that has just connected.
       *
       * @param name the client's {@code ip:port}, as the server sees it
       * @param threads where a kind that sends on a thread of its own gets that thread
       */
      Member open(String name, Socket socket, ThreadFactory threads) throws IOException;
    }

    /** The client's {@code ip:port}, as the server sees it. */
    String name();

    /**
     * Hands a line (or lines that arrived together, in one array) to this client without waiting
     * for a slow one. The array is shared with every other receiver, so nobody may change it.
     *
     * @return false when this client cannot keep up: the hub then drops it
     */
    boolean offer(byte[] line);

    /** Starts sending; called once the member is on the hub's list. */
    void start();

    /**
     * No more lines will come: what was offered is sent, then the client is told there is no more.
     */
    void finish();

    /**
     * Waits up to {@code limit} until {@link #finish()} is done; false if the client did not read.
     */
    boolean awaitFinished(Duration limit) throws InterruptedException;

    /** Closes the connection now: the client's reader, and its writer if any, fail and end. */
    void close();
  }

  /** Why a member left, as the others are told: {@code *** 127.0.0.1:53422 left (/exit)}. */
  enum Reason {
    EXIT("/exit"),
    CLOSED("closed the connection"),
    RESET("connection reset"),
    LOST("connection lost"),
    DROPPED("dropped by the server: not reading");

    final String text;

    Reason(String text) {
      this.text = text;
    }
  }

  /**
   * Every connected client. Each client's reader thread walks this list for every line it relays,
   * while joins and leaves change it from other threads. A plain ArrayList would throw
   * ConcurrentModificationException or skip members; a copy-on-write list gives each walk a
   * snapshot, without a lock or a copy, and pays instead on join and leave, which are rare.
   */
  private final List<Member> members = new CopyOnWriteArrayList<>();

  /**
   * Held while a member joins or leaves, so that the count in the welcome and the notices agree
   * with the list. Broadcasting a line does not take it.
   */
  private final ReentrantLock membership = new ReentrantLock();

  private final Consumer<String> log;

  /** Lines relayed so far; a LongAdder, because every reader thread adds to it at once. */
  private final LongAdder relayed = new LongAdder();

  BroadcastHub(Consumer<String> log) {
    this.log = log;
  }

  /** Adds a member: it is welcomed, and the others are told. */
  void join(Member newcomer) {
    membership.lock();
    try {
      // Welcome first, then add: no relayed line can get into the queue before the welcome.
      newcomer.offer(encode(welcome(newcomer.name(), members.size())));
      members.add(newcomer);
      log.accept(newcomer.name() + " joined (" + members.size() + " online)");
      announce(newcomer, "*** " + newcomer.name() + " joined");
    } finally {
      membership.unlock();
    }
  }

  /**
   * Removes a member, and tells the others why it left. Nothing happens if it is gone already (a
   * dropped client's reader still ends with a leave).
   */
  void leave(Member member, Reason reason) {
    membership.lock();
    try {
      if (members.remove(member)) {
        log.accept(member.name() + " left (" + reason.text + ", " + members.size() + " online)");
        announce(member, "*** " + member.name() + " left (" + reason.text + ")");
      }
    } finally {
      membership.unlock();
    }
  }

  /**
   * Relays lines from {@code sender} to every other member, as {@code [ip:port] text}, in order and
   * in one piece: lines that arrived together cost each receiver one queue operation, not one per
   * line. Blank lines (after cleaning) are not relayed.
   */
  void broadcast(Member sender, List<String> texts) {
    List<String> lines = new ArrayList<>();
    for (String text : texts) {
      String clean = withoutControlCharacters(text);
      if (!clean.isEmpty()) {
        lines.add("[" + sender.name() + "] " + clean);
      }
    }
    if (!lines.isEmpty()) {
      send(sender, encode(String.join("\n", lines)));
      relayed.add(lines.size());
    }
  }

  /** Tells everyone the server is stopping, and removes them: their writers finish and stop. */
  void shutdown() {
    membership.lock();
    try {
      byte[] notice = encode("*** Server shutting down. Goodbye.");
      for (Member member : members) {
        member.offer(notice);
        member.finish();
      }
      members.clear();
    } finally {
      membership.unlock();
    }
  }

  /** Tells one member something only it needs to know, such as why its line was refused. */
  void tell(Member member, String notice) {
    if (!member.offer(encode(notice))) {
      drop(member);
    }
  }

  int size() {
    return members.size();
  }

  long relayed() {
    return relayed.sum();
  }

  /** The answer to a line over {@link LineReader#MAX_LINE_BYTES}; the connection stays open. */
  static final String TOO_LONG =
      "*** Line too long (over " + LineReader.MAX_LINE_BYTES + " bytes): not sent.";

  /** The last line a client that sent {@code /exit} gets. */
  static String goodbye(String name) {
    return "*** Goodbye " + name + ".";
  }

  /** The welcome line a newcomer gets first. */
  static String welcome(String name, int others) {
    return "*** Welcome " + name + "! Others online: " + others + ". Send /exit to leave.";
  }

  /**
   * Removes the characters a terminal obeys instead of printing: C0 controls except TAB (among them
   * ESC, which starts the sequences that clear a screen or set a window title), DEL and C1 controls
   * (U+0080 to U+009F; U+009B is a one-character ESC [).
   */
  static String withoutControlCharacters(String text) {
    int first = 0;
    while (first < text.length() && !isControl(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text; // the usual case: nothing to remove, nothing copied
    }
    StringBuilder kept = new StringBuilder(text.length()).append(text, 0, first);
    for (int i = first + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isControl(c)) {
        kept.append(c);
      }
    }
    return kept.toString();
  }

  private static boolean isControl(char c) {
    return (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F);
  }

  /** Sends a notice about {@code subject} to every member but {@code subject}. */
  private void announce(Member subject, String notice) {
    send(subject, encode(notice));
  }

  private void send(Member skipped, byte[] line) {
    // The line was encoded once; every receiver's queue holds the same array.
    for (Member member : members) {
      if (member != skipped && !member.offer(line)) {
        drop(member);
      }
    }
  }

  /**
   * Removes a member that cannot keep up, instead of making the sender wait for it or letting its
   * queue grow without bound, and closes its connection.
   */
  private void drop(Member member) {
    membership.lock();
    try {
      if (members.remove(member)) {
        log.accept(
            member.name()
                + " dropped: over "
                + (Outbox.MAX_QUEUED_BYTES >> 20)
                + " MiB waiting, it does not read ("
                + members.size()
                + " online)");
        member.close();
        announce(member, "*** " + member.name() + " left (" + Reason.DROPPED.text + ")");
      }
    } finally {
      membership.unlock();
    }
  }

  private static byte[] encode(String line) {
    return (line + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
