package edu.sockets.grading;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One server graded against one rubric: every check's mark, and the total. */
public record Grade(
    String student, Endpoint endpoint, Rubric rubric, List<Mark> marks, Instant at, Duration took) {

  public Grade {
    marks = List.copyOf(marks);
  }

  public int earned() {
    return marks.stream().mapToInt(Mark::earned).sum();
  }

  public int possible() {
    return rubric.possible();
  }

  public boolean allPassed() {
    return marks.stream().allMatch(Mark::passed);
  }

  /** {@code 7/10}. */
  public String score() {
    return earned() + "/" + possible();
  }
}
