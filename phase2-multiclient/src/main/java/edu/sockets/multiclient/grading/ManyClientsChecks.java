package edu.sockets.multiclient.grading;

import edu.sockets.grading.Probe;
import edu.sockets.grading.Quote;
import edu.sockets.grading.Reply;
import edu.sockets.grading.Timing;
import edu.sockets.grading.Verdict;
import edu.sockets.grading.Wire;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Many clients at once (chapter 2, 2.2, 3.1 and 3.2): one that is silent or does not read holds up
 * only itself, and a crowd arriving together is let in at once.
 */
final class ManyClientsChecks {

  /** The pause between two questions of the client that reads, while another one floods. */
  private static final Duration ROUND_GAP = Duration.ofMillis(50);

  private ManyClientsChecks() {}

  static Verdict silentClient(Probe probe) throws Exception {
    Wire silent = probe.connect();
    Wire halfway = probe.connect();
    halfway.send("half a li");
    Wire talker = probe.connect();
    talker.send("anyone there?\n");
    Reply reply = talker.readLine();
    if (!MultiClientRubric.isText(reply)) {
      return unansweredThird(reply, silent);
    }
    halfway.send("ne\n");
    Reply rest = halfway.readLine();
    if (!MultiClientRubric.isText(rest)) {
      return Verdict.fail(
          "the client that sent half a line, then the rest of it, got %s"
              .formatted(rest.describe()));
    }
    silent.send("still here\n");
    Reply late = silent.readLine();
    if (!MultiClientRubric.isText(late)) {
      return Verdict.fail(
          "the client that was silent got %s when it spoke at last".formatted(late.describe()));
    }
    return Verdict.PASS;
  }

  /** Why the third client got no answer: the first, asked now, says whether anyone gets one. */
  private static Verdict unansweredThird(Reply third, Wire first) throws Exception {
    first.send("still here\n");
    Reply reply = first.readLine();
    if (!MultiClientRubric.isText(reply)) {
      return Verdict.fail(
          "no client got an answer: the third got %s, and the first, silent until then, got %s"
              .formatted(third.describe(), reply.describe()));
    }
    return Verdict.fail(
        "a third client got %s while two others were connected, one silent and one in the middle of a line; the silent one was answered as soon as it spoke: the server serves one client at a time. Give each client a thread of its own, and go back to accept() at once"
            .formatted(third.describe()));
  }

  static Verdict clientThatNeverReads(Probe probe) throws Exception {
    Wire other = probe.connect();
    other.send("first\n");
    Reply first = other.readLine();
    if (!MultiClientRubric.isText(first)) {
      return Verdict.fail("got %s to \"first\\n\"".formatted(first.describe()));
    }
    try (Flood flood = Flood.start(probe.endpoint(), probe.timing())) {
      return answeredThroughout(other, flood, probe.timing());
    }
  }

  /**
   * Asks on {@code other}, a line at a time, while the flood runs, until a question asked after the
   * flood got stuck is answered: the server's write to the flooding client was blocked by then.
   */
  private static Verdict answeredThroughout(Wire other, Flood flood, Timing timing)
      throws Exception {
    long atMost = System.nanoTime() + 3 * timing.answer().toNanos();
    long asked = 0; // when the last question that got its answer was asked
    for (int round = 1; System.nanoTime() < atMost; round++) {
      if (flood.stuck(timing.quiet(), asked)) {
        return Verdict.PASS;
      }
      Thread.sleep(ROUND_GAP); // pacing: a question every 50 ms, not as fast as the server answers
      long askedNow = System.nanoTime();
      other.send("second " + round + "\n");
      Reply reply = other.readLine();
      if (!MultiClientRubric.isText(reply)) {
        return Verdict.fail(
            "a client sent %s of lines without reading any answer; meanwhile another client's \"second %d\\n\" got %s: does one blocked write hold up the whole server? A client that does not read must hold up only its own thread"
                .formatted(Quote.size(flood.sent()), round, reply.describe()));
      }
      asked = askedNow;
    }
    return Verdict.PASS; // the flood never got stuck: the server kept reading it all along
  }

  static Verdict burst(Probe probe) throws Exception {
    Duration wait = Burst.LIMIT.plus(probe.timing().answer());
    List<Burst.Outcome> outcomes = Burst.run(probe.endpoint(), wait);
    List<Burst.Outcome> late = outcomes.stream().filter(o -> !connectedInTime(o)).toList();
    List<Burst.Outcome> unanswered = outcomes.stream().filter(o -> !o.answered()).toList();
    if (late.isEmpty() && unanswered.isEmpty()) {
      return Verdict.PASS;
    }
    if (late.isEmpty()) {
      return Verdict.fail(
          "%d of %d clients that connected at once got no answer (%s)"
              .formatted(unanswered.size(), outcomes.size(), reasons(unanswered)));
    }
    Duration others =
        outcomes.stream()
            .filter(ManyClientsChecks::connectedInTime)
            .map(Burst.Outcome::connected)
            .max(Duration::compareTo)
            .orElse(Duration.ZERO);
    return Verdict.fail(
        "%d of %d clients that connected at once waited %s or more for the connection to open (%s), the others at most %s: a full accept queue drops the first packet of a new connection, which the client's system sends again only a second later. Is the listen backlog short, like listen(5)? Use 128 or more, and go back to accept() at once"
            .formatted(
                late.size(),
                outcomes.size(),
                Quote.seconds(Burst.LIMIT),
                slowest(late, wait),
                millis(others)));
  }

  private static boolean connectedInTime(Burst.Outcome outcome) {
    return outcome.connected() != null && outcome.connected().compareTo(Burst.LIMIT) < 0;
  }

  /** {@code the slowest after 1,034 ms}, or {@code none within 2 s}. */
  private static String slowest(List<Burst.Outcome> late, Duration wait) {
    return late.stream()
        .map(Burst.Outcome::connected)
        .filter(Objects::nonNull)
        .max(Duration::compareTo)
        .map(slowest -> "the slowest after " + millis(slowest))
        .orElse("none within " + Quote.seconds(wait));
  }

  /** {@code 12 × no answer within 3 s, 1 × connection refused}. */
  private static String reasons(List<Burst.Outcome> unanswered) {
    Map<String, Long> counts =
        unanswered.stream()
            .collect(
                Collectors.groupingBy(Burst.Outcome::failure, TreeMap::new, Collectors.counting()));
    return counts.entrySet().stream()
        .map(e -> e.getValue() + " × " + e.getKey())
        .collect(Collectors.joining(", "));
  }

  /** {@code 1,042 ms}. */
  private static String millis(Duration duration) {
    return "%,d ms".formatted(duration.toMillis());
  }
}
