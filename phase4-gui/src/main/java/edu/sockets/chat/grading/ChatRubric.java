package edu.sockets.chat.grading;

import edu.sockets.grading.Check;
import edu.sockets.grading.Rubric;
import edu.sockets.grading.Verdict;
import java.util.List;

/**
 * Phase 4's rubric: version 1 of PROTOCOL.md made executable, one check per behaviour. Each check
 * registers users of its own and reads past lines meant for others, so it passes or fails on its
 * behaviour alone; each exact text (a code, a line's shape, a timestamp) is judged by one check,
 * and the others accept any plausible answer.
 */
public final class ChatRubric {

  static final String FRAMING = "PROTOCOL.md, Framing";
  static final String NAMES = "PROTOCOL.md, Names and rooms";
  static final String STATES = "PROTOCOL.md, The states of a connection";
  static final String CLIENT = "PROTOCOL.md, Client to server";
  static final String SERVER = "PROTOCOL.md, Server to client";
  static final String ERRORS = "PROTOCOL.md, Error codes";
  static final String LEAVES = "PROTOCOL.md, Leave reasons";
  static final String DECISIONS = "PROTOCOL.md, Decisions where the assignment was silent";

  private ChatRubric() {}

  public static Rubric rubric() {
    return new Rubric(
        "Phase 4: Chat (PROTOCOL.md version 1)",
        List.of(
            check("INFO banner on connecting", 1, STATES, SessionChecks::banner),
            check("/name answers \"WELCOME <name>\"", 2, CLIENT, SessionChecks::welcome),
            check(
                "before /name: NOT_REGISTERED; blank lines, /help",
                2,
                STATES,
                SessionChecks::beforeName),
            check("names are unique ignoring case", 2, NAMES, SessionChecks::namesIgnoreCase),
            check("invalid and reserved names refused", 1, NAMES, SessionChecks::invalidNames),
            check("others get \"JOIN <ts> <name> *\"", 1, SERVER, SessionChecks::joinNotice),
            check("public text reaches the others as MSG", 3, CLIENT, MessageChecks::publicText),
            check("the sender gets its own public text", 1, CLIENT, MessageChecks::senderCopy),
            check("\"//text\" says \"/text\"", 1, CLIENT, MessageChecks::slashSlash),
            check(
                "/pm and /msg: the user and the sender only",
                3,
                CLIENT,
                MessageChecks::privateMessages),
            check("/who lists everyone, sorted ignoring case", 1, SERVER, SessionChecks::who),
            check("/join, /msg #room: members only", 2, NAMES, MessageChecks::rooms),
            check("/who #room, /rooms, /leave", 2, CLIENT, MessageChecks::roomLists),
            check("/name renames: NICK to everyone", 1, SERVER, SessionChecks::rename),
            check("every error has its code", 3, ERRORS, ErrorCodeCheck::errorCodes),
            check("/exit: BYE, then the server closes", 1, CLIENT, SessionChecks::exit),
            check(
                "LEAVE quit, disconnected, after a reset", 2, LEAVES, SessionChecks::leaveNotices),
            check("a line sent byte by byte is one line", 2, FRAMING, FramingChecks::byteByByte),
            check(
                "100 lines in one send: each, in order", 1, FRAMING, FramingChecks::manyInOneSend),
            check("CR LF, split and invalid UTF-8", 1, FRAMING, FramingChecks::encodings),
            check("control characters are removed", 1, FRAMING, FramingChecks::controlCharacters),
            check(
                "over 8,192 bytes: LINE_TOO_LONG, goes on",
                2,
                FRAMING,
                FramingChecks::overLongLine),
            check("timestamps: ISO-8601 UTC, never back", 2, SERVER, TimestampCheck::timestamps),
            check("one stops reading: the others go on", 3, DECISIONS, LoadChecks::othersGoOn),
            check("...and it is dropped: LEAVE dropped", 1, LEAVES, LoadChecks::dropped),
            check("100 clients at once: each answered in 1 s", 2, STATES, LoadChecks::manyAtOnce)),
        false);
  }

  /** A check whose body may stop early with {@link Failed}: its message is the diagnosis. */
  private static Check check(String name, int points, String cites, Check.Body body) {
    return new Check(
        name,
        points,
        cites,
        probe -> {
          try {
            return body.run(probe);
          } catch (Failed failed) {
            return Verdict.fail(failed.getMessage());
          }
        });
  }
}
