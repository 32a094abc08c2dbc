package edu.sockets.chat.grading;

import edu.sockets.grading.Probe;
import edu.sockets.grading.Quote;
import edu.sockets.grading.Reply;
import edu.sockets.grading.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Every error code of PROTOCOL.md but the ones that need the administrator (KICKED) or belong to
 * another check (NOT_REGISTERED, LINE_TOO_LONG). The other checks accept any {@code ERR} as a
 * refusal; this one alone judges the codes, and names every wrong one.
 */
final class ErrorCodeCheck {

  private ErrorCodeCheck() {}

  /** Wrong answers so far, as the diagnosis lists them. */
  private static final class Wrong {
    private final List<String> answers = new ArrayList<>();
    private int asked;

    /** Sends {@code line} and records the ERR's code if it is not {@code code}. */
    void ask(Chatter user, String line, String code) throws Failed {
      asked++;
      user.send(line);
      String expected = "\"ERR " + code + " <text>\"";
      Reply answer = user.expect(Lines::isError, expected + " to " + Quote.text(line));
      if (!Lines.code(answer.text()).equals(code)) {
        answers.add(
            "%s got %s, expected %s".formatted(Quote.text(line), answer.describe(), expected));
      }
    }
  }

  static Verdict errorCodes(Probe probe) throws Exception {
    String token = Lines.token();
    String room = "#codes_" + token;
    Chatter first = Chatter.register(probe, "codeA_" + token);
    Chatter second = Chatter.connect(probe, "codeB_" + token);
    Wrong wrong = new Wrong();
    wrong.ask(second, "/name " + first.name, "NAME_TAKEN");
    wrong.ask(second, "/name bad!name", "NAME_INVALID");
    second.send("/name " + second.name);
    second.awaitWelcome();
    wrong.ask(second, "/name " + second.name, "NAME_UNCHANGED");
    wrong.ask(second, "/pm nobody_" + token + " hi", "NO_SUCH_USER");
    wrong.ask(second, "/who #none_" + token, "NO_SUCH_ROOM");
    wrong.ask(second, "/join no-hash-" + token, "ROOM_INVALID");
    MessageChecks.join(second, room, List.of(second));
    wrong.ask(second, "/join " + room, "ALREADY_IN_ROOM");
    wrong.ask(first, "/leave " + room, "NOT_IN_ROOM");
    wrong.ask(first, "/frobnicate", "UNKNOWN_COMMAND");
    wrong.ask(first, "/rooms now", "USAGE");
    wrong.ask(first, "/join", "USAGE");
    if (wrong.answers.isEmpty()) {
      return Verdict.PASS;
    }
    List<String> shown = wrong.answers.stream().limit(3).toList();
    return Verdict.fail(
        "%d of %d refusals had the wrong code: %s%s. A program reads the code, people the text"
            .formatted(
                wrong.answers.size(),
                wrong.asked,
                String.join("; ", shown),
                wrong.answers.size() > shown.size() ? "; ..." : ""));
  }
}
