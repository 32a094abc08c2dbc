package edu.sockets.broadcast.grading;

import static java.nio.charset.StandardCharsets.UTF_8;

import edu.sockets.grading.Probe;
import edu.sockets.grading.Quote;
import edu.sockets.grading.Reply;
import edu.sockets.grading.Verdict;
import edu.sockets.grading.Wire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of framing: a line is what comes up to its line feed, however the bytes arrive, and
 * whatever they are, up to 8,192 of them. Each accepts any line that ends with what was sent: the
 * prefix is {@link RelayChecks}' to judge.
 */
final class FramingChecks {

  /** How many lines {@link #order} sends in one write. */
  static final int LINES = 2000;

  /** {@code line 17}, after any prefix. */
  private static final Pattern NUMBERED = Pattern.compile("^(?:.*\\] )?line (\\d+)$");

  private FramingChecks() {}

  /** A line that arrives in pieces, or with a character split between two reads, is one line. */
  static Verdict pieces(Probe probe) throws Exception {
    List<Member> room = Member.join(probe, 2);
    Member a = room.get(0);
    Member b = room.get(1);
    a.wire.sendByteByByte("byte by byte\n".getBytes(UTF_8));
    Verdict byteByByte =
        wholeLine(
            b,
            "byte by byte",
            "\"byte by byte\\n\" sent one byte at a time",
            "is a prefix added to each recv() chunk? Collect bytes up to \"\\n\", then relay the line",
            probe.timing().answer());
    if (!byteByByte.passed()) {
      return byteByByte;
    }
    byte[] line = "café 👋\n".getBytes(UTF_8);
    int cut = line.length - 3; // between the second and third of the emoji's four bytes
    a.wire.sendInPieces(
        List.of(Arrays.copyOfRange(line, 0, cut), Arrays.copyOfRange(line, cut, line.length)));
    return wholeLine(
        b,
        "café 👋",
        "\"café 👋\\n\" with the 4-byte 👋 split between two sends",
        "decode a line once its \"\\n\" has arrived, not each recv() chunk",
        probe.timing().answer());
  }

  private static Verdict wholeLine(
      Member receiver, String text, String sent, String advice, Duration wait) {
    Wire.Search search = receiver.await(t -> t.endsWith(text) || !t.startsWith("*** "), wait);
    Reply got = search.found();
    if (got != null && got.isLine() && got.text().endsWith(text)) {
      return Verdict.PASS;
    }
    if (got == null) {
      return Verdict.fail(
          "%s got %s for %s: relay each line to every other client"
              .formatted(receiver, search.describe(), sent));
    }
    return Verdict.fail("%s got %s for %s: %s".formatted(receiver, got.describe(), sent, advice));
  }

  /**
   * 2,000 lines sent in one write arrive whole and in the order sent. The server's reads cut that
   * stream anywhere, so a server that handles each read as if it were a line shows it here.
   */
  static Verdict order(Probe probe) throws Exception {
    List<Member> room = Member.join(probe, 2);
    Member a = room.get(0);
    Member b = room.get(1);
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < LINES; i++) {
      lines.append("line ").append(i).append('\n');
    }
    a.wire.send(lines.toString());

    List<Integer> numbers = new ArrayList<>();
    List<String> cut = new ArrayList<>();
    Reply end = null;
    while (numbers.size() + cut.size() < LINES) {
      Reply reply = b.readLine(probe.timing().answer());
      if (!reply.isLine()) {
        end = reply;
        break;
      }
      Matcher numbered = NUMBERED.matcher(reply.text());
      if (numbered.matches()) {
        numbers.add(Integer.valueOf(numbered.group(1)));
      } else if (!reply.text().startsWith("*** ")) {
        cut.add(reply.text());
      }
    }
    return judgeOrder(numbers, cut, end);
  }

  private static Verdict judgeOrder(List<Integer> numbers, List<String> cut, Reply end) {
    String sent = Quote.count(LINES, "line") + " sent at once";
    if (!cut.isEmpty()) {
      return Verdict.fail(
          "%s, %,d arrived cut apart, e.g. %s: is a prefix added to each recv() chunk instead of each line? Collect bytes up to \"\\n\", then relay the line"
              .formatted(sent, cut.size(), Quote.text(cut.getFirst())));
    }
    for (int i = 0; i < numbers.size(); i++) {
      if (numbers.get(i) != i) {
        return Verdict.fail(
            "%s, \"line %d\" came where \"line %d\" was due: keep each sender's lines in the order sent"
                .formatted(sent, numbers.get(i), i));
      }
    }
    if (end != null) {
      return Verdict.fail(
          "%s, %s arrived, then %s"
              .formatted(sent, Quote.count(numbers.size(), "line"), end.describe()));
    }
    return Verdict.PASS;
  }

  /** A line over the limit is refused with a notice to its sender; the connection goes on. */
  static Verdict overLong(Probe probe) throws Exception {
    List<Member> room = Member.join(probe, 2);
    Member a = room.get(0);
    Member b = room.get(1);
    Duration answer = probe.timing().answer();
    String fits = "z".repeat(BroadcastRubric.MAX_LINE_BYTES);
    a.forgetPending();
    a.say(fits);
    a.say("y".repeat(9000));
    a.say("after the long line");
    Wire.Search toOthers = b.await(t -> t.endsWith("after the long line"), answer);
    Verdict others = othersOfOverLong(b, toOthers, fits);
    if (!others.passed()) {
      return others;
    }
    return BroadcastRubric.notice(
        "the sender of a line of 9,000 bytes",
        a.await(t -> t.toLowerCase().contains("long"), answer),
        BroadcastRubric.TOO_LONG,
        "tell its sender, and only it, that the line was not sent");
  }

  private static Verdict othersOfOverLong(Member b, Wire.Search search, String fits) {
    for (Reply reply : search.others()) {
      if (reply.text().contains("yyyyyyyy")) {
        return Verdict.fail(
            "%s got part of a line of 9,000 bytes, %s: refuse a line over 8,192 bytes whole"
                .formatted(b, reply.describe()));
      }
      if (reply.text().toLowerCase().contains("too long")) {
        return Verdict.fail(
            "the refusal went to %s too, %s: tell only the sender".formatted(b, reply.describe()));
      }
    }
    if (search.others().isEmpty() && !search.succeeded()) {
      return Verdict.fail(
          "%s got %s after the sender sent lines of 8,192 and 9,000 bytes and \"after the long line\\n\": relay the lines up to 8,192 bytes, and refuse only the longer one"
              .formatted(b, search.describe()));
    }
    if (search.others().stream().noneMatch(r -> r.text().endsWith(fits))) {
      return Verdict.fail(
          "a line of exactly 8,192 bytes did not reach %s whole, then it got %s: the limit is over 8,192 bytes, so 8,192 is allowed"
              .formatted(b, search.describe()));
    }
    if (!search.succeeded()) {
      return Verdict.fail(
          "after the over-long line, %s got %s instead of the next line: refuse the line, then go on reading"
              .formatted(b, search.describe()));
    }
    return Verdict.PASS;
  }

  /** A line that is not UTF-8 does not stop the sender's connection or anyone else's. */
  static Verdict invalidUtf8(Probe probe) throws Exception {
    List<Member> room = Member.join(probe, 2);
    Member a = room.get(0);
    Member b = room.get(1);
    a.wire.send(new byte[] {'c', 'a', 'f', (byte) 0xc3, ' ', (byte) 0xff, '\n'});
    a.say("after the bad bytes");
    Wire.Search search = b.await(t -> t.endsWith("after the bad bytes"), probe.timing().answer());
    if (search.succeeded()) {
      return Verdict.PASS;
    }
    return Verdict.fail(
        "after %s sent \"caf\\xc3 \\xff\\n\" (not UTF-8), %s got %s instead of its next line: decode leniently (an invalid byte becomes U+FFFD), so that bad input stops nobody"
            .formatted(a, b, search.describe()));
  }
}
