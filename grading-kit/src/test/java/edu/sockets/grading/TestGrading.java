package edu.sockets.grading;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Grading in the course's own tests: on loopback, with short waits, so a gallery runs fast. */
public final class TestGrading {

  /**
   * Waits long enough for a server on this machine, short enough for many grades per build. A check
   * keeps the standard budget: a gallery graded side by side on a busy machine needs it.
   */
  public static final Timing QUICK =
      new Timing(
          Duration.ofSeconds(1),
          Duration.ofSeconds(1),
          Duration.ofMillis(300),
          Duration.ofSeconds(3),
          Duration.ofSeconds(10));

  private TestGrading() {}

  /** Grades the server listening on loopback at {@code port}. */
  public static Grade grade(Rubric rubric, int port) throws InterruptedException {
    return new Grader(rubric, QUICK).grade("test", new Endpoint("127.0.0.1", port), mark -> {});
  }

  /** Something that starts a gallery server. */
  @FunctionalInterface
  public interface Starter {
    GalleryServer start() throws Exception;
  }

  /**
   * Grades every server at once, each on its own port, and closes them: they only wait on their
   * sockets, so a gallery takes as long as its slowest grade, not the sum.
   *
   * @return each server's grade, by the server's class
   */
  public static Map<Class<?>, Grade> gradeAll(Rubric rubric, List<Starter> starters)
      throws InterruptedException, ExecutionException {
    Map<Class<?>, Future<Grade>> futures = new LinkedHashMap<>();
    try (ExecutorService side = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Starter starter : starters) {
        GalleryServer server;
        try {
          server = starter.start();
        } catch (Exception e) {
          throw new ExecutionException("a gallery server did not start", e);
        }
        futures.put(
            server.getClass(),
            side.submit(() -> {
              try (server) {
                return grade(rubric, server.port());
              }
            }));
      }
    }
    Map<Class<?>, Grade> grades = new LinkedHashMap<>();
    for (Map.Entry<Class<?>, Future<Grade>> entry : futures.entrySet()) {
      grades.put(entry.getKey(), entry.getValue().get());
    }
    return grades;
  }

  /** The names of the checks that failed, in rubric order. */
  public static List<String> failed(Grade grade) {
    return grade.marks().stream().filter(m -> !m.passed()).map(m -> m.check().name()).toList();
  }

  /** Every failed check with its diagnosis, to show when a test's expectation is not met. */
  public static String report(Grade grade) {
    StringBuilder report = new StringBuilder("the grade was " + grade.score() + ":");
    grade.marks().stream()
        .filter(m -> !m.passed())
        .forEach(m ->
            report
                .append("\n  ")
                .append(m.check().name())
                .append(": ")
                .append(m.verdict().diagnosis()));
    return report.toString();
  }

  /** The diagnosis of the named check ("" when it passed). */
  public static String diagnosis(Grade grade, String check) {
    return grade.marks().stream()
        .filter(m -> m.check().name().equals(check))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no check named " + check))
        .verdict()
        .diagnosis();
  }
}
