package edu.sockets.chat.grading;

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
 * diagnosis that names the fault, and passes the rest; the gallery's right server passes all. The
 * servers are independent, so the tests run side by side: each test is marked concurrent, not the
 * class, which would then also run beside the other test classes and slow their timing-sensitive
 * tests (the windows driven by a robot, among others).
 */
@DisplayName("grade: Phase 4's rubric against a gallery of faulty chat servers")
@Timeout(60)
class ChatGalleryTest {

  private static final String BEFORE_NAME = "before /name: NOT_REGISTERED; blank lines, /help";
  private static final String NAMES_CASE = "names are unique ignoring case";
  private static final String SENDER = "the sender gets its own public text";
  private static final String PRIVATE = "/pm and /msg: the user and the sender only";
  private static final String CODES = "every error has its code";
  private static final String BYTE_BY_BYTE = "a line sent byte by byte is one line";
  private static final String ONE_SEND = "100 lines in one send: each, in order";
  private static final String ENCODINGS = "CR LF, split and invalid UTF-8";
  private static final String OVER_LONG = "over 8,192 bytes: LINE_TOO_LONG, goes on";
  private static final String TIMESTAMPS = "timestamps: ISO-8601 UTC, never back";
  private static final String OTHERS_GO_ON = "one stops reading: the others go on";
  private static final String DROPPED = "...and it is dropped: LEAVE dropped";
  private static final String CROWD = "100 clients at once: each answered in 1 s";

  private static Map<Class<?>, Grade> grades;

  @BeforeAll
  static void gradeTheGallery() throws Exception {
    grades =
        TestGrading.gradeAll(
            ChatRubric.rubric(),
            List.of(
                StudentServer::new,
                ChatGallery.CaseSensitiveNames::new,
                ChatGallery.PrivateToEveryone::new,
                ChatGallery.NoTimestamps::new,
                ChatGallery.NoEchoToSender::new,
                ChatGallery.ErrorsWithoutCodes::new,
                ChatGallery.LinePerRead::new,
                ChatGallery.BlockingBroadcast::new,
                ChatGallery.SmallBacklog::new));
  }

  @Test
  @DisplayName("the gallery's right server: full marks")
  void rightServer() {
    Grade grade = grades.get(StudentServer.class);
    assertThat(failed(grade)).as(report(grade)).isEmpty();
  }

  @Test
  @DisplayName("names compared as typed: only the names check fails, and says ignoring case")
  void caseSensitiveNames() {
    Grade grade = grades.get(ChatGallery.CaseSensitiveNames.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(NAMES_CASE);
    assertThat(diagnosis(grade, NAMES_CASE))
        .matches(
            "\"/name case_\\w{4}\" got \"WELCOME case_\\w{4}\\\\n\" while Case_\\w{4} was online.*")
        .contains("names are unique ignoring case");
  }

  @Test
  @DisplayName("a private message sent to everyone: only the private check fails")
  void privateToEveryone() {
    Grade grade = grades.get(ChatGallery.PrivateToEveryone.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(PRIVATE);
    assertThat(diagnosis(grade, PRIVATE))
        .startsWith("carol_")
        .contains(", neither sender nor receiver, got \"MSG ")
        .contains("psst ")
        .endsWith("goes to the user and back to the sender, to nobody else");
  }

  @Test
  @DisplayName("no timestamps (MSG alice * hi): only the timestamp check fails")
  void noTimestamps() {
    Grade grade = grades.get(ChatGallery.NoTimestamps.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(TIMESTAMPS);
    assertThat(diagnosis(grade, TIMESTAMPS))
        .matches("no timestamp in \"MSG alice_\\w{4} \\* \\w{4} 0\": expected .*ISO-8601 UTC.*");
  }

  @Test
  @DisplayName("public text not sent back to its sender: only the sender's check fails")
  void noEchoToSender() {
    Grade grade = grades.get(ChatGallery.NoEchoToSender.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(SENDER);
    assertThat(diagnosis(grade, SENDER))
        .matches("alice_\\w{4} sent \"just me \\w{4}\" and got .*nothing within 1 s; .*")
        .endsWith("public text goes to every registered user, the sender included");
  }

  @Test
  @DisplayName("ERR without its code: the three checks that judge codes fail, naming the codes")
  void errorsWithoutCodes() {
    Grade grade = grades.get(ChatGallery.ErrorsWithoutCodes.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(BEFORE_NAME, CODES, OVER_LONG);
    assertThat(diagnosis(grade, CODES))
        .startsWith("11 of 11 refusals had the wrong code: \"/name codeA_")
        .contains("expected \"ERR NAME_TAKEN <text>\"");
    assertThat(diagnosis(grade, OVER_LONG)).endsWith("expected \"ERR LINE_TOO_LONG <text>\"");
  }

  @Test
  @DisplayName("each read() taken for a line: the framing checks fail, naming recv()")
  void linePerRead() {
    Grade grade = grades.get(ChatGallery.LinePerRead.class);
    assertThat(failed(grade))
        .as(report(grade))
        .containsExactly(BYTE_BY_BYTE, ONE_SEND, ENCODINGS, OVER_LONG);
    assertThat(diagnosis(grade, BYTE_BY_BYTE))
        .contains("sent one byte at a time arrived as ")
        .contains("does the server take what one recv() returns for one line?");
    assertThat(diagnosis(grade, ONE_SEND)).contains("does the server take what one recv()");
  }

  @Test
  @DisplayName("a broadcast that blocks on a client that does not read: both slow-reader checks")
  void blockingBroadcast() {
    Grade grade = grades.get(ChatGallery.BlockingBroadcast.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(OTHERS_GO_ON, DROPPED);
    assertThat(diagnosis(grade, OTHERS_GO_ON))
        .startsWith("one client (sloth_")
        .contains("then got nothing within 1 s: does one writer block everyone?");
    assertThat(diagnosis(grade, DROPPED)).startsWith("the others stalled after ");
  }

  @Test
  @DisplayName("listen(5): only the crowd check fails, naming the backlog")
  void smallBacklog() {
    Grade grade = grades.get(ChatGallery.SmallBacklog.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(CROWD);
    assertThat(diagnosis(grade, CROWD)).contains("Is the listen backlog small (listen(5))?");
  }
}
