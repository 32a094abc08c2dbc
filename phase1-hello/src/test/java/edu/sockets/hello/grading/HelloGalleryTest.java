package edu.sockets.hello.grading;

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
@DisplayName("grade: Phase 1's rubric against a gallery of faulty servers")
@Timeout(60)
class HelloGalleryTest {

  private static final String REPLY = "replies exactly \"Hello Client\"";
  private static final String CLOSES = "closes the connection after replying";
  private static final String BYTE_BY_BYTE = "a greeting sent byte by byte: one reply";
  private static final String SPLIT = "UTF-8 character split across sends";
  private static final String INVALID = "invalid UTF-8 does not crash it";
  private static final String OVER_LONG = "refuses a line over 8,192 bytes";
  private static final String RESTART = "listens again after an orderly close";

  private static Map<Class<?>, Grade> grades;

  @BeforeAll
  static void gradeTheGallery() throws Exception {
    grades =
        TestGrading.gradeAll(
            HelloRubric.rubric(),
            List.of(
                HelloGallery.WrongCase::new,
                HelloGallery.NoLineFeed::new,
                HelloGallery.StaysOpen::new,
                HelloGallery.ReplyPerRecv::new,
                HelloGallery.DecodesEachRecv::new,
                HelloGallery.NoReuseAddress::new));
  }

  @Test
  @DisplayName("Hello client (wrong case): only the reply check fails, and says so")
  void wrongCase() {
    Grade grade = grades.get(HelloGallery.WrongCase.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(REPLY);
    assertThat(diagnosis(grade, REPLY))
        .isEqualTo(
            "got \"Hello client\\n\" but expected \"Hello Client\\n\": the letters or spaces differ");
  }

  @Test
  @DisplayName("a reply with no line feed: only the reply check fails, naming the line feed")
  void noLineFeed() {
    Grade grade = grades.get(HelloGallery.NoLineFeed.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(REPLY);
    assertThat(diagnosis(grade, REPLY))
        .isEqualTo(
            "got \"Hello Client\" (12 bytes, no line feed, then the server closed) but expected"
                + " \"Hello Client\\n\": end the reply with a line feed, or the client cannot tell"
                + " where it ends");
  }

  @Test
  @DisplayName("a server that stays open after replying: only the closing check fails")
  void staysOpen() {
    Grade grade = grades.get(HelloGallery.StaysOpen.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(CLOSES);
    assertThat(diagnosis(grade, CLOSES))
        .startsWith("after the greeting the server sent \"Hello Client\\n\" (")
        .endsWith("and kept the connection open: close the client's socket once the reply is sent");
  }

  @Test
  @DisplayName("one reply per recv(): byte by byte, the over-long line and closing fail")
  void replyPerRecv() {
    Grade grade = grades.get(HelloGallery.ReplyPerRecv.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(CLOSES, BYTE_BY_BYTE, OVER_LONG);
    assertThat(diagnosis(grade, BYTE_BY_BYTE))
        .startsWith("\"Hello Client\\nHello Client\\n")
        .endsWith(
            "does the server answer each recv() instead of each line? Collect bytes until \"\\n\"");
  }

  @Test
  @DisplayName("decoding each recv() strictly: the split character and invalid UTF-8 fail")
  void decodesEachRecv() {
    Grade grade = grades.get(HelloGallery.DecodesEachRecv.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(SPLIT, INVALID);
    assertThat(diagnosis(grade, SPLIT))
        .contains("split between two sends: decode the whole line once its \"\\n\" has arrived");
    assertThat(diagnosis(grade, INVALID)).contains("decode leniently");
  }

  @Test
  @DisplayName("no SO_REUSEADDR: only the restart after an orderly close fails, naming TIME_WAIT")
  void noReuseAddress() {
    Grade grade = grades.get(HelloGallery.NoReuseAddress.class);
    assertThat(failed(grade)).as(report(grade)).containsExactly(RESTART);
    assertThat(diagnosis(grade, RESTART))
        .contains("again within 3 s of the last client")
        .contains("TIME_WAIT: set SO_REUSEADDR before bind()");
  }
}
