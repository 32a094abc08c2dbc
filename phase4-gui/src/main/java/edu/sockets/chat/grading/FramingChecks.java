package edu.sockets.chat.grading;

import static edu.sockets.chat.grading.Lines.shown;
import static java.nio.charset.StandardCharsets.UTF_8;

import edu.sockets.grading.Probe;
import edu.sockets.grading.Quote;
import edu.sockets.grading.Reply;
import edu.sockets.grading.Verdict;
import edu.sockets.grading.Wire;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lines as TCP delivers them: in pieces, several at once, with CR LF, with UTF-8 split or broken,
 * with control characters, too long. One user sends, another observes: what the sender gets back is
 * another check's business.
 */
final class FramingChecks {

  /** PROTOCOL.md's limit on a client's line, in bytes. */
  static final int MAX_LINE_BYTES = 8192;

  private static final String SPLIT_RECV =
      "does the server take what one recv() returns for one line? Collect bytes until \"\\n\","
          + " and keep what follows it for the next line";

  private FramingChecks() {}

  /** Two registered users of one check: the first sends, the second observes. */
  private static List<Chatter> pair(Probe probe, String token) throws Exception {
    return Chatter.users(probe, token, "alice", "bob");
  }

  static Verdict byteByByte(Probe probe) throws Exception {
    String token = Lines.token();
    List<Chatter> users = pair(probe, token);
    Chatter alice = users.get(0);
    String text = token + " one line";
    alice.wire().sendByteByByte((text + "\n").getBytes(UTF_8));
    String sentinel = Lines.token();
    alice.send("after " + sentinel);
    Wire.Search got = users.get(1).search(Lines.messageWith(sentinel));
    List<Reply> messages =
        got.others().stream()
            .filter(line -> line.text().startsWith("MSG ") && line.text().contains(alice.name))
            .toList();
    if (messages.size() == 1 && messages.getFirst().text().endsWith(" " + text)) {
      return Verdict.PASS;
    }
    if (messages.size() > 1) {
      return Verdict.fail(
          "\"%s\" sent one byte at a time arrived as %s (%s, %s, ...): %s"
              .formatted(
                  text,
                  Quote.count(messages.size(), "message"),
                  messages.get(0).describe(),
                  messages.get(1).describe(),
                  SPLIT_RECV));
    }
    return Verdict.fail(
        "\"%s\" sent one byte at a time, then a line \"after %s\": %s got %s"
            .formatted(text, sentinel, users.get(1).name, got.describe()));
  }

  static Verdict manyInOneSend(Probe probe) throws Exception {
    String token = Lines.token();
    List<Chatter> users = pair(probe, token);
    int count = 100; // half the course server's flood burst: all of them are handled
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < count; i++) {
      lines.append(token).append(' ').append(i).append('\n');
    }
    users.get(0).send(lines.toString().getBytes(UTF_8));
    List<Reply> got = new ArrayList<>();
    Wire.Search next = null;
    while (got.size() < count) {
      next = users.get(1).search(Lines.messageWith(token));
      if (!next.succeeded()) {
        break;
      }
      got.add(next.found());
    }
    for (int i = 0; i < got.size(); i++) {
      String text = got.get(i).text();
      if (!text.endsWith(" " + token + " " + i)) {
        String body = text.substring(text.indexOf(" * ") + 1); // the text, past the sender's name
        boolean merged = body.indexOf(token) != body.lastIndexOf(token);
        return Verdict.fail(
            "of %d lines sent in one write (\"%s 0\\n%s 1\\n...\"), message %d arrived as %s: %s"
                .formatted(
                    count,
                    token,
                    token,
                    i + 1,
                    got.get(i).describe(),
                    merged ? SPLIT_RECV : "one sender's lines are handled in the order sent"));
      }
    }
    if (got.size() < count) {
      return Verdict.fail(
          "of %d lines sent in one write, %s reached %s, then %s"
              .formatted(count, Quote.count(got.size(), "message"), users.get(1).name, next));
    }
    return Verdict.PASS;
  }

  static Verdict encodings(Probe probe) throws Exception {
    String token = Lines.token();
    Chatter bob = Chatter.register(probe, "bob_" + token);
    Chatter alice = Chatter.connect(probe, "crlf_" + token);
    alice.send(("/name " + alice.name + "\r\n").getBytes(UTF_8));
    try {
      alice.awaitWelcome();
    } catch (Failed e) {
      throw new Failed(e.getMessage() + ", sent with CR LF: remove a \"\\r\" before the \"\\n\"");
    }
    Verdict crLf = crLf(alice, bob);
    if (!crLf.passed()) {
      return crLf;
    }
    byte[] greeting = ("سلام 👋 " + token + "\n").getBytes(UTF_8);
    int cut = "سلام ".getBytes(UTF_8).length + 2; // in the middle of the emoji's four bytes
    alice.wire().sendInPieces(List.of(prefix(greeting, cut), suffix(greeting, cut)));
    Reply split = bob.expect(Lines.messageWith(token), shown("MSG", alice.name + " * سلام 👋"));
    if (!split.text().endsWith(" سلام 👋 " + token)) {
      return Verdict.fail(
          "\"سلام 👋 %s\" sent with the 4-byte 👋 split between two sends arrived as %s: decode the whole line once its \"\\n\" has arrived, not each recv()"
              .formatted(token, split.describe()));
    }
    return invalidUtf8(alice, bob);
  }

  /**
   * A line ended by CR LF arrives as one ended by LF: compared with the server's own ending, so
   * that a server that ends every line with CR LF is not taken for one that keeps the CR.
   */
  private static Verdict crLf(Chatter alice, Chatter bob) throws Failed {
    String plain = Lines.token();
    alice.send("ended by LF " + plain);
    Reply lf = bob.expect(Lines.messageWith(plain), shown("MSG", alice.name + " * ended by LF"));
    String windows = Lines.token();
    alice.send(("ended by CR LF " + windows + "\r\n").getBytes(UTF_8));
    Reply crLf =
        bob.expect(Lines.messageWith(windows), shown("MSG", alice.name + " * ended by CR LF"));
    if (endsWithCrLf(crLf.bytes()) && !endsWithCrLf(lf.bytes())) {
      return Verdict.fail(
          "\"ended by CR LF %s\\r\\n\" reached %s as %s, with the CR in its text: remove a \"\\r\" before the \"\\n\""
              .formatted(windows, bob.name, crLf.describe()));
    }
    return Verdict.PASS;
  }

  /** A byte that is not UTF-8 is read as U+FFFD; the connection goes on. */
  private static Verdict invalidUtf8(Chatter alice, Chatter bob) throws Failed {
    String token = Lines.token();
    byte[] text = ("bad ? byte " + token + "\n").getBytes(UTF_8);
    text[4] = (byte) 0xff; // in place of the ?: a byte that UTF-8 never uses
    alice.send(text);
    String still = Lines.token();
    alice.send("still here " + still);
    Wire.Search got = bob.search(Lines.messageWith(still));
    if (got.succeeded()) {
      return Verdict.PASS;
    }
    return Verdict.fail(
        "after %s sent \"bad \\xff byte %s\\n\" (\\xff is not UTF-8) and then \"still here %s\", %s got %s: read invalid bytes as U+FFFD (Java: new String(bytes, UTF_8); Python: errors=\"replace\") and go on"
            .formatted(alice.name, token, still, bob.name, got.describe()));
  }

  static Verdict controlCharacters(Probe probe) throws Exception {
    String token = Lines.token();
    List<Chatter> users = pair(probe, token);
    String sent = token + " a\u001b[2Jb\u0007c\u007fd\u0085e\tf"; // ESC, BEL, DEL, C1 NEL, TAB
    String clean = token + " a[2Jbcde\tf";
    users.get(0).send(sent);
    Reply got =
        users.get(1).expect(Lines.messageWith(token), shown("MSG", users.get(0).name + " * ..."));
    if (got.text().endsWith(" " + clean)) {
      return Verdict.PASS;
    }
    return Verdict.fail(
        "%s sent %s; %s got %s, expected the text %s: remove C0 control characters but TAB, DEL and C1 (U+0080 to U+009F), so nobody can send escape sequences to another's terminal"
            .formatted(
                users.get(0).name,
                Quote.text(sent),
                users.get(1).name,
                got.describe(),
                Quote.text(clean)));
  }

  static Verdict overLongLine(Probe probe) throws Exception {
    String token = Lines.token();
    List<Chatter> users = pair(probe, token);
    Chatter alice = users.get(0);
    Chatter bob = users.get(1);
    String longest = token + " " + "x".repeat(MAX_LINE_BYTES - token.length() - 1);
    alice.send(longest);
    Reply full = bob.expect(Lines.messageWith(token), "a message of 8,192 bytes of text");
    if (!full.text().endsWith(longest)) {
      return Verdict.fail(
          "a line of exactly 8,192 bytes (the most allowed) reached %s as a line of %s, %s"
              .formatted(bob.name, Quote.size(full.bytes().length), full.describe()));
    }
    int length = 10_000;
    alice.send(("y".repeat(length) + "\n").getBytes(UTF_8));
    String expected = "\"ERR LINE_TOO_LONG <text>\"";
    Reply refusal = alice.expect(Lines::isError, expected + " to a line of 10,001 bytes");
    if (!Lines.code(refusal.text()).equals("LINE_TOO_LONG")) {
      return Verdict.fail(
          "a line of 10,001 bytes got %s; expected %s".formatted(refusal.describe(), expected));
    }
    String after = Lines.token();
    alice.send("after " + after);
    Wire.Search next = bob.search(Lines.messageWith(after));
    if (next.others().stream().anyMatch(line -> line.text().contains("yyyyyyyy"))) {
      return Verdict.fail(
          "the line of 10,001 bytes reached %s: a line over the limit is discarded, up to its \"\\n\""
              .formatted(bob.name));
    }
    if (!next.succeeded()) {
      return Verdict.fail(
          "after ERR LINE_TOO_LONG, %s's next line did not reach %s (%s): the connection goes on"
              .formatted(alice.name, bob.name, next.describe()));
    }
    return Verdict.PASS;
  }

  private static boolean endsWithCrLf(byte[] line) {
    return line.length > 1 && line[line.length - 2] == '\r';
  }

  private static byte[] prefix(byte[] bytes, int end) {
    return Arrays.copyOfRange(bytes, 0, end);
  }

  private static byte[] suffix(byte[] bytes, int start) {
    return Arrays.copyOfRange(bytes, start, bytes.length);
  }
}
