package edu.sockets.broadcast.grading;

import edu.sockets.grading.Check;
import edu.sockets.grading.Quote;
import edu.sockets.grading.Reply;
import edu.sockets.grading.Rubric;
import edu.sockets.grading.Verdict;
import edu.sockets.grading.Wire;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phase 3's rubric: chapter 3's protocol made executable. Each exact text is judged by one check
 * only; the others accept any line that carries what they look for, so that one wrong word costs
 * one check. The checks in {@link NoticeChecks}, {@link RelayChecks}, {@link FramingChecks} and
 * {@link CrowdChecks}.
 */
public final class BroadcastRubric {

  /** Where chapter 3 lists what the server says, and when. */
  static final String PROTOCOL = "chapter 3, 3.1";

  /** Chapter 3's limit on a line, in bytes, without its line feed. */
  static final int MAX_LINE_BYTES = 8192;

  /** What the sender of a line over the limit is told. */
  static final String TOO_LONG = "*** Line too long (over 8192 bytes): not sent.";

  private BroadcastRubric() {}

  public static Rubric rubric() {
    return new Rubric(
        "Phase 3: Broadcast",
        List.of(
            new Check("welcome with the ip:port and the count", 2, PROTOCOL, NoticeChecks::welcome),
            new Check("the others hear \"*** ip:port joined\"", 1, PROTOCOL, NoticeChecks::joined),
            new Check(
                "\"[ip:port] text\" to each other client, once",
                3,
                "chapter 3, 1 and 3.1",
                RelayChecks::relays),
            new Check("an empty line is not relayed", 1, PROTOCOL, RelayChecks::emptyLine),
            new Check(
                "control characters removed, TAB kept",
                2,
                "chapter 3, 2.4",
                RelayChecks::controlCharacters),
            new Check(
                "byte by byte, or a UTF-8 character split: one line",
                2,
                "chapter 3, 3.6",
                FramingChecks::pieces),
            new Check(
                "2,000 lines sent at once: whole, in order",
                2,
                "chapter 3, 1 and 3.6",
                FramingChecks::order),
            new Check("/exit: goodbye, close, \"left (/exit)\"", 2, PROTOCOL, NoticeChecks::exit),
            new Check("end of stream and reset: \"left (...)\"", 2, PROTOCOL, NoticeChecks::leaves),
            new Check(
                "a client that left is not counted or written to",
                1,
                "chapter 3, 3.2",
                CrowdChecks::departed),
            new Check(
                "a line over 8,192 bytes refused, to its sender",
                1,
                "chapter 3, 3.1 and 3.6",
                FramingChecks::overLong),
            new Check(
                "invalid UTF-8 stops nobody", 1, "chapter 3, 3.6", FramingChecks::invalidUtf8),
            new Check(
                "a client that never reads stalls nobody",
                3,
                "chapter 3, 2.2, 2.3 and 5.5",
                CrowdChecks::slowConsumer),
            new Check(
                "... and is dropped: \"left (dropped ...)\"",
                1,
                "chapter 3, 3.1 and 3.3",
                CrowdChecks::dropped),
            // Last: a server whose accept queue overflows is still busy with it for a while.
            new Check(
                "100 clients at once: all answered within 1 s",
                1,
                "chapter 2, 2.4; chapter 3, 3.5",
                Burst::check)),
        false);
  }

  static String welcome(String name, String count) {
    return "*** Welcome " + name + "! Others online: " + count + ". Send /exit to leave.";
  }

  static String joined(String name) {
    return "*** " + name + " joined";
  }

  static String left(String name, String reason) {
    return "*** " + name + " left (" + reason + ")";
  }

  static String goodbye(String name) {
    return "*** Goodbye " + name + ".";
  }

  static String relayed(String name, String text) {
    return "[" + name + "] " + text;
  }

  /**
   * True for a line that tells of {@code name} leaving, in any words: where it last names the
   * client, it does not say that the client joined. (Notices without a line feed run together, so
   * one line may hold both.)
   */
  static boolean tellsOfLeaving(String text, String name) {
    String after = Member.afterLastMention(text, name);
    return after != null && !after.startsWith(" joined");
  }

  /**
   * The count of others in a welcome, read leniently ({@code Others online: 2}, {@code 2 others});
   * null when it has none.
   */
  static Integer countIn(Reply welcome, String name) {
    if (welcome == null) {
      return null;
    }
    String text = welcome.text().replace(name, "");
    Matcher count = Pattern.compile("(?i)online\\D{0,3}(\\d+)").matcher(text);
    if (!count.find()) {
      count = Pattern.compile("(?i)(\\d+)\\s+(other|user|client|online)").matcher(text);
      if (!count.find()) {
        return null;
      }
    }
    return Integer.valueOf(count.group(1));
  }

  /**
   * True when {@code got} is a line that ends with exactly the notice {@code expected}: what comes
   * before it on the line, if anything, is a relayed line the server cut short, which the checks of
   * relaying judge.
   */
  static boolean isNotice(Reply got, String expected) {
    return got != null && got.isLine() && got.text().endsWith(expected);
  }

  /** {@link #notice(String, Reply, String, String)} for the line an await found, or not. */
  static Verdict notice(String who, Wire.Search search, String expected, String advice) {
    Reply got = search.found();
    return notice(who, got, got != null ? got.describe() : search.describe(), expected, advice);
  }

  /**
   * Passes when {@code got} {@linkplain #isNotice is the notice} {@code expected}; otherwise says
   * what {@code who} got instead, and what to change: the line feed when only that is missing, else
   * {@code advice}.
   */
  static Verdict notice(String who, Reply got, String expected, String advice) {
    return notice(who, got, got.describe(), expected, advice);
  }

  private static Verdict notice(
      String who, Reply got, String described, String expected, String advice) {
    if (isNotice(got, expected)) {
      return Verdict.PASS;
    }
    String hint = ": " + advice;
    if (got != null && got.text().contains(expected)) {
      hint =
          got.isLine()
              ? ": it ran into other text; end each notice with its own line feed"
              : ": end each notice with a line feed";
    }
    return Verdict.fail(
        "%s got %s but expected %s%s".formatted(who, described, Quote.text(expected + "\n"), hint));
  }
}
