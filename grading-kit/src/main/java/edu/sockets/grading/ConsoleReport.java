package edu.sockets.grading;

import java.io.PrintWriter;

/** Prints a grade as it happens: a row per check, its diagnosis under a failed one, the score. */
final class ConsoleReport {

  private final PrintWriter out;
  private final int nameWidth;

  ConsoleReport(PrintWriter out, Rubric rubric) {
    this.out = out;
    this.nameWidth = rubric.checks().stream().mapToInt(c -> c.name().length()).max().orElse(0);
  }

  void header(Rubric rubric, Endpoint endpoint) {
    out.printf(
        "Grading %s with the rubric of %s: %d checks, %d points%n",
        endpoint, rubric.title(), rubric.checks().size(), rubric.possible());
    out.flush();
  }

  void row(Mark mark) {
    Check check = mark.check();
    String points = "%d/%d".formatted(mark.earned(), check.points());
    out.printf(
        "  %5s  %s  %-" + nameWidth + "s  %s%n",
        points,
        mark.passed() ? "PASS" : "FAIL",
        check.name(),
        check.cites());
    if (!mark.passed()) {
      out.println(" ".repeat(15) + mark.verdict().diagnosis());
    }
    out.flush();
  }

  void score(Grade grade) {
    out.println("Score: " + grade.score());
    out.flush();
  }
}
