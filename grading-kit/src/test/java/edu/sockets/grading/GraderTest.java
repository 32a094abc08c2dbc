package edu.sockets.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The runner: time budgets, unreachable servers, failures turned into diagnoses. */
@Timeout(20)
class GraderTest {

  private static final Timing SHORT =
      new Timing(
          Duration.ofSeconds(1),
          Duration.ofMillis(300),
          Duration.ofMillis(100),
          Duration.ofSeconds(1),
          Duration.ofMillis(800));

  private static Rubric rubric(Check... checks) {
    return new Rubric("Test", List.of(checks), false);
  }

  private static Grade grade(Rubric rubric, int port) throws InterruptedException {
    return new Grader(rubric, SHORT).grade("s", new Endpoint("127.0.0.1", port), m -> {});
  }

  @Test
  void aCheckBlockedOnASilentServerIsStoppedAtItsBudgetAndTheNextOneRuns() throws Exception {
    // The kernel completes connections into the backlog although nobody calls accept().
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Check blocks =
          new Check(
              "blocks",
              2,
              "here",
              probe -> {
                probe.connect().readLine(Duration.ofMinutes(1));
                return Verdict.PASS;
              });
      Check passes = new Check("passes", 1, "here", probe -> Verdict.PASS);
      long start = System.nanoTime();

      Grade grade = grade(rubric(blocks, passes), silent.getLocalPort());

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(TestGrading.diagnosis(grade, "blocks"))
          .isEqualTo("stopped after 0.8 s: the server kept the check waiting");
      assertThat(grade.score()).isEqualTo("1/3");
    }
  }

  @Test
  void nothingListeningFailsEveryCheckWithTheSameReasonAtOnce() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    List<Mark> seen = new ArrayList<>();
    Check never = new Check("never run", 1, "here", probe -> Verdict.PASS);

    Grade grade =
        new Grader(rubric(never, never), SHORT)
            .grade("s", new Endpoint("127.0.0.1", port), seen::add);

    assertThat(seen).hasSize(2);
    assertThat(grade.marks())
        .allSatisfy(mark ->
            assertThat(mark.verdict().diagnosis())
                .isEqualTo(
                    "not run: connection refused: nothing listens on 127.0.0.1:%d (is the server running, and on this port?)"
                        .formatted(port)));
    assertThat(grade.earned()).isZero();
  }

  @Test
  void anUnknownHostIsNamed() throws Exception {
    Check never = new Check("never run", 1, "here", probe -> Verdict.PASS);
    Grade grade =
        new Grader(rubric(never), SHORT)
            .grade("s", new Endpoint("no-such-host.invalid", 5001), m -> {});
    assertThat(grade.marks().getFirst().verdict().diagnosis())
        .startsWith("not run: name not found: no host is called \"no-such-host.invalid\"");
  }

  @Test
  void aFailingConnectionBecomesADiagnosisNotAStackTrace() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Check throwing =
          new Check(
              "throws",
              1,
              "here",
              probe -> {
                throw new IOException("Broken pipe");
              });
      Grade grade = grade(rubric(throwing), server.getLocalPort());
      assertThat(TestGrading.diagnosis(grade, "throws"))
          .isEqualTo("the connection failed: Broken pipe");
    }
  }
}
