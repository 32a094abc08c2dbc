package edu.sockets.multiclient.grading;

import edu.sockets.grading.Probe;
import edu.sockets.grading.Quote;
import edu.sockets.grading.Reply;
import edu.sockets.grading.Unreachable;
import edu.sockets.grading.Verdict;
import edu.sockets.grading.Wire;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conversation of one client (chapter 2, 3.2 and 3.3): the reply's exact text, {@code /exit},
 * how a connection ends. Only {@link #echoes} judges the reply's text and only {@link #exit} the
 * goodbye's; the others accept any answer.
 */
final class ExchangeChecks {

  private static final Pattern BRACKETS = Pattern.compile("^\\[(.*)\\] you said: hello$");

  private ExchangeChecks() {}

  static Verdict echoes(Probe probe) throws Exception {
    Wire wire = probe.connect();
    wire.send("hello\n");
    Reply reply = wire.readLine();
    String expected = MultiClientRubric.reply(wire.localEndpoint(), "hello");
    if (reply.isLine() && reply.text().equals(expected)) {
      return Verdict.PASS;
    }
    return Verdict.fail(
        Verdict.expected(reply, expected + "\n").diagnosis() + hint(reply, wire.localEndpoint()));
  }

  /** What a student should look at, when the reply is close to right. */
  private static String hint(Reply reply, String who) {
    String text = reply.text();
    Matcher brackets = BRACKETS.matcher(text);
    if (brackets.matches() && !brackets.group(1).equals(who)) {
      return ": the brackets must hold the client's ip:port as the server sees it, here %s: the address accept() returned with this client's socket"
          .formatted(who);
    }
    if (!reply.isLine() && text.equals(MultiClientRubric.reply(who, "hello"))) {
      return ": end the reply with a line feed, or the client cannot tell where it ends";
    }
    if (reply.isLine() && !text.contains("hello")) {
      return ": the reply does not repeat the line: answer each line with the line itself";
    }
    if (reply.isLine() && text.strip().equalsIgnoreCase(MultiClientRubric.reply(who, "hello"))) {
      return ": the letters or spaces differ";
    }
    return "";
  }

  static Verdict exit(Probe probe) throws Exception {
    Wire wire = probe.connect();
    String goodbye = MultiClientRubric.goodbye(wire.localEndpoint());
    wire.send("/exit\n");
    Reply reply = wire.readLine();
    Reply after = wire.awaitEnd(probe.timing().answer());
    boolean closed = after.ended() && after.bytes().length == 0;
    if (reply.isLine() && reply.text().equals(goodbye) && closed) {
      return Verdict.PASS;
    }
    String expected = "%s, then the end of the connection".formatted(Quote.text(goodbye + "\n"));
    if (!reply.isLine()) {
      return Verdict.fail("got %s but expected %s".formatted(reply.describe(), expected));
    }
    if (reply.text().endsWith("you said: /exit") && !closed) {
      return Verdict.fail(
          "got %s and the connection stayed open: /exit was answered like any other line; answer it with %s and close the connection"
              .formatted(reply.describe(), Quote.text(goodbye)));
    }
    if (!reply.text().equals(goodbye)) {
      return Verdict.fail("got %s but expected %s".formatted(reply.describe(), expected));
    }
    return Verdict.fail(
        "got the goodbye, then %s instead of the end of the connection: close the client's socket once the goodbye is sent"
            .formatted(after.describe()));
  }

  static Verdict exitWithSpaces(Probe probe) throws Exception {
    Wire wire = probe.connect();
    wire.send("  /exit  \n");
    Reply got = wire.awaitEnd(closing(probe));
    if (got.ended()) {
      return Verdict.PASS;
    }
    return Verdict.fail(
        "after \"  /exit  \\n\" %s: remove the spaces around a line before comparing it with \"/exit\""
            .formatted(keptOpen(got)));
  }

  static Verdict endOfStream(Probe probe) throws Exception {
    Wire wire = probe.connect();
    wire.send("last words\n");
    wire.shutdownOutput(); // FIN: the server reads end of stream after the line
    Reply got = wire.awaitEnd(closing(probe));
    if (got.ended() && got.bytes().length > 0) {
      return Verdict.PASS;
    }
    if (got.ended()) {
      return Verdict.fail(
          "the server closed without answering \"last words\\n\", the line sent just before the client closed its side: answer every line that came before the end of stream");
    }
    return Verdict.fail(
        "the client sent \"last words\\n\" and closed its side; %s: when read() returns -1 (recv() returns 0 bytes) the client has left: close its socket"
            .formatted(keptOpen(got)));
  }

  static Verdict reset(Probe probe) throws Exception {
    Wire first = probe.connect();
    first.send("hel");
    first.abort(); // RST: the server's read fails with "connection reset"
    Wire next;
    try {
      next = probe.connect();
    } catch (Unreachable e) {
      return Verdict.fail(
          "after a client reset its connection mid-line, the server could not be reached (%s): did the reset end the whole server?"
              .formatted(e.getMessage()));
    }
    next.send("hello\n"); // if the connection is already gone, the read below says how
    Reply reply = next.readLine();
    if (MultiClientRubric.isText(reply)) {
      return Verdict.PASS;
    }
    return Verdict.fail(
        "the client after one that reset its connection mid-line got %s: a reset must end only that client's conversation (catch the error in its thread)"
            .formatted(reply.describe()));
  }

  /** {@code the server sent nothing and kept the connection open}. */
  private static String keptOpen(Reply got) {
    String sent = got.bytes().length == 0 ? "nothing" : got.describe();
    return "the server sent " + sent + " and kept the connection open";
  }

  /** How long to wait for the end of a connection that the server should close. */
  private static Duration closing(Probe probe) {
    return probe.timing().answer().plus(probe.timing().quiet());
  }
}
