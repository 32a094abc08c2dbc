package edu.sockets.grading;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** {@code grade.md}: the rubric as a table, then each failure with its diagnosis. */
final class MarkdownReport {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private MarkdownReport() {}

  static String of(Grade grade, String command) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(grade.rubric().title()).append(": ").append(grade.student());
    md.append("\n\n| | |\n|---|---|\n");
    md.append("| server | ").append(grade.endpoint()).append(" |\n");
    md.append("| score | **").append(grade.score()).append("** |\n");
    md.append("| graded | ").append(WHEN.format(grade.at()));
    md.append(", in ").append(Quote.seconds(grade.took())).append(" |\n");
    md.append("| command | `").append(command).append("` |\n\n");
    md.append("| # | check | points | result | defined in |\n|---|---|---|---|---|\n");
    int number = 1;
    for (Mark mark : grade.marks()) {
      md.append(
          "| %d | %s | %d/%d | %s | %s |\n"
              .formatted(
                  number++,
                  cell(mark.check().name()),
                  mark.earned(),
                  mark.check().points(),
                  mark.passed() ? "PASS" : "**FAIL**",
                  cell(mark.check().cites())));
    }
    appendFailures(md, grade);
    return md.toString();
  }

  private static void appendFailures(StringBuilder md, Grade grade) {
    if (grade.allPassed()) {
      md.append("\nEvery check passed.\n");
      return;
    }
    md.append("\n## What failed, and why\n\n");
    int number = 1;
    for (Mark mark : grade.marks()) {
      if (!mark.passed()) {
        md.append(
            "%d. **%s** (%s): %s\n"
                .formatted(
                    number, mark.check().name(), mark.check().cites(), mark.verdict().diagnosis()));
      }
      number++;
    }
  }

  /** A table cell: a | would end it early. */
  static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
