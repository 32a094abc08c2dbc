package edu.sockets.multiclient;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.grading.Grade;
import edu.sockets.grading.TestGrading;
import edu.sockets.multiclient.grading.MultiClientRubric;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The rubric against this phase's own server. */
@DisplayName("grade: Phase 2's rubric against the course's own server")
@Timeout(60)
class MultiClientGradeTest {

  @Test
  @DisplayName("full marks")
  void fullMarks() throws Exception {
    try (ServerFixture server = ServerFixture.start()) {
      Grade grade = TestGrading.grade(MultiClientRubric.rubric(), server.port());

      assertThat(TestGrading.failed(grade)).as(TestGrading.report(grade)).isEmpty();
      assertThat(grade.score()).isEqualTo("23/23");
    }
  }
}
