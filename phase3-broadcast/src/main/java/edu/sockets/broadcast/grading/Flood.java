package edu.sockets.broadcast.grading;

import edu.sockets.grading.Probe;
import edu.sockets.grading.Reply;
import edu.sockets.grading.Wire;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client sends 16 MB while another reads it all and a third never reads: more than the stuck
 * client's TCP buffers hold (a few MB), so a server that writes to each socket in turn blocks on
 * it, and one with a bounded queue per client drops it.
 */
final class Flood {

  static final int LINES = 2000;

  /** Each line carries 8,000 of these; the reader counts a line by them, whatever is around. */
  private static final String FILLER = "x".repeat(8000);

  /**
   * How many lines the sender may be ahead of the reader: 512 kB, under the 1 MiB a server may keep
   * for a client, so that only the client that does not read can overflow.
   */
  private static final int AHEAD = 64;

  /**
   * What the flood showed.
   *
   * @param stuck the client that never read
   * @param received the lines the reader got
   * @param bytes their bytes
   * @param end how the reader's last wait ended, if it stopped short
   * @param dropNotice what the reader was told of the stuck client leaving, or null
   * @param heardAfter what the reader got after the flood, while waiting for that notice
   */
  record Outcome(
      String stuck, int received, long bytes, Reply end, Reply dropNotice, String heardAfter) {

    boolean stalled() {
      return received < LINES;
    }
  }

  private Flood() {}

  /**
   * Runs the flood.
   *
   * @param awaitDrop wait, after the flood, for a notice that the stuck client was dropped
   */
  static Outcome run(Probe probe, boolean awaitDrop) throws Exception {
    List<Member> room = Member.join(probe, 3);
    Member sender = room.get(0);
    Member reader = room.get(1);
    Member stuck = room.get(2); // it reads its welcome while joining, then no more
    Duration answer = probe.timing().answer();
    // Once lines flow, twice the answer time without one: a busy machine pauses for less, a
    // blocked writer for ever.
    Duration stall = answer.multipliedBy(2);
    Semaphore ahead = new Semaphore(AHEAD);
    AtomicBoolean over = new AtomicBoolean();
    // A thread of its own: when the server stops reading the sender, its writes block.
    Thread.ofVirtual().name("flood sender").start(() -> send(sender, ahead, stall, over));
    try {
      int received = 0;
      long bytes = 0;
      Reply dropNotice = null;
      long stalledAt = System.nanoTime() + answer.toNanos(); // pushed back by each flood line
      while (received < LINES) {
        Reply reply = reader.readLine(Duration.ofNanos(Math.max(0, stalledAt - System.nanoTime())));
        if (!reply.isLine() || System.nanoTime() > stalledAt) {
          return new Outcome(stuck.name, received, bytes, reply, dropNotice, "");
        }
        if (dropNotice == null && BroadcastRubric.tellsOfLeaving(reply.text(), stuck.name)) {
          dropNotice = reply;
        }
        if (reply.text().contains(FILLER.substring(0, 8))) {
          received++;
          bytes += reply.bytes().length;
          ahead.release();
          stalledAt = System.nanoTime() + stall.toNanos();
        }
      }
      if (dropNotice != null || !awaitDrop) {
        return new Outcome(stuck.name, received, bytes, null, dropNotice, "");
      }
      Wire.Search told = reader.await(t -> BroadcastRubric.tellsOfLeaving(t, stuck.name), answer);
      return new Outcome(stuck.name, received, bytes, null, told.found(), told.describe());
    } finally {
      over.set(true);
    }
  }

  private static void send(Member sender, Semaphore ahead, Duration wait, AtomicBoolean over) {
    try {
      for (int i = 0; i < LINES && !over.get(); i++) {
        if (!ahead.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
          return; // the reader has got nothing for a while: the flood is over
        }
        sender.say("flood " + i + " " + FILLER);
      }
    } catch (IOException | InterruptedException e) {
      // The check has ended and closed the connection.
    }
  }
}
