package edu.sockets.multiclient.grading;

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
 * graded side by side, once, before the tests look at their grades.
 */
@DisplayName("grade: Phase 2's rubric against a gallery of faulty servers")
@Timeout(60)
class MultiClientGalleryTest {

  private static final String ECHO = "echoes \"[ip:port] you said: <line>\"";
  private static final String EXIT = "\"/exit\": \"[ip:port] goodbye\", then closes";
  private static final String EXIT_SPACES = "\"/exit\" with spaces around it";
  private static final String BYTE_BY_BYTE = "a line sent byte by byte: one answer";
  private static final String MANY_LINES = "200 lines in one write: 200 answers, in order";
  private static final String SPLIT = "UTF-8 character split across writes";
  private static final String INVALID = "invalid UTF-8 comes back as U+FFFD";
  private static final String ERROR_LINE = "a line over 8,192 bytes: the error line";
  private static final String ENDLESS = "an endless line: refused at 8,192 bytes, connection kept";
  private static final String SILENT = "a silent client does not delay another";
  private static final String NEVER_READS = "a client that never reads delays no one else";
  private static final String BURST = "50 clients at once: each let in within 1 s, and answered";

  private static Map<Class<?>, Grade> grades;

  @BeforeAll
  static void gradeTheGallery() throws Exception {
    grades =
        TestGrading.gradeAll(
            MultiClientRubric.rubric(),
            List.of(
                StudentServer::new,
                MultiClientGallery.FixedAnswer::new,
                MultiClientGallery.IgnoresExit::new,
                MultiClientGallery.AnswersEachChunk::new,
                MultiClientGallery.DecodesEachChunk::new,
                MultiClientGallery.SharedWriteLock::new,
                MultiClientGallery.ShortBacklog::new,
                MultiClientGallery.OneAtATime::new));
  }

  @Test
  @DisplayName("the gallery's server without a fault: full marks")
  void withoutAFault() {
    Grade grade = grades.get(StudentServer.class);
    assertThat(failed(grade)).as(report(grade)).isEmpty();
  }

  @Test
  @DisplayName("a fixed answer instead of the echo: only the echo check fails, and says so")
  void fixedAnswer() {
    Grade grade = grades.get(MultiClientGallery.FixedAnswer.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(ECHO);
    assertThat(diagnosis(grade, ECHO))
        .matches("got \"\\[127\\.0\\.0\\.1:\\d+] message received\\\\n\" but expected .*")
        .endsWith(": the reply does not repeat the line: answer each line with the line itself");
  }

  @Test
  @DisplayName("/exit answered like any line: both /exit checks fail, naming it")
  void ignoresExit() {
    Grade grade = grades.get(MultiClientGallery.IgnoresExit.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(EXIT, EXIT_SPACES);
    assertThat(diagnosis(grade, EXIT))
        .contains("you said: /exit\\n\" and the connection stayed open")
        .contains("/exit was answered like any other line");
  }

  @Test
  @DisplayName("one answer per recv() chunk: every framing check fails, naming the chunks")
  void answersEachChunk() {
    Grade grade = grades.get(MultiClientGallery.AnswersEachChunk.class);
    assertThat(failed(grade))
        .as(report(grade))
        .containsExactly(BYTE_BY_BYTE, MANY_LINES, SPLIT, ERROR_LINE, ENDLESS);
    assertThat(diagnosis(grade, ERROR_LINE))
        .startsWith("9 answers to one line of 8,193 bytes")
        .contains("is each recv() chunk answered instead of each line?");
    assertThat(diagnosis(grade, BYTE_BY_BYTE))
        .containsPattern("^\\d+ answers to one line sent one byte at a time")
        .contains("is each recv() answered instead of each line?");
    assertThat(diagnosis(grade, ENDLESS))
        .contains("the over-long line was answered piece by piece");
    assertThat(diagnosis(grade, MANY_LINES))
        .startsWith("200 lines sent in one write, ")
        .contains("line 0\\\\x0aline 1\\\\x0a");
  }

  @Test
  @DisplayName("strict decoding of each recv(): the split character and invalid UTF-8 fail")
  void decodesEachChunk() {
    Grade grade = grades.get(MultiClientGallery.DecodesEachChunk.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(SPLIT, INVALID);
    assertThat(diagnosis(grade, SPLIT))
        .startsWith("got nothing: the server closed the connection")
        .endsWith("decode the whole line once its \"\\n\" has arrived, not each recv() chunk");
    assertThat(diagnosis(grade, INVALID)).contains("decode leniently");
  }

  @Test
  @DisplayName("a write lock shared by all clients: only the client that never reads fails")
  void sharedWriteLock() {
    Grade grade = grades.get(MultiClientGallery.SharedWriteLock.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(NEVER_READS);
    assertThat(diagnosis(grade, NEVER_READS))
        .contains("of lines without reading any answer")
        .contains("does one blocked write hold up the whole server?");
  }

  @Test
  @DisplayName("listen backlog of 5: only the burst fails, naming the backlog")
  void shortBacklog() {
    Grade grade = grades.get(MultiClientGallery.ShortBacklog.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(BURST);
    assertThat(diagnosis(grade, BURST))
        .containsPattern(
            "^\\d+ of 50 clients that connected at once waited 1 s or more for the connection to open")
        .contains("Is the listen backlog short, like listen(5)?");
  }

  @Test
  @DisplayName("one client at a time: only the concurrency check fails")
  void oneAtATime() {
    Grade grade = grades.get(MultiClientGallery.OneAtATime.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(SILENT);
    assertThat(diagnosis(grade, SILENT))
        .contains("while two others were connected, one silent")
        .contains("the silent one was answered as soon as it spoke")
        .contains("the server serves one client at a time");
  }
}
