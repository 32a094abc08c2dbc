package edu.sockets.chat.grading;

import static edu.sockets.chat.grading.Lines.shown;

import edu.sockets.grading.Probe;
import edu.sockets.grading.Quote;
import edu.sockets.grading.Reply;
import edu.sockets.grading.Verdict;
import edu.sockets.grading.Wire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The life of a connection and of a name: the banner, {@code /name}, what works before it, the name
 * rules, the notices others get, {@code /who}, {@code /exit}.
 */
final class SessionChecks {

  private SessionChecks() {}

  static Verdict banner(Probe probe) throws Exception {
    Reply first = probe.connect().readLine();
    if (first.isLine() && first.text().startsWith("INFO ") && first.text().length() > 5) {
      return Verdict.PASS;
    }
    return Verdict.fail(
        "got %s on connecting; expected the banner \"INFO <text>\" as the first line, sent before the client says anything"
            .formatted(first.describe()));
  }

  static Verdict welcome(Probe probe) throws Exception {
    String name = "Wel_" + Lines.token(); // a capital: the name keeps its owner's spelling
    Chatter user = Chatter.connect(probe, name);
    Reply answer = user.askName(name, "\"WELCOME " + name + "\"");
    if (answer.text().equals("WELCOME " + name)) {
      return Verdict.PASS;
    }
    String hint =
        answer.text().equalsIgnoreCase("WELCOME " + name)
            ? ": a name keeps the spelling its owner chose"
            : "";
    return Verdict.fail(Verdict.expected(answer, "WELCOME " + name + "\n").diagnosis() + hint);
  }

  static Verdict beforeName(Probe probe) throws Exception {
    Chatter guest = Chatter.connect(probe, "a client without a name");
    List<String> wrong = new ArrayList<>();
    for (String line : List.of("hello " + Lines.token(), "/join #r_" + Lines.token(), "/who")) {
      guest.send(line);
      Reply answer =
          guest.expect(Lines::isError, "\"ERR NOT_REGISTERED <text>\" to " + quote(line));
      if (!Lines.code(answer.text()).equals("NOT_REGISTERED")) {
        wrong.add(quote(line) + " got " + answer.describe());
      }
    }
    if (!wrong.isEmpty()) {
      return Verdict.fail(
          String.join("; ", wrong)
              + ": before /name, every line but /name, /help and /exit gets"
              + " \"ERR NOT_REGISTERED <text>\"");
    }
    guest.send("\n/help\n".getBytes(StandardCharsets.UTF_8)); // a blank line, then /help
    Reply next = guest.wire().readLine();
    if (next.isLine() && next.text().startsWith("INFO")) {
      return Verdict.PASS;
    }
    return Verdict.fail(
        "after a blank line and \"/help\", got %s; expected /help's \"INFO <text>\" lines: a blank line gets no answer, and /help works before /name"
            .formatted(next.describe()));
  }

  static Verdict namesIgnoreCase(Probe probe) throws Exception {
    String token = Lines.token();
    String owner = "Case_" + token;
    String other = owner.toLowerCase(Locale.ROOT);
    Chatter.register(probe, owner);
    Chatter second = Chatter.connect(probe, other);
    Reply answer = second.askName(other, "a refusal, \"ERR NAME_TAKEN <text>\"");
    if (answer.text().startsWith("WELCOME")) {
      return Verdict.fail(
          "\"/name %s\" got %s while %s was online: names are unique ignoring case (keep users in a map by the name in lower case)"
              .formatted(other, answer.describe(), owner));
    }
    String free = "free_" + token;
    Reply retry = second.askName(free, "\"WELCOME " + free + "\"");
    if (!retry.text().startsWith("WELCOME")) {
      return Verdict.fail(
          "after a refused /name, \"/name %s\" got %s: the client must be able to try again"
              .formatted(free, retry.describe()));
    }
    return Verdict.PASS;
  }

  /** Names that break the rules, each with what a student should know about it. */
  private static final List<String[]> INVALID_NAMES =
      List.of(
          new String[] {"seventeen-chars-x", "a name is at most 16 characters"},
          new String[] {"bad!name", "a name is made of A-Z a-z 0-9 _ - only"},
          new String[] {"\u00fcber", "a name is made of A-Z a-z 0-9 _ - only, not other letters"},
          new String[] {"two words", "a name is one word: \"/name two words\" is refused whole"},
          new String[] {"Server", "\"server\" is reserved, in any case"});

  static Verdict invalidNames(Probe probe) throws Exception {
    Chatter guest = Chatter.connect(probe, "a client without a name");
    for (String[] invalid : INVALID_NAMES) {
      Reply answer = guest.askName(invalid[0], "a refusal of " + quote("/name " + invalid[0]));
      if (answer.text().startsWith("WELCOME")) {
        return Verdict.fail(
            "%s got %s: %s".formatted(quote("/name " + invalid[0]), answer.describe(), invalid[1]));
      }
    }
    String longest = "16-chars-ok-" + Lines.token();
    Reply answer = guest.askName(longest, "\"WELCOME " + longest + "\"");
    if (!answer.text().startsWith("WELCOME")) {
      return Verdict.fail(
          "\"/name %s\" (16 characters, the most allowed) got %s"
              .formatted(longest, answer.describe()));
    }
    return Verdict.PASS;
  }

  static Verdict joinNotice(Probe probe) throws Exception {
    String token = Lines.token();
    Chatter alice = Chatter.register(probe, "alice_" + token);
    Chatter bob = Chatter.connect(probe, "bob_" + token);
    bob.send("/name " + bob.name);
    Wire.Search welcome = bob.awaitWelcome();
    String join = bob.name + " *";
    alice.expect(Lines.event("JOIN", join), shown("JOIN", join) + " when " + bob.name + " came");
    bob.send("/who"); // its answer, whatever it is, ends what registering sent bob
    Wire.Search untilWho = bob.search(line -> line.startsWith("USERS") || Lines.isError(line));
    List<Reply> seen = new ArrayList<>(welcome.others());
    seen.addAll(untilWho.others());
    for (Reply line : seen) {
      if (Lines.event("JOIN", join).test(line.text())) {
        return Verdict.fail(
            "%s got its own %s: the newcomer has its WELCOME; \"JOIN <ts> <name> *\" goes to everyone else"
                .formatted(bob.name, line.describe()));
      }
    }
    return Verdict.PASS;
  }

  static Verdict who(Probe probe) throws Exception {
    String token = Lines.token();
    // Registered in an order that is not sorted; sorted ignoring case they are amy, Bo, zed,
    // but a plain sort puts the capital first: Bo, amy, zed.
    List<String> names = List.of("zed_" + token, "Bo_" + token, "amy_" + token);
    List<String> sorted = List.of(names.get(2), names.get(1), names.get(0));
    Chatter asker = Chatter.register(probe, names).get(1);
    asker.send("/who");
    String expected = "USERS * " + String.join(" ", sorted);
    Reply users = asker.expect(line -> line.startsWith("USERS"), quote(expected));
    List<String> words = Arrays.asList(users.text().split(" "));
    List<String> ours = words.stream().filter(names::contains).toList();
    if (words.size() > 1 && words.get(1).equals("*") && ours.equals(sorted)) {
      return Verdict.PASS;
    }
    return Verdict.fail(
        "got %s; expected %s (other users may be listed between): every name online, sorted ignoring case"
            .formatted(users.describe(), quote(expected)));
  }

  static Verdict rename(Probe probe) throws Exception {
    String token = Lines.token();
    List<Chatter> users = Chatter.users(probe, token, "alice", "bob");
    Chatter alice = users.get(0);
    String newName = "alicia_" + token;
    alice.send("/name " + newName);
    String nick = alice.name + " " + newName;
    for (Chatter user : users) {
      user.expect(Lines.event("NICK", nick), shown("NICK", nick) + " after /name " + newName);
    }
    Chatter again = Chatter.connect(probe, alice.name);
    Reply answer = again.askName(alice.name, "\"WELCOME " + alice.name + "\"");
    if (!answer.text().startsWith("WELCOME")) {
      return Verdict.fail(
          "once %s was renamed %s, \"/name %s\" got %s: the old name is free at once"
              .formatted(alice.name, newName, alice.name, answer.describe()));
    }
    return Verdict.PASS;
  }

  static Verdict exit(Probe probe) throws Exception {
    Chatter user = Chatter.register(probe, "bye_" + Lines.token());
    user.send("/exit");
    user.expect(line -> line.equals("BYE"), "\"BYE\" after /exit");
    Reply after = user.wire().awaitEnd(probe.timing().answer());
    if (!after.ended()) {
      return Verdict.fail(
          "after BYE the connection stayed open (%s): the server closes it after BYE"
              .formatted(after.describe()));
    }
    if (after.bytes().length > 0) {
      return Verdict.fail(
          "after BYE came %s: BYE is the last line".formatted(Quote.bytes(after.bytes())));
    }
    return Verdict.PASS;
  }

  static Verdict leaveNotices(Probe probe) throws Exception {
    String token = Lines.token();
    List<Chatter> users = Chatter.users(probe, token, "al", "quits", "ends", "rst");
    Chatter alice = users.get(0);
    users.get(1).send("/exit");
    awaitLeave(alice, users.get(1).name, "quit", "after its /exit");
    users.get(2).wire().shutdownOutput(); // FIN: the server reads end of stream
    awaitLeave(alice, users.get(2).name, "disconnected", "after its connection ended");
    users.get(3).wire().abort(); // RST: the server's read fails with "connection reset"
    awaitLeave(alice, users.get(3).name, "disconnected", "after its connection was reset");
    return Verdict.PASS;
  }

  private static void awaitLeave(Chatter observer, String name, String reason, String when)
      throws Failed {
    String fields = name + " * " + reason;
    observer.expect(
        Lines.event("LEAVE", fields), shown("LEAVE", fields) + " about " + name + " " + when);
  }

  private static String quote(String line) {
    return Quote.text(line);
  }
}
