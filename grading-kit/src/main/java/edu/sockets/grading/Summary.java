package edu.sockets.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * A roster's grades side by side, in {@code summary.csv} (for a spreadsheet) and {@code summary.md}
 * (to read): one row per student, one column per check, and the total.
 */
final class Summary {

  private static final CsvMapper CSV = new CsvMapper();

  private Summary() {}

  static void write(Rubric rubric, List<Grade> grades, Path folder) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("student", "server"));
    rubric.checks().forEach(check -> header.add(check.name()));
    header.addAll(List.of("score", "possible"));
    rows.add(header);
    for (Grade grade : grades) {
      List<String> row = new ArrayList<>(List.of(grade.student(), grade.endpoint().toString()));
      grade.marks().forEach(mark -> row.add(String.valueOf(mark.earned())));
      row.addAll(List.of(String.valueOf(grade.earned()), String.valueOf(grade.possible())));
      rows.add(row);
    }
    CSV.writer(CsvSchema.emptySchema()).writeValue(folder.resolve("summary.csv").toFile(), rows);
    Files.writeString(folder.resolve("summary.md"), markdown(rubric, grades));
  }

  static String markdown(Rubric rubric, List<Grade> grades) {
    StringBuilder md = new StringBuilder("# " + rubric.title() + ": summary\n\n");
    md.append("| student | server |");
    for (int i = 1; i <= rubric.checks().size(); i++) {
      md.append(' ').append(i).append(" |");
    }
    md.append(" score |\n|---|---|").append("---|".repeat(rubric.checks().size())).append("---|\n");
    for (Grade grade : grades) {
      md.append("| ").append(MarkdownReport.cell(grade.student()));
      md.append(" | ").append(grade.endpoint()).append(" |");
      for (Mark mark : grade.marks()) {
        md.append(' ').append(mark.earned()).append('/').append(mark.check().points()).append(" |");
      }
      md.append(" **").append(grade.score()).append("** |\n");
    }
    md.append("\nChecks:\n\n");
    int number = 1;
    for (Check check : rubric.checks()) {
      md.append(
          "%d. %s (%d points, %s)\n"
              .formatted(number++, check.name(), check.points(), check.cites()));
    }
    return md.toString();
  }
}
