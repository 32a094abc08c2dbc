package edu.sockets.grading;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code results.json} in the format of Gradescope's autograder, which GitHub Classroom and most
 * graders also read: the total score, and per check its name, score, maximum and output.
 */
final class ResultsJson {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ResultsJson() {}

  /** The whole file. */
  record Results(
      double score,
      @JsonProperty("execution_time") double executionTime,
      String output,
      List<Test> tests) {}

  /** One check, as Gradescope calls it: a test. */
  record Test(
      String number,
      String name,
      double score,
      @JsonProperty("max_score") double maxScore,
      String status,
      String output) {}

  static void write(Grade grade, Path file) {
    JSON.writeValue(file.toFile(), of(grade));
  }

  static Results of(Grade grade) {
    List<Test> tests = new ArrayList<>();
    for (Mark mark : grade.marks()) {
      Check check = mark.check();
      String output =
          (mark.passed() ? "PASS" : "FAIL: " + mark.verdict().diagnosis())
              + "\nDefined in "
              + check.cites();
      tests.add(
          new Test(
              String.valueOf(tests.size() + 1),
              check.name(),
              mark.earned(),
              check.points(),
              mark.passed() ? "passed" : "failed",
              output));
    }
    String summary =
        "%s, graded against %s: %s"
            .formatted(grade.rubric().title(), grade.endpoint(), grade.score());
    return new Results(grade.earned(), grade.took().toMillis() / 1000.0, summary, tests);
  }
}
