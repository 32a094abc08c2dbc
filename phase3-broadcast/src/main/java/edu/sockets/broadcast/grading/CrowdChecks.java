package edu.sockets.broadcast.grading;

import edu.sockets.grading.Probe;
import edu.sockets.grading.Quote;
import edu.sockets.grading.Reply;
import edu.sockets.grading.Verdict;
import edu.sockets.grading.Wire;
import java.time.Duration;
import java.util.List;

/** The checks of the list of clients: who leaves is forgotten, who does not read stalls nobody. */
final class CrowdChecks {

  private CrowdChecks() {}

  /**
   * A client that left is no longer counted in a welcome, and no longer written to: a write to its
   * closed socket must not stop the broadcast to the clients after it.
   */
  static Verdict departed(Probe probe) throws Exception {
    List<Member> room = Member.join(probe, 3);
    Member stays = room.get(0);
    Member goes = room.get(1);
    // The last of the three to be listed was told of the other two: the highest count.
    Integer most = mostCounted(room);
    goes.wire.close();
    // Once the others are told, the server has seen it go; a server that tells nobody gets the
    // quiet time to notice.
    stays.await(t -> BroadcastRubric.tellsOfLeaving(t, goes.name), probe.timing().quiet());
    Member after = Member.joinAlso(probe, List.of(stays, room.get(2)));
    Reply welcome = most == null ? null : after.first(probe.timing().quiet());
    Integer is = BroadcastRubric.countIn(welcome, after.name);
    if (is != null && is > most) {
      return Verdict.fail(
          "with three clients online, the last to join was told \"Others online: %d\"; after %s left and %s joined, %s was welcomed with %s: the client that left is still counted. Remove a client from the list when it leaves"
              .formatted(most, goes, after, after, Quote.bytes(welcome.bytes())));
    }
    stays.say("after you left");
    Wire.Search search = after.await(t -> t.endsWith("after you left"), probe.timing().answer());
    if (!search.succeeded()) {
      return Verdict.fail(
          "after %s left, %s sent a line, and %s, who joined since, got %s: does a write to the closed socket of the client that left end the broadcast? Remove a client when it leaves, and let a failed write skip only that client"
              .formatted(goes, stays, after, search.describe()));
    }
    return Verdict.PASS;
  }

  /** The highest count of others in the members' welcomes; null unless each has one. */
  private static Integer mostCounted(List<Member> room) {
    Integer most = null;
    for (Member member : room) {
      Integer count = BroadcastRubric.countIn(member.first(Duration.ZERO), member.name);
      if (count == null) {
        return null;
      }
      most = most == null ? count : Math.max(most, count);
    }
    return most;
  }

  /** With one client that never reads, the others still get everything. */
  static Verdict slowConsumer(Probe probe) throws Exception {
    Flood.Outcome flood = Flood.run(probe, false);
    if (!flood.stalled()) {
      return Verdict.PASS;
    }
    String got =
        "%s (%,d of %,d lines of 8 kB)"
            .formatted(Quote.size(flood.bytes()), flood.received(), Flood.LINES);
    if (flood.received() == 0) {
      return Verdict.fail(
          "one client sent %,d lines and another got %s: relay each line to every other client"
              .formatted(Flood.LINES, flood.end().describe()));
    }
    if (flood.end().ended()) {
      return Verdict.fail(
          "while one client did not read, a client that did lost its connection after %s: %s"
              .formatted(got, flood.end().describe()));
    }
    return Verdict.fail(
        "one client stopped reading; the others got nothing more after %s: does one writer block everyone? Give each client its own queue and writer, so that a full socket stops only its own writer"
            .formatted(got));
  }

  /** The client that never reads is dropped, and the others are told. */
  static Verdict dropped(Probe probe) throws Exception {
    Flood.Outcome flood = Flood.run(probe, true);
    String expected = BroadcastRubric.left(flood.stuck(), "dropped by the server: not reading");
    if (flood.dropNotice() != null) {
      return BroadcastRubric.notice(
          "a client that kept reading", flood.dropNotice(), expected, "tell the others why");
    }
    if (flood.received() == 0) {
      return Verdict.fail(
          "%s never read, and nobody was told it was dropped: the client that should have got the %,d lines sent got %s"
              .formatted(flood.stuck(), Flood.LINES, flood.end().describe()));
    }
    if (flood.stalled()) {
      return Verdict.fail(
          "nobody was told that %s, which never read, was dropped, and the others got nothing more after %s: drop a client whose queue passes 1 MiB instead of waiting for it, and tell the others %s"
              .formatted(flood.stuck(), Quote.size(flood.bytes()), Quote.text(expected + "\n")));
    }
    return Verdict.fail(
        "%s never read 16 MB sent to it, and a client that kept reading got %s but expected %s: bound each client's queue (1 MiB), drop a client that overflows it, and tell the others"
            .formatted(flood.stuck(), flood.heardAfter(), Quote.text(expected + "\n")));
  }
}
