package edu.sockets.chat.grading;

import edu.sockets.grading.Probe;
import edu.sockets.grading.Quote;
import edu.sockets.grading.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one check that judges {@code <ts>}: ISO-8601 UTC, the same for every receiver of an event,
 * never earlier than the event before. Everywhere else a timestamp may be anything, or missing.
 */
final class TimestampCheck {

  /** Messages sent one after the other; their timestamps must never go back. */
  private static final int MESSAGES = 20;

  /**
   * How far a timestamp may be from this machine's clock: lab machines keep time by NTP, so more
   * than this is a server writing its local time as if it were UTC.
   */
  private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(15);

  private static final String EXAMPLE = "such as 2026-11-22T10:15:30.125Z";

  private TimestampCheck() {}

  static Verdict timestamps(Probe probe) throws Exception {
    String token = Lines.token();
    List<Chatter> users = Chatter.users(probe, token, "alice", "bob", "carol");
    List<String> atBob = new ArrayList<>();
    List<String> atCarol = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      String text = token + " " + i;
      users.get(0).send(text);
      String expected = Lines.shown("MSG", users.get(0).name + " * " + text);
      atBob.add(users.get(1).expect(line -> isMessage(line, text), expected).text());
      atCarol.add(users.get(2).expect(line -> isMessage(line, text), expected).text());
    }
    Instant previous = Instant.MIN;
    for (int i = 0; i < MESSAGES; i++) {
      String stamp = stampOf(atBob.get(i), users.get(0).name);
      if (!stamp.equals(stampOf(atCarol.get(i), users.get(0).name))) {
        return Verdict.fail(
            "one message reached two users with two timestamps, %s and %s: stamp each event once, when the server handles it"
                .formatted(Quote.text(atBob.get(i)), Quote.text(atCarol.get(i))));
      }
      Instant instant = Instant.parse(stamp);
      if (instant.isBefore(previous)) {
        return Verdict.fail(
            "timestamps went back: %s came after %s: never stamp an event earlier than the one before"
                .formatted(Quote.text(atBob.get(i)), Quote.text(atBob.get(i - 1))));
      }
      previous = instant;
    }
    Duration off = Duration.between(Instant.now(), previous).abs();
    if (off.compareTo(CLOCK_TOLERANCE) > 0) {
      return Verdict.fail(
          "%s is %d minutes away from this machine's clock: is it local time written as UTC?"
              .formatted(Quote.text(atBob.getLast()), off.toMinutes()));
    }
    return Verdict.PASS;
  }

  private static boolean isMessage(String line, String text) {
    return line.startsWith("MSG ") && line.endsWith(" " + text);
  }

  /**
   * The {@code <ts>} of {@code MSG <ts> <from> ...}.
   *
   * @throws Failed when there is none, or it is not ISO-8601 UTC
   */
  private static String stampOf(String line, String from) throws Failed {
    String[] words = line.split(" ", 3);
    if (words.length < 3 || words[1].equals(from)) {
      throw new Failed(
          "no timestamp in %s: expected \"MSG <ts> %s * ...\" with <ts> in ISO-8601 UTC, %s"
              .formatted(Quote.text(line), from, EXAMPLE));
    }
    if (!Lines.TIMESTAMP.matcher(words[1]).matches()) {
      String hint = words[1].endsWith("+00:00") ? " (UTC is written Z, not +00:00)" : "";
      throw new Failed(
          "%s: %s is not ISO-8601 UTC%s; expected <ts> %s"
              .formatted(Quote.text(line), Quote.text(words[1]), hint, EXAMPLE));
    }
    return words[1];
  }
}
