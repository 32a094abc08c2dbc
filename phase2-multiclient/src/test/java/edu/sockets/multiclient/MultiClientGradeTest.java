package edu.sockets.multiclient;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.grading.Grade;
import edu.sockets.grading.TestGrading;
import edu.sockets.multiclient.grading.MultiClientRubric;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rubric against this phase's own server, with either kind of thread per client. */
@DisplayName("grade: Phase 2's rubric against the course's own server")
@Timeout(60)
class MultiClientGradeTest {

  @ParameterizedTest(name = "--threads {0}")
  @ValueSource(strings = {"virtual", "platform"})
  @DisplayName("full marks")
  void fullMarks(String threads) throws Exception {
    try (ServerFixture server = ServerFixture.start("--threads", threads)) {
      Grade grade = TestGrading.grade(MultiClientRubric.rubric(), server.port());

      assertThat(TestGrading.failed(grade)).as(TestGrading.report(grade)).isEmpty();
      assertThat(grade.score()).isEqualTo("23/23");
    }
  }
}
