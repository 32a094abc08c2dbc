package edu.sockets.broadcast.grading;

import static edu.sockets.broadcast.grading.BroadcastRubric.notice;

import edu.sockets.grading.Probe;
import edu.sockets.grading.Quote;
import edu.sockets.grading.Reply;
import edu.sockets.grading.Verdict;
import edu.sockets.grading.Wire;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checks of the server's {@code ***} notices: welcome, joined, goodbye, left. */
final class NoticeChecks {

  private NoticeChecks() {}

  /**
   * The welcome, word for word, with the client's own {@code ip:port}; and its count grows by one
   * with each client who joins while the others stay.
   */
  static Verdict welcome(Probe probe) throws Exception {
    Wire first = probe.connect();
    Wire.Search before = welcomeOf(first);
    Verdict shape = welcomeText(before, first.localEndpoint());
    for (int attempt = 1; shape.passed(); attempt++) {
      Wire next = probe.connect(); // the first stays: the next one has one more other
      Wire.Search after = welcomeOf(next);
      shape = welcomeText(after, next.localEndpoint());
      if (!shape.passed()) {
        break;
      }
      int was = BroadcastRubric.countIn(before.found(), "");
      int is = BroadcastRubric.countIn(after.found(), "");
      if (is == was + 1) {
        return Verdict.PASS;
      }
      // A client of the previous check may still have been leaving, which lowers the count once.
      if (attempt == 2 || is > was + 1) {
        return Verdict.fail(
            "a client was welcomed with %s, and the next, who joined while it stayed, with %s: count the clients already online, not the newcomer"
                .formatted(before.found().describe(), after.found().describe()));
      }
      before = after;
    }
    return shape;
  }

  /**
   * The first line that is not a notice about another client: a server that sends no welcome may
   * first send the news that a client of the previous check left.
   */
  private static Wire.Search welcomeOf(Wire wire) {
    String name = wire.localEndpoint();
    return wire.awaitLine(
        t -> !t.startsWith("*** ") || t.contains("Welcome") || Member.mentions(t, name));
  }

  private static Verdict welcomeText(Wire.Search search, String name) {
    Reply reply = search.succeeded() ? search.found() : search.last();
    Matcher exact = welcomePattern(name).matcher(reply.text());
    if (reply.isLine() && exact.matches()) {
      return Verdict.PASS;
    }
    String hint;
    if (reply.bytes().length == 0) {
      hint = "send it as soon as a client connects, before the client says anything";
    } else if (!reply.isLine() && exact.lookingAt()) {
      hint = "end the welcome with a line feed";
    } else if (!Member.mentions(reply.text(), name)) {
      hint = "name the client by its ip:port as the server sees it (the accepted socket's peer)";
    } else {
      hint = "the words differ; N is the number of other clients online";
    }
    return Verdict.fail(
        "got %s but expected %s: %s"
            .formatted(
                search.succeeded() ? reply.describe() : search.describe(),
                Quote.text(BroadcastRubric.welcome(name, "N") + "\n"),
                hint));
  }

  private static Pattern welcomePattern(String name) {
    String[] around = BroadcastRubric.welcome(name, "N").split("N\\.", 2);
    return Pattern.compile(Pattern.quote(around[0]) + "(\\d+)" + Pattern.quote("." + around[1]));
  }

  /** Everyone already online hears the newcomer's join notice. */
  static Verdict joined(Probe probe) throws Exception {
    List<Member> room = Member.join(probe, 2);
    Member newcomer = Member.connect(probe); // its notice is what this check waits for
    for (Member member : room) {
      Wire.Search heard =
          member.await(t -> Member.announces(t, newcomer.name), probe.timing().answer());
      Verdict verdict =
          notice(
              "when %s joined, %s".formatted(newcomer, member),
              heard,
              BroadcastRubric.joined(newcomer.name),
              "tell every client already online when one joins");
      if (!verdict.passed()) {
        return verdict;
      }
    }
    return Verdict.PASS;
  }

  /** {@code /exit}: the goodbye, then the close, and the others are told why it left. */
  static Verdict exit(Probe probe) throws Exception {
    List<Member> room = Member.join(probe, 2);
    Member stays = room.get(0);
    Member leaves = room.get(1);
    Duration answer = probe.timing().answer();
    leaves.first(probe.timing().quiet()); // its welcome, if it has not come yet
    leaves.forgetPending();
    leaves.say("/exit");
    // Past notices about other clients (a client of the previous check may still be leaving).
    Wire.Search bye =
        leaves.await(
            t -> Member.mentions(t, leaves.name) || !t.startsWith("*** ") || isBye(t), answer);
    String expected = BroadcastRubric.goodbye(leaves.name);
    if (!BroadcastRubric.isNotice(bye.found(), expected)) {
      String advice = "recognise /exit (spaces around it allowed), say goodbye, and close";
      return notice(
          "after \"/exit\\n\", the client",
          bye,
          expected,
          advice + relayedExit(stays, probe.timing().quiet()));
    }
    Reply rest = leaves.wire.awaitEnd(answer);
    if (!rest.ended()) {
      return Verdict.fail(
          "after the goodbye the connection stayed open (%s): close it once the goodbye is sent"
              .formatted(rest.describe()));
    }
    return notice(
        "when %s sent /exit, %s".formatted(leaves, stays),
        stays.await(t -> BroadcastRubric.tellsOfLeaving(t, leaves.name), answer),
        BroadcastRubric.left(leaves.name, "/exit"),
        "tell the others that a client left, and why");
  }

  private static boolean isBye(String text) {
    return text.toLowerCase().contains("bye");
  }

  /** What to add when the others got "/exit" as a chat line. */
  private static String relayedExit(Member other, Duration wait) {
    Wire.Search relayed = other.await(t -> t.endsWith("/exit"), wait);
    return relayed.succeeded()
        ? "; the others got it as a chat line, " + relayed.found().describe()
        : "";
  }

  /** End of stream and a reset: the others hear that the client left, and which way. */
  static Verdict leaves(Probe probe) throws Exception {
    List<Member> room = Member.join(probe, 3);
    Member watcher = room.get(0);
    Member closes = room.get(1);
    Member resets = room.get(2);
    Duration answer = probe.timing().answer();
    closes.wire.shutdownOutput(); // a FIN, whatever it has not read: end of stream for the server
    Verdict endOfStream =
        notice(
            "when %s closed its side (end of stream), %s".formatted(closes, watcher),
            watcher.await(t -> BroadcastRubric.tellsOfLeaving(t, closes.name), answer),
            BroadcastRubric.left(closes.name, "closed the connection"),
            "recv() returning 0 bytes means the client closed: tell the others");
    if (!endOfStream.passed()) {
      return endOfStream;
    }
    // The reset must find the server's writer to it idle: a write that meets the reset first takes
    // the error, and the server's next read then sees a plain end of stream. So it waits for the
    // notice the others got; a notice about another client can still race it, hence a second try.
    resets.await(t -> BroadcastRubric.tellsOfLeaving(t, closes.name), probe.timing().quiet());
    Verdict reset = reset(watcher, resets, answer);
    if (!reset.passed() && reset.diagnosis().contains(" left (closed the connection)")) {
      Member again = Member.joinAlso(probe, List.of(watcher));
      again.first(probe.timing().quiet()); // its welcome written: the writer to it is idle again
      reset = reset(watcher, again, answer);
    }
    return reset;
  }

  private static Verdict reset(Member watcher, Member resets, Duration answer) {
    resets.wire.abort();
    return notice(
        "when %s reset its connection, %s".formatted(resets, watcher),
        watcher.await(t -> BroadcastRubric.tellsOfLeaving(t, resets.name), answer),
        BroadcastRubric.left(resets.name, "connection reset"),
        "a reset makes recv() fail with \"Connection reset\": tell the others, and serve on");
  }
}
