package edu.sockets.multiclient.grading;

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
 * How bytes become lines and lines come back (chapter 2, 3.3 and 3.4): lines in pieces, many in one
 * write, CR LF, UTF-8 split or invalid, control characters. Each line sent starts with a word of
 * its own ({@code split:}, {@code crlf:}...): an answer that repeats it is judged on how it repeats
 * it; an answer that does not repeat the line at all costs the echo check, not these.
 */
final class FramingChecks {

  /** Lines sent in one write. */
  private static final int LINES = 200;

  /** How long the two halves of a split character are sent apart. */
  private static final Duration SPLIT_GAP = Duration.ofMillis(300);

  private static final Pattern NUMBERED = Pattern.compile("line (\\d+)$");

  private FramingChecks() {}

  static Verdict byteByByte(Probe probe) throws Exception {
    Wire wire = probe.connect();
    wire.sendByteByByte("byte by byte\n".getBytes(UTF_8));
    Reply first = wire.readLine();
    if (!MultiClientRubric.isText(first)) {
      return Verdict.fail(
          "got %s after \"byte by byte\\n\" was sent one byte at a time: collect bytes until \"\\n\", then answer the line"
              .formatted(first.describe()));
    }
    Reply more = wire.drain(probe.timing().answer());
    long answers = 1 + lineCount(more.bytes());
    if (answers == 1) {
      return Verdict.PASS;
    }
    byte[] all = concat(first.bytes(), more.bytes());
    return Verdict.fail(
        "%s to one line sent one byte at a time: %s: is each recv() answered instead of each line? Collect bytes until \"\\n\""
            .formatted(Quote.count(answers, "answer"), Quote.bytes(all)));
  }

  static Verdict manyLinesInOneWrite(Probe probe) throws Exception {
    Wire wire = probe.connect();
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < LINES; i++) {
      lines.append("line ").append(i).append('\n');
    }
    wire.send(lines.toString());
    List<Reply> answers = new ArrayList<>();
    Reply last = wire.readLine();
    while (MultiClientRubric.isText(last)) {
      answers.add(last);
      if (answers.size() == LINES) {
        return inOrder(answers);
      }
      last = wire.readLine();
    }
    if (answers.isEmpty()) {
      return Verdict.fail("got %s to %d lines sent in one write".formatted(last.describe(), LINES));
    }
    return Verdict.fail(
        "%d lines sent in one write, %s arrived (the first %s), then %s: is each recv() chunk answered instead of each line? Collect bytes until each \"\\n\""
            .formatted(
                LINES,
                Quote.count(answers.size(), "answer"),
                answers.getFirst().describe(),
                last.describe()));
  }

  /** Each answer that names its line names the line sent in its place. */
  private static Verdict inOrder(List<Reply> answers) {
    for (int i = 0; i < answers.size(); i++) {
      Matcher numbered = NUMBERED.matcher(answers.get(i).text());
      if (numbered.find() && Integer.parseInt(numbered.group(1)) != i) {
        return Verdict.fail(
            "answer %d was %s but line %d was sent in its place: answer each client's lines in the order they came"
                .formatted(i + 1, answers.get(i).describe(), i));
      }
    }
    return Verdict.PASS;
  }

  static Verdict splitCharacter(Probe probe) throws Exception {
    byte[] line = "split: 👋\n".getBytes(UTF_8);
    int cut = line.length - 3; // between the second and third of the emoji's four bytes
    Wire wire = probe.connect();
    wire.sendInPieces(List.of(Arrays.copyOfRange(line, 0, cut)));
    // Pacing: time for the server to read the first piece on its own, even on a busy machine.
    Thread.sleep(SPLIT_GAP);
    wire.send(Arrays.copyOfRange(line, cut, line.length));
    Reply reply = wire.readLine();
    String echoed = echoed(reply, "split:");
    if (MultiClientRubric.isText(reply) && (echoed == null || echoed.startsWith("split: 👋"))) {
      return Verdict.PASS;
    }
    return Verdict.fail(
        "got %s to \"split: 👋\\n\" sent with the 4-byte 👋 split between two writes: decode the whole line once its \"\\n\" has arrived, not each recv() chunk"
            .formatted(reply.describe()));
  }

  static Verdict crLf(Probe probe) throws Exception {
    Reply reply = answer(probe, "crlf: hello\r\n".getBytes(UTF_8));
    String sent =
        "\"crlf: hello\\r\\n\", a line ending in CR LF as telnet and Windows programs send it";
    String echoed = echoed(reply, "crlf:");
    if (!MultiClientRubric.isText(reply)) {
      return Verdict.fail("got %s to %s".formatted(reply.describe(), sent));
    }
    if (echoed == null || echoed.equals("crlf: hello")) {
      return Verdict.PASS;
    }
    return Verdict.fail(
        "got %s to %s: the \"\\r\" belongs to the line ending, not to the line; remove it before answering"
            .formatted(reply.describe(), sent));
  }

  static Verdict controlCharacters(Probe probe) throws Exception {
    String sent = "controls: a\u0000b\u001b[2J\rfake\u0007\t\u007f\u0085z";
    String shown = "controls: a\\x00b\\x1b[2J\\x0dfake\\x07\\x09\\x7f\\x85z";
    Reply reply = answer(probe, (sent + "\n").getBytes(UTF_8));
    if (!reply.isLine()) {
      return Verdict.fail("got %s to %s".formatted(reply.describe(), Quote.text(sent + "\n")));
    }
    String echoed = echoed(reply, "controls:");
    boolean raw = reply.text().codePoints().anyMatch(Character::isISOControl);
    if (!raw && (echoed == null || echoed.startsWith(shown))) {
      return Verdict.PASS;
    }
    return Verdict.fail(
        "got %s to %s, but expected it to repeat the line as %s: show each control character (U+0000 to U+001F, U+007F to U+009F) as \\xNN, so that it cannot drive a terminal"
            .formatted(reply.describe(), Quote.text(sent + "\n"), Quote.text(shown)));
  }

  static Verdict invalidUtf8(Probe probe) throws Exception {
    byte[] line = {'u', 't', 'f', '8', ':', ' ', 'a', (byte) 0xc3, 'b', (byte) 0xff, '\n'};
    String sent = "a line with bytes that are not UTF-8 (\"utf8: a\\xc3b\\xff\\n\")";
    String replaced = "utf8: a\uFFFDb\uFFFD";
    Reply reply = answer(probe, line);
    if (reply.ended()) {
      return Verdict.fail(
          "got %s to %s: decode leniently (Java: new String(bytes, UTF_8); Python: errors=\"replace\"), so that bad input cannot end a client's connection"
              .formatted(reply.describe(), sent));
    }
    String echoed = echoed(reply, "utf8:");
    if (MultiClientRubric.isText(reply) && (echoed == null || echoed.startsWith(replaced))) {
      return Verdict.PASS;
    }
    return Verdict.fail(
        "got %s to %s, but expected it to repeat the line as %s: each byte that is not UTF-8 becomes U+FFFD"
            .formatted(reply.describe(), sent, Quote.text(replaced)));
  }

  /** Connects, sends the line in one write, and returns the answer. */
  private static Reply answer(Probe probe, byte[] line) throws Exception {
    Wire wire = probe.connect();
    wire.send(line);
    return wire.readLine();
  }

  /** The answer from {@code marker} on, or null when the answer does not repeat the line. */
  private static String echoed(Reply reply, String marker) {
    int at = reply.text().indexOf(marker);
    return at < 0 ? null : reply.text().substring(at);
  }

  /** The lines in {@code bytes}, a last one without its line feed included. */
  static long lineCount(byte[] bytes) {
    long count = 0;
    for (byte b : bytes) {
      count += b == '\n' ? 1 : 0;
    }
    return bytes.length > 0 && bytes[bytes.length - 1] != '\n' ? count + 1 : count;
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
