package edu.sockets.hello.grading;

import static java.nio.charset.StandardCharsets.UTF_8;

import edu.sockets.grading.Check;
import edu.sockets.grading.Probe;
import edu.sockets.grading.Quote;
import edu.sockets.grading.Reply;
import edu.sockets.grading.Rubric;
import edu.sockets.grading.Unreachable;
import edu.sockets.grading.Verdict;
import edu.sockets.grading.Wire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Phase 1's rubric: chapter 1's exchange made executable. Only the first check judges the reply's
 * text; the others ask only whether an answer came, so one wrong word costs one check.
 */
public final class HelloRubric {

  static final String GREETING = "Hello Server\n";
  static final String REPLY = "Hello Client\n";

  /** Chapter 1's limit on a line, in bytes. */
  static final int MAX_LINE_BYTES = 8192;

  private static final String PROTOCOL = "chapter 1, 3.1";
  private static final String FRAMING = "chapter 1, 2.3 and 3.3";

  private HelloRubric() {}

  public static Rubric rubric() {
    return new Rubric(
        "Phase 1: Hello",
        List.of(
            new Check("replies exactly \"Hello Client\"", 3, PROTOCOL, HelloRubric::repliesHello),
            new Check("closes the connection after replying", 1, PROTOCOL, HelloRubric::closes),
            new Check(
                "a greeting sent byte by byte: one reply", 2, FRAMING, HelloRubric::byteByByte),
            new Check("CR LF line ending accepted", 1, FRAMING, HelloRubric::crLf),
            new Check(
                "UTF-8 character split across sends", 1, FRAMING, HelloRubric::splitCharacter),
            new Check("invalid UTF-8 does not crash it", 1, FRAMING, HelloRubric::invalidUtf8),
            new Check(
                "serves the next client after a reset", 1, "chapter 1, 2.4", HelloRubric::reset),
            new Check("refuses a line over 8,192 bytes", 1, FRAMING, HelloRubric::overLongLine),
            new Check(
                "listens again after an orderly close",
                1,
                "chapter 1, 2.4 and 6.1",
                HelloRubric::restarts)),
        true);
  }

  static Verdict repliesHello(Probe probe) throws Exception {
    Wire wire = probe.connect();
    wire.send(GREETING);
    Reply reply = wire.readLine();
    if (reply.isLine() && reply.text().equals("Hello Client")) {
      return Verdict.PASS;
    }
    return Verdict.fail(Verdict.expected(reply, REPLY).diagnosis() + hint(reply));
  }

  /** What a student should look at, when the reply is close to right. */
  private static String hint(Reply reply) {
    String text = reply.text();
    List<String> hints = new ArrayList<>();
    if (!text.equals("Hello Client") && text.strip().equalsIgnoreCase("Hello Client")) {
      hints.add("the letters or spaces differ");
    }
    if (!reply.isLine() && text.strip().equalsIgnoreCase("Hello Client")) {
      hints.add("end the reply with a line feed, or the client cannot tell where it ends");
    }
    return hints.isEmpty() ? "" : ": " + String.join("; ", hints);
  }

  static Verdict closes(Probe probe) throws Exception {
    Wire wire = probe.connect();
    wire.send(GREETING);
    Duration wait = probe.timing().answer().plus(probe.timing().quiet());
    Reply got = wire.awaitEnd(wait);
    if (got.ended() && got.bytes().length > 0) {
      return Verdict.PASS;
    }
    if (got.ended()) {
      return Verdict.fail(
          "the server closed the connection without replying: got " + got.describe());
    }
    return Verdict.fail(
        "after the greeting the server sent %s and kept the connection open: close the client's socket once the reply is sent"
            .formatted(got.describe()));
  }

  static Verdict byteByByte(Probe probe) throws Exception {
    Wire wire = probe.connect();
    wire.sendByteByByte("Hello Server".getBytes(UTF_8));
    Reply early = wire.drain(probe.timing().answer());
    if (early.bytes().length > 0) {
      return Verdict.fail(
          "%s arrived while \"Hello Server\" was still being sent one byte at a time, before its line feed: does the server answer each recv() instead of each line? Collect bytes until \"\\n\""
              .formatted(Quote.bytes(early.bytes())));
    }
    if (early.ended()) {
      return Verdict.fail(
          "the server closed the connection before the line feed arrived: it took the first recv() chunk for the whole greeting; collect bytes until \"\\n\"");
    }
    wire.send("\n");
    Reply after = wire.drain(probe.timing().answer().plus(probe.timing().quiet()));
    long lines = lineCount(after.bytes());
    if (after.bytes().length == 0) {
      return Verdict.fail("no answer once the line feed arrived: got " + after.describe());
    }
    if (lines > 1) {
      return Verdict.fail(
          "%s to one greeting: %s".formatted(Quote.count(lines, "answer"), after.describe()));
    }
    return Verdict.PASS;
  }

  static Verdict crLf(Probe probe) throws Exception {
    return answers(
        probe,
        List.of("Hello Server\r\n".getBytes(UTF_8)),
        "a greeting that ends in CR LF (\"Hello Server\\r\\n\", as telnet and Windows programs send it): remove the \"\\r\" before the \"\\n\"");
  }

  static Verdict splitCharacter(Probe probe) throws Exception {
    byte[] greeting = "Hello Server 👋\n".getBytes(UTF_8);
    int cut = greeting.length - 3; // between the second and third of the emoji's four bytes
    return answers(
        probe,
        List.of(
            Arrays.copyOfRange(greeting, 0, cut),
            Arrays.copyOfRange(greeting, cut, greeting.length)),
        "\"Hello Server 👋\\n\" sent with the 4-byte 👋 split between two sends: decode the whole line once its \"\\n\" has arrived, not each recv() chunk");
  }

  static Verdict invalidUtf8(Probe probe) throws Exception {
    byte[] greeting = {
      'H', 'e', 'l', 'l', 'o', ' ', (byte) 0xff, ' ', 'S', 'e', 'r', 'v', 'e', 'r', '\n'
    };
    return answers(
        probe,
        List.of(greeting),
        "a greeting with a byte that is not UTF-8 (\\xff): decode leniently (Python: errors=\"replace\"), so bad input cannot crash the server");
  }

  /** Sends the pieces and passes if any answer comes back; otherwise says what was sent. */
  private static Verdict answers(Probe probe, List<byte[]> pieces, String sent) throws Exception {
    Wire wire = probe.connect();
    wire.sendInPieces(pieces);
    Reply reply = wire.readLine();
    if (reply.bytes().length > 0) {
      return Verdict.PASS;
    }
    return Verdict.fail("got %s after %s".formatted(reply.describe(), sent));
  }

  static Verdict reset(Probe probe) throws Exception {
    Wire first = probe.connect();
    first.send("Hel");
    first.abort();
    try {
      Reply reply = nextClient(probe);
      return reply.bytes().length > 0
          ? Verdict.PASS
          : Verdict.fail(
              "the client after one that reset its connection got %s: a reset must end only that client's conversation"
                  .formatted(reply.describe()));
    } catch (Unreachable e) {
      return Verdict.fail(
          "after a client reset its connection mid-line, the server was not listening again within %s: did it crash on the reset and stop?"
              .formatted(Quote.seconds(probe.timing().comeback())));
    }
  }

  /**
   * Greets the server as the next client and returns its answer. The previous process may still be
   * ending, with this connection in its queue: such a connection is reset unanswered when it exits,
   * so this tries again until the comeback time is up.
   */
  private static Reply nextClient(Probe probe) throws Unreachable, InterruptedException {
    long deadline = System.nanoTime() + probe.timing().comeback().toNanos();
    while (true) {
      Wire wire = probe.connect();
      wire.send(GREETING);
      Reply reply = wire.readLine();
      if (!wire.endedSilently() || System.nanoTime() > deadline) {
        return reply;
      }
    }
  }

  static Verdict overLongLine(Probe probe) throws Exception {
    Wire wire = probe.connect();
    int length = MAX_LINE_BYTES + 1000;
    wire.send(
        "x".repeat(length) + "\n"); // a server that closes before reading it all refuses it too
    Reply got = wire.awaitEnd(probe.timing().answer().plus(probe.timing().quiet()));
    if (got.ended() && got.bytes().length == 0) {
      return Verdict.PASS;
    }
    String what =
        got.bytes().length == 0 ? "no answer, but the connection stayed open" : got.describe();
    return Verdict.fail(
        "got %s to a line of %,d bytes: a server stops reading a line at 8,192 bytes and closes the connection without a reply"
            .formatted(what, length + 1));
  }

  static Verdict restarts(Probe probe) throws Exception {
    Wire wire = probe.connect();
    wire.send(GREETING);
    wire.readLine();
    wire.awaitEnd(probe.timing().answer());
    wire.close(); // FIN after the server's: the server's side of the connection enters TIME_WAIT
    try {
      Reply reply = nextClient(probe);
      return reply.bytes().length > 0
          ? Verdict.PASS
          : Verdict.fail("the next client got " + reply.describe());
    } catch (Unreachable e) {
      return Verdict.fail(e.getMessage());
    }
  }

  private static long lineCount(byte[] bytes) {
    long count = 0;
    for (byte b : bytes) {
      count += b == '\n' ? 1 : 0;
    }
    return bytes.length > 0 && bytes[bytes.length - 1] != '\n' ? count + 1 : count;
  }
}
