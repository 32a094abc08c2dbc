package edu.sockets.broadcast.grading;

import edu.sockets.grading.Probe;
import edu.sockets.grading.Quote;
import edu.sockets.grading.Reply;
import edu.sockets.grading.Verdict;
import edu.sockets.grading.Wire;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks of relaying: the {@code [ip:port] text} form, and what the server leaves out of a line
 * on the way (an empty line, control characters). Only {@link #relays} judges the prefix; the
 * others accept any line that ends with what was sent.
 */
final class RelayChecks {

  /** A window-title and a clear-screen sequence, CR, a C1 CSI, DEL, NUL and a TAB that stays. */
  static final String HOSTILE = "\u001b]0;owned\u0007\u001b[2Jred\r\u009b31m\u007f\u0000\tend";

  /** {@link #HOSTILE} as the others must get it. */
  static final String CLEANED = "]0;owned[2Jred31m\tend";

  private RelayChecks() {}

  /** A line reaches every other client once, as {@code [ip:port] text}, and not its sender. */
  static Verdict relays(Probe probe) throws Exception {
    List<Member> room = Member.join(probe, 3);
    Member a = room.get(0);
    Member b = room.get(1);
    Member c = room.get(2);
    Duration answer = probe.timing().answer();
    a.say("hello, everyone");
    for (Member receiver : List.of(b, c)) {
      Verdict verdict = relayedTo(receiver, a, "hello, everyone", answer);
      if (!verdict.passed()) {
        return verdict;
      }
    }
    // The next line each gets is b's: a line that came back to a, or twice to c, shows before it.
    b.say("hi");
    for (Member receiver : List.of(a, c)) {
      Wire.Search next =
          receiver.await(t -> isRelay(t, BroadcastRubric.relayed(b.name, "hi")), answer);
      if (!next.succeeded()) {
        return Verdict.fail(
            "%s got %s after %s sent \"hi\\n\", but expected %s: relay each line to every other client"
                .formatted(
                    receiver,
                    next.describe(),
                    b,
                    Quote.text(BroadcastRubric.relayed(b.name, "hi") + "\n")));
      }
      Optional<Reply> again =
          next.others().stream().filter(r -> r.text().endsWith("hello, everyone")).findFirst();
      if (again.isPresent()) {
        return Verdict.fail(
            receiver == a
                ? "the sender got its own line back, %s: relay a line to every client but its sender"
                    .formatted(again.get().describe())
                : "%s got %s's line twice: %s".formatted(receiver, a, again.get().describe()));
      }
    }
    return Verdict.PASS;
  }

  private static Verdict relayedTo(Member receiver, Member sender, String text, Duration wait) {
    String expected = BroadcastRubric.relayed(sender.name, text);
    Wire.Search search = receiver.await(t -> t.endsWith(text), wait);
    Reply got = search.found();
    if (got != null && got.isLine() && isRelay(got.text(), expected)) {
      return Verdict.PASS;
    }
    String hint;
    if (got == null) {
      hint = "relay each line to every other client";
    } else if (!got.isLine()) {
      hint = "end each relayed line with a line feed";
    } else if (got.text().equals(text)) {
      hint = "put the sender's [ip:port] and a space before the text";
    } else if (Pattern.matches("\\[[^\\]]*\\] " + Pattern.quote(text), got.text())) {
      hint = "the [ip:port] is the sender's, as the server sees it (the accepted socket's peer)";
    } else {
      hint = "send it as [ip:port] text";
    }
    return Verdict.fail(
        "%s got %s after %s sent %s, but expected %s: %s"
            .formatted(
                receiver,
                got != null ? got.describe() : search.describe(),
                sender,
                Quote.text(text + "\n"),
                Quote.text(expected + "\n"),
                hint));
  }

  /**
   * The relayed line itself, or with notices that had no line feed run into its front: that is the
   * notices' fault, and the notice checks judge it.
   */
  private static boolean isRelay(String text, String expected) {
    return text.equals(expected) || (text.startsWith("*** ") && text.endsWith(expected));
  }

  /** An empty line is not relayed. */
  static Verdict emptyLine(Probe probe) throws Exception {
    List<Member> room = Member.join(probe, 2);
    Member a = room.get(0);
    Member b = room.get(1);
    // The empty line alone, then a quiet time in which no relay of it may come: sent right after
    // it, the next line could reach a server in the same read.
    a.say("");
    Wire.Search early = b.await(RelayChecks::isEmptyRelay, probe.timing().quiet());
    if (early.succeeded()) {
      return emptyRelayed(a, b, early.found());
    }
    a.say("after the empty line");
    Wire.Search search = b.await(t -> t.endsWith("after the empty line"), probe.timing().answer());
    Optional<Reply> empty =
        search.others().stream().filter(r -> isEmptyRelay(r.text())).findFirst();
    if (empty.isPresent()) {
      return emptyRelayed(a, b, empty.get());
    }
    if (!search.succeeded()) {
      return Verdict.fail(
          "%s sent an empty line and then \"after the empty line\\n\"; %s got %s: relay the line that is not empty"
              .formatted(a, b, search.describe()));
    }
    return Verdict.PASS;
  }

  private static Verdict emptyRelayed(Member a, Member b, Reply relayed) {
    return Verdict.fail(
        "after %s sent an empty line, %s got %s: relay no line that is empty once its control characters are removed"
            .formatted(a, b, relayed.describe()));
  }

  private static boolean isEmptyRelay(String text) {
    return !text.startsWith("*** ") && text.replaceFirst("^\\[[^\\]]*\\]", "").isBlank();
  }

  /** The characters a terminal obeys are removed from a relayed line; TAB and the rest stay. */
  static Verdict controlCharacters(Probe probe) throws Exception {
    List<Member> room = Member.join(probe, 2);
    Member a = room.get(0);
    Member b = room.get(1);
    a.say(HOSTILE);
    Wire.Search search = b.await(t -> t.contains("owned"), probe.timing().answer());
    if (!search.succeeded()) {
      return Verdict.fail(
          "%s sent %s and %s got %s: remove the control characters, not the whole line"
              .formatted(a, Quote.text(HOSTILE + "\n"), b, search.describe()));
    }
    Reply got = search.found();
    String controls = controlsIn(got.text());
    if (!controls.isEmpty()) {
      return Verdict.fail(
          "%s got %s: %s reached it, and a terminal obeys them (ESC [2J clears the screen); remove C0 controls but TAB, DEL, and C1 controls (U+0080 to U+009F)"
              .formatted(b, got.describe(), controls));
    }
    if (!got.text().endsWith(CLEANED)) {
      return Verdict.fail(
          "%s got %s but expected it to end with %s: remove only the control characters, and keep TAB"
              .formatted(b, got.describe(), Quote.text(CLEANED)));
    }
    return Verdict.PASS;
  }

  /** {@code ESC, BEL, CR}: the control characters in the text, each named once. */
  private static String controlsIn(String text) {
    return text.chars()
        .filter(c -> (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f))
        .distinct()
        .mapToObj(c ->
            switch (c) {
              case 0x1b -> "ESC";
              case 0x07 -> "BEL";
              case '\r' -> "CR";
              case 0x00 -> "NUL";
              case 0x7f -> "DEL";
              default -> "U+%04X".formatted(c);
            })
        .reduce((x, y) -> x + ", " + y)
        .orElse("");
  }
}
