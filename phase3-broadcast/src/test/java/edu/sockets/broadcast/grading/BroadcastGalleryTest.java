package edu.sockets.broadcast.grading;

import static edu.sockets.grading.TestGrading.diagnosis;
import static edu.sockets.grading.TestGrading.failed;
import static edu.sockets.grading.TestGrading.report;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.grading.Grade;
import edu.sockets.grading.TestGrading;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each faulty server of the gallery fails exactly the checks its fault should fail, with a
 * diagnosis that names the fault, and passes the rest. The servers are independent, so they are
 * graded side by side.
 */
@DisplayName("grade: Phase 3's rubric against a gallery of faulty servers")
@Timeout(90)
class BroadcastGalleryTest {

  static final String WELCOME = "welcome with the ip:port and the count";
  static final String JOINED = "the others hear \"*** ip:port joined\"";
  static final String RELAYS = "\"[ip:port] text\" to each other client, once";
  static final String CONTROLS = "control characters removed, TAB kept";
  static final String PIECES = "byte by byte, or a UTF-8 character split: one line";
  static final String ORDER = "2,000 lines sent at once: whole, in order";
  static final String EXIT = "/exit: goodbye, close, \"left (/exit)\"";
  static final String LEAVES = "end of stream and reset: \"left (...)\"";
  static final String DEPARTED = "a client that left is not counted or written to";
  static final String OVER_LONG = "a line over 8,192 bytes refused, to its sender";
  static final String INVALID = "invalid UTF-8 stops nobody";
  static final String BURST = "100 clients at once: all answered within 1 s";
  static final String STALL = "a client that never reads stalls nobody";
  static final String DROPPED = "... and is dropped: \"left (dropped ...)\"";

  private static Map<Class<?>, Grade> grades;

  @BeforeAll
  static void gradeTheGallery() throws Exception {
    grades =
        TestGrading.gradeAll(
            BroadcastRubric.rubric(),
            List.of(
                StudentServer::new,
                BroadcastGallery.PrefixPerChunk::new,
                BroadcastGallery.NoLineFeedOnNotices::new,
                BroadcastGallery.NoPrefix::new,
                BroadcastGallery.ExitNotRecognised::new,
                BroadcastGallery.KeepsControlCharacters::new,
                BroadcastGallery.WritesInTurn::new,
                BroadcastGallery.CountsTheDeparted::new,
                BroadcastGallery.NoWelcome::new,
                BroadcastGallery.SmallBacklog::new,
                BroadcastGallery.DecodesStrictly::new));
  }

  @Test
  @DisplayName("the gallery's base server, without a fault: full marks")
  void baseServer() {
    Grade grade = grades.get(StudentServer.class);
    assertThat(failed(grade)).as(report(grade)).isEmpty();
  }

  @Test
  @DisplayName("a prefix per recv() chunk: lines in pieces, 2,000 lines and the limit fail")
  void prefixPerChunk() {
    Grade grade = grades.get(BroadcastGallery.PrefixPerChunk.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(PIECES, ORDER, OVER_LONG);
    assertThat(diagnosis(grade, ORDER))
        .startsWith("2,000 lines sent at once, ")
        .contains(" arrived cut apart, e.g. \"")
        .contains("is a prefix added to each recv() chunk instead of each line?");
    assertThat(diagnosis(grade, PIECES)).contains("\"byte by byte\\n\" sent one byte at a time");
  }

  @Test
  @DisplayName("notices without a line feed: every check of a notice fails, and says so")
  void noLineFeedOnNotices() {
    Grade grade = grades.get(BroadcastGallery.NoLineFeedOnNotices.class);
    assertThat(failed(grade))
        .as(report(grade))
        .containsExactly(WELCOME, JOINED, EXIT, LEAVES, OVER_LONG, DROPPED);
    assertThat(diagnosis(grade, WELCOME)).endsWith("end the welcome with a line feed");
    for (String check : new String[] {JOINED, EXIT, LEAVES, OVER_LONG, DROPPED}) {
      assertThat(diagnosis(grade, check)).as(check).contains("line feed");
    }
  }

  @Test
  @DisplayName("no [ip:port] prefix: only the relay check fails, and says so")
  void noPrefix() {
    Grade grade = grades.get(BroadcastGallery.NoPrefix.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(RELAYS);
    assertThat(diagnosis(grade, RELAYS))
        .contains(" got \"hello, everyone\\n\" after ")
        .endsWith("put the sender's [ip:port] and a space before the text");
  }

  @Test
  @DisplayName("/exit not recognised: only the /exit check fails, and says it was relayed")
  void exitNotRecognised() {
    Grade grade = grades.get(BroadcastGallery.ExitNotRecognised.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(EXIT);
    assertThat(diagnosis(grade, EXIT))
        .startsWith("after \"/exit\\n\", the client got ")
        .contains("but expected \"*** Goodbye 127.0.0.1:")
        .contains("recognise /exit")
        .contains("the others got it as a chat line, \"[127.0.0.1:");
  }

  @Test
  @DisplayName("control characters relayed as they are: only that check fails, naming them")
  void keepsControlCharacters() {
    Grade grade = grades.get(BroadcastGallery.KeepsControlCharacters.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(CONTROLS);
    assertThat(diagnosis(grade, CONTROLS))
        .contains("\\x1b]0;owned\\x07")
        .contains("ESC, BEL, CR, U+009B, DEL, NUL reached it");
  }

  @Test
  @DisplayName(
      "writes to each socket in turn: one stuck client stalls everyone, and is never dropped")
  void writesInTurn() {
    Grade grade = grades.get(BroadcastGallery.WritesInTurn.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(STALL, DROPPED);
    assertThat(diagnosis(grade, STALL))
        .matches("one client stopped reading; the others got nothing more after \\d+\\.\\d MB .*")
        .contains("does one writer block everyone?");
  }

  @Test
  @DisplayName("a client that left stays on the list: only that check fails, on the count")
  void countsTheDeparted() {
    Grade grade = grades.get(BroadcastGallery.CountsTheDeparted.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(DEPARTED);
    assertThat(diagnosis(grade, DEPARTED))
        .contains("the client that left is still counted")
        .contains("Others online: ");
  }

  @Test
  @DisplayName("no welcome: only the welcome check fails")
  void noWelcome() {
    Grade grade = grades.get(BroadcastGallery.NoWelcome.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(WELCOME);
    assertThat(diagnosis(grade, WELCOME))
        .contains("nothing within 1 s but expected \"*** Welcome 127.0.0.1:")
        .endsWith("send it as soon as a client connects, before the client says anything");
  }

  @Test
  @DisplayName("a listen backlog of 5: only the burst of 100 clients fails, naming the backlog")
  void smallBacklog() {
    Grade grade = grades.get(BroadcastGallery.SmallBacklog.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(BURST);
    assertThat(diagnosis(grade, BURST)).contains("is the listen backlog small (listen(5))?");
  }

  @Test
  @DisplayName("strict UTF-8 decoding: only the invalid UTF-8 check fails")
  void decodesStrictly() {
    Grade grade = grades.get(BroadcastGallery.DecodesStrictly.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(INVALID);
    assertThat(diagnosis(grade, INVALID)).contains("decode leniently");
  }
}
