package edu.sockets.chat;

import static edu.sockets.grading.TestGrading.failed;
import static edu.sockets.grading.TestGrading.report;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.grading.ChatRubric;
import edu.sockets.grading.Grade;
import edu.sockets.grading.TestGrading;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The rubric against this phase's own server, as the server's command starts it. */
@DisplayName("grade: Phase 4's rubric against the course's own server")
@Timeout(60)
class ChatGradeTest {

  @Test
  @DisplayName("full marks with the default limits, and again with the first grade's history")
  void fullMarksTwice() throws Exception {
    try (ServerFixture server = ServerFixture.start()) {
      for (int run = 1; run <= 2; run++) {
        Grade grade = TestGrading.grade(ChatRubric.rubric(), server.port());

        assertThat(failed(grade)).as("grade %d: %s", run, report(grade)).isEmpty();
        assertThat(grade.score()).isEqualTo("44/44");
      }
    }
  }
}
