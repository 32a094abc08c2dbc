package edu.sockets.hello;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.grading.Grade;
import edu.sockets.grading.TestGrading;
import edu.sockets.hello.grading.HelloRubric;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The rubric against this phase's own server, run in a loop as the rubric expects. */
@DisplayName("grade: Phase 1's rubric against the course's own server")
@Timeout(60)
class HelloGradeTest {

  /** HelloServer restarted after each client, on one port, as a shell loop would. */
  private static final class OwnServerLoop implements AutoCloseable {
    private final int port;
    private final Thread loop;
    private volatile HelloServer current;
    private volatile boolean stopped;

    OwnServerLoop() throws IOException {
      current = HelloServer.open("127.0.0.1", 0, Duration.ofSeconds(5), line -> {});
      port = current.port();
      loop = Thread.ofPlatform().daemon().start(this::run);
    }

    private void run() {
      while (!stopped) {
        try (HelloServer server = current) {
          server.serveOne();
        } catch (IOException e) {
          // this client's exchange failed; the server exits 1 and the loop starts the next
        }
        try {
          current = HelloServer.open("127.0.0.1", port, Duration.ofSeconds(5), line -> {});
        } catch (IOException e) {
          return; // the port is gone: nothing more to serve
        }
      }
    }

    @Override
    public void close() throws Exception {
      stopped = true;
      current.close();
      loop.join(Duration.ofSeconds(5));
    }
  }

  @Test
  @DisplayName("full marks")
  void fullMarks() throws Exception {
    try (OwnServerLoop server = new OwnServerLoop()) {
      Grade grade = TestGrading.grade(HelloRubric.rubric(), server.port);

      assertThat(TestGrading.failed(grade)).isEmpty();
      assertThat(grade.score()).isEqualTo("12/12");
    }
  }
}
