package edu.sockets.multiclient.grading;

import static edu.sockets.multiclient.grading.MultiClientRubric.MAX_LINE_BYTES;

import edu.sockets.grading.Probe;
import edu.sockets.grading.Quote;
import edu.sockets.grading.Reply;
import edu.sockets.grading.Verdict;
import edu.sockets.grading.Wire;

/**
 * A line over 8,192 bytes (chapter 2, 3.4): refused with an error line as soon as it passes the
 * limit, and the connection goes on. Only {@link #errorLine} judges the error's text.
 */
final class OverLongChecks {

  /** A line that has not ended yet, four times over the limit. */
  static final int ENDLESS_BYTES = 4 * MAX_LINE_BYTES;

  private OverLongChecks() {}

  static Verdict errorLine(Probe probe) throws Exception {
    Wire wire = probe.connect();
    String expected = MultiClientRubric.tooLong(wire.localEndpoint());
    int length = MAX_LINE_BYTES + 1;
    wire.send("x".repeat(length) + "\n");
    Reply first = wire.readLine();
    Reply more = wire.drain(probe.timing().answer());
    long extra = FramingChecks.lineCount(more.bytes());
    boolean exact = first.isLine() && first.text().equals(expected);
    if (exact && extra == 0) {
      return Verdict.PASS;
    }
    if (first.isLine() && extra > 0) {
      return Verdict.fail(
          "%s to one line of %,d bytes, the first %s, but expected only %s: is each recv() chunk answered instead of each line? Collect bytes until \"\\n\", and refuse the line once it passes %,d bytes"
              .formatted(
                  Quote.count(extra + 1, "answer"),
                  length,
                  first.describe(),
                  Quote.text(expected + "\n"),
                  MAX_LINE_BYTES));
    }
    return Verdict.fail(
        "got %s to a line of %,d bytes, but expected %s; the connection stays open"
            .formatted(first.describe(), length, Quote.text(expected + "\n")));
  }

  static Verdict refusedAtTheLimit(Probe probe) throws Exception {
    Wire wire = probe.connect();
    wire.send("y".repeat(ENDLESS_BYTES)); // no line feed yet
    Reply refusal = wire.readLine();
    if (refusal.ended()) {
      return Verdict.fail(
          "the server ended the connection on a line over %,d bytes (%s): refuse that line with an error line and keep the connection"
              .formatted(MAX_LINE_BYTES, refusal.describe()));
    }
    if (!MultiClientRubric.isText(refusal)) {
      return Verdict.fail(
          "got %s while one line grew to %,d bytes without its end: refuse a line as soon as it passes %,d bytes, without waiting for its \"\\n\" (a client could send gigabytes)"
              .formatted(refusal.describe(), ENDLESS_BYTES, MAX_LINE_BYTES));
    }
    if (refusal.text().contains("yyyyyyyy")) {
      return Verdict.fail(
          "got %s while one line grew to %,d bytes: the over-long line was answered piece by piece; refuse it once it passes %,d bytes"
              .formatted(refusal.describe(), ENDLESS_BYTES, MAX_LINE_BYTES));
    }
    wire.send("\nafter\n");
    Reply next = wire.readLine();
    if (!MultiClientRubric.isText(next)) {
      return Verdict.fail(
          "the over-long line was refused, but then \"after\\n\" got %s: the connection must stay usable"
              .formatted(next.describe()));
    }
    if (next.text().contains("yyyyyyyy") || next.text().equals(refusal.text())) {
      return Verdict.fail(
          "after the refusal, the end of the over-long line got an answer of its own, %s: skip the rest of that line, up to its \"\\n\", without answering it"
              .formatted(next.describe()));
    }
    return Verdict.PASS;
  }
}
