package edu.sockets.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * The students to grade, from a CSV file of {@code student,host:port} lines. A first line that is
 * not such a line (say {@code student,server}) is taken as a header; blank lines and lines that
 * start with {@code #} are skipped.
 */
record Roster(List<Roster.Entry> entries) {

  /** One student and the server to grade. */
  record Entry(String student, Endpoint endpoint) {}

  /** Reads one line's fields; quotes, commas in quotes and spaces around fields as CSV has them. */
  private static final ObjectReader FIELDS =
      CsvMapper.builder()
          .enable(CsvReadFeature.WRAP_AS_ARRAY)
          .enable(CsvReadFeature.TRIM_SPACES)
          .build()
          .readerFor(new TypeReference<List<List<String>>>() {});

  Roster {
    entries = List.copyOf(entries);
  }

  /**
   * Reads the roster.
   *
   * @throws IllegalArgumentException naming the file and line of the first mistake
   */
  static Roster read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
    List<Entry> entries = new ArrayList<>();
    Set<String> students = new HashSet<>();
    boolean first = true;
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      String where = "%s line %d: ".formatted(file, i + 1);
      Entry entry = entry(fields(text, where), where, first);
      first = false;
      if (entry == null) {
        continue; // the header
      }
      if (!students.add(entry.student())) {
        throw new IllegalArgumentException(where + entry.student() + " is listed twice");
      }
      entries.add(entry);
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(file + " lists no student");
    }
    return new Roster(entries);
  }

  private static List<String> fields(String line, String where) {
    try {
      List<List<String>> rows = FIELDS.readValue(line);
      return rows.getFirst();
    } catch (JacksonException e) {
      throw new IllegalArgumentException(where + e.getOriginalMessage());
    }
  }

  /** The entry on this row; null for a header. */
  private static Entry entry(List<String> row, String where, boolean first) {
    if (row.size() != 2) {
      if (first) {
        return null;
      }
      throw new IllegalArgumentException(where + "expected student,host:port, not " + row);
    }
    Endpoint endpoint;
    try {
      endpoint = Endpoint.parse(row.get(1));
    } catch (IllegalArgumentException e) {
      if (first) {
        return null; // a header such as "student,server"
      }
      throw new IllegalArgumentException(where + e.getMessage());
    }
    try {
      return new Entry(Students.folderName(row.get(0)), endpoint);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + e.getMessage());
    }
  }
}
