package edu.sockets.chat.grading;

import edu.sockets.grading.Probe;
import edu.sockets.grading.Reply;
import edu.sockets.grading.Wire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One client stops reading while three others send 8 kB public messages as fast as a fifth client,
 * the watcher, receives them. The watcher only reads, so it never falls behind; the talkers read
 * what they are sent every few messages; so the only client that can fall behind is the one that
 * does not read.
 */
final class SlowReader {

  /** The text of each message: near the 8,192-byte limit, so that a few hundred fill 1 MiB. */
  static final int TEXT_BYTES = 8000;

  /** What may wait for a client before it is dropped. */
  static final long ONE_MIB = 1 << 20;

  /**
   * After this much, a client that has not been dropped never will be: 1 MiB of queue plus the
   * socket buffers of both ends, a few MB at most. Three talkers stay within the course server's
   * flood limit up to here (each sends at most 250 of the 750 messages, as its burst and rate
   * allow).
   */
  static final long GIVE_UP_BYTES = 6_000_000;

  /**
   * Messages sent and not yet received by the watcher. More than one, so that the time a message
   * takes to go round is not paid once per message; few, so that everything in flight fits in the
   * socket buffers of any server.
   */
  static final int WINDOW = 8;

  /** A talker reads what it was sent at every this many of its turns (96 kB by then). */
  static final int DRAIN_TURNS = 4;

  /** How long a talker's reading waits for more: it only takes what has arrived. */
  private static final Duration DRAIN_WAIT = Duration.ofMillis(2);

  /**
   * What happened.
   *
   * @param silent the name of the client that stopped reading
   * @param bytes the bytes of the messages the watcher received (each owed to the silent one too)
   * @param messages how many messages that was
   * @param leave the LEAVE line about the silent client, or null if none came
   * @param stalled who waited in vain for a message, and how the wait ended; null if nobody did
   */
  record Outcome(String silent, long bytes, int messages, Reply leave, String stalled) {}

  private final String token = Lines.token();
  private final String silent = "sloth_" + token;
  private final List<Chatter> talkers = new ArrayList<>();
  private final Set<String> inFlight = new LinkedHashSet<>(); // the heads of unreceived messages
  private Chatter watcher;
  private long bytes;
  private int sent;
  private int received;
  private Reply leave;

  private SlowReader() {}

  static Outcome run(Probe probe) throws Exception {
    return new SlowReader().flood(probe);
  }

  private Outcome flood(Probe probe) throws Exception {
    List<String> names =
        List.of(silent, "watch_" + token, "talk1_" + token, "talk2_" + token, "talk3_" + token);
    List<Chatter> users = Chatter.register(probe, names); // the sloth's last read: its WELCOME
    watcher = users.get(1);
    talkers.addAll(users.subList(2, users.size()));
    // Within the check's budget, whatever the server does: a stall is found one wait later.
    long deadline = System.nanoTime() + probe.timing().budget().toNanos() * 6 / 10;
    String stall = null;
    while (stall == null && leave == null && bytes < GIVE_UP_BYTES) {
      while (inFlight.size() < WINDOW && System.nanoTime() < deadline) {
        send();
      }
      if (inFlight.isEmpty()) {
        break; // out of time, and everything sent has arrived
      }
      stall = receive();
    }
    return new Outcome(silent, bytes, received, leave, stall);
  }

  /** The next talker sends the next message; every few turns it first reads what it was sent. */
  private void send() throws Failed {
    Chatter talker = talkers.get(sent % talkers.size());
    if (sent / talkers.size() % DRAIN_TURNS == 0) {
      drain(talker);
    }
    String head = token + " " + sent++ + " ";
    talker.send(head + "z".repeat(TEXT_BYTES));
    inFlight.add(head);
  }

  /** Takes what has arrived for a talker, so that it never becomes a client that does not read. */
  private static void drain(Chatter talker) throws Failed {
    for (Reply line = talker.wire().readLine(DRAIN_WAIT);
        line.isLine();
        line = talker.wire().readLine(DRAIN_WAIT)) {
      if (line.text().startsWith("ERR ")) {
        throw new Failed(
            "%s got %s while it sent 8 kB messages, each received before it sent more than %d ahead: the check needs a server that takes 250 lines from one client in a few seconds"
                .formatted(talker.name, line.describe(), WINDOW));
      }
    }
  }

  /** The watcher's next message: who stalled, and how, or null. */
  private String receive() {
    // The talkers' messages may come in any order: they were sent on three connections.
    Wire.Search search =
        watcher.search(
            line -> line.startsWith("MSG ") && inFlight.stream().anyMatch(line::contains));
    leave = leave != null ? leave : leaveOf(search, silent);
    if (!search.succeeded()) {
      return watcher.name + " then got " + search.last().describe();
    }
    inFlight.removeIf(search.found().text()::contains);
    bytes += search.found().bytes().length;
    received++;
    return null;
  }

  /** The LEAVE about {@code name} among the lines a search read, or null. */
  private static Reply leaveOf(Wire.Search search, String name) {
    for (Reply line : search.others()) {
      if (Lines.leaveReason(line.text(), name) != null) {
        return line;
      }
    }
    return null;
  }
}
