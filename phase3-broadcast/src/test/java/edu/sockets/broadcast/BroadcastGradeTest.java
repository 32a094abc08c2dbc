package edu.sockets.broadcast;

import static edu.sockets.grading.TestGrading.diagnosis;
import static edu.sockets.grading.TestGrading.failed;
import static edu.sockets.grading.TestGrading.report;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.broadcast.BroadcastHub.Member;
import edu.sockets.broadcast.grading.BroadcastRubric;
import edu.sockets.broadcast.naive.NaiveOutbox;
import edu.sockets.grading.Grade;
import edu.sockets.grading.TestGrading;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The rubric against this phase's own server: full marks, and what the naive broadcast costs. */
@DisplayName("grade: Phase 3's rubric against the course's own server")
@Timeout(60)
class BroadcastGradeTest {

  /** The course's server, serving on a thread of the test JVM until closed. */
  private static final class OwnServer implements AutoCloseable {
    private final BroadcastServer server;
    private final Thread serving;

    OwnServer(Member.Kind kind) throws Exception {
      server = BroadcastServer.open("127.0.0.1", 0, kind, line -> {});
      serving =
          Thread.ofPlatform()
              .daemon()
              .start(() -> {
                try {
                  server.serve();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
    }

    Grade grade() throws InterruptedException {
      return TestGrading.grade(BroadcastRubric.rubric(), server.port());
    }

    @Override
    public void close() throws Exception {
      server.close();
      serving.join(Duration.ofSeconds(10));
    }
  }

  @Test
  @DisplayName("full marks")
  void fullMarks() throws Exception {
    try (OwnServer server = new OwnServer(Outbox::new)) {
      Grade grade = server.grade();

      assertThat(failed(grade)).as(report(grade)).isEmpty();
      assertThat(grade.score()).isEqualTo("25/25");
    }
  }

  @Test
  @DisplayName("server --broadcast naive: one client that never reads stalls the others")
  void naiveBroadcastStalls() throws Exception {
    try (OwnServer server = new OwnServer(NaiveOutbox::new)) {
      Grade grade = server.grade();

      assertThat(failed(grade))
          .as(report(grade))
          .containsExactly(
              "a client that never reads stalls nobody",
              "... and is dropped: \"left (dropped ...)\"");
      assertThat(diagnosis(grade, "a client that never reads stalls nobody"))
          .contains("the others got nothing more after")
          .contains("does one writer block everyone?");
    }
  }
}
