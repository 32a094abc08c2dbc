import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The report's own check, run by the build ({@code ./mvnw verify}): every relative link and image
 * in the README, the report and the phases' documents resolves (file and anchor); every chapter has
 * the sections of a lab report, in order; no chapter is longer than a student reads in an evening.
 * Prints one line per problem and exits 1 if there is any.
 *
 * <p>Run it by hand from the course's root: {@code java report/check/ReportCheck.java}.
 */
public class ReportCheck {

  static final int CHAPTER_WORDS = 6_000;
  static final int REPORT_WORDS = 30_000;
  static final List<String> SECTIONS =
      List.of(
          "Objective",
          "Background",
          "Design",
          "How to run",
          "Results",
          "Discussion",
          "Exercises",
          "Conclusion");

  private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern CHAPTER = Pattern.compile("\\d.*\\.md");

  private final Path root;
  private final List<String> problems = new ArrayList<>();
  private final Map<Path, Set<String>> anchors = new HashMap<>();

  ReportCheck(Path root) {
    this.root = root;
  }

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    ReportCheck check = new ReportCheck(root);
    List<String> problems = check.run();
    problems.forEach(System.out::println);
    if (!problems.isEmpty()) {
      System.out.println(problems.size() + " problem(s) in the report; see above.");
      System.exit(1);
    }
  }

  List<String> run() throws IOException {
    for (Path file : documents()) {
      checkLinks(file);
    }
    int total = 0;
    for (Path chapter : chapters()) {
      total += checkChapter(chapter);
    }
    if (total > REPORT_WORDS) {
      problems.add("report/: the chapters have %,d words together, over %,d".formatted(total, REPORT_WORDS));
    }
    return problems;
  }

  /** README.md, every Markdown file of report/, and each phase's own documents. */
  private List<Path> documents() throws IOException {
    List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
    try (Stream<Path> report = Files.walk(root.resolve("report"));
        Stream<Path> top = Files.list(root)) {
      report.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
      for (Path phase : top.filter(p -> p.getFileName().toString().startsWith("phase")).toList()) {
        try (Stream<Path> docs = Files.list(phase)) {
          docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
      }
    }
    return files;
  }

  /** The chapter files: report/01-hello.md and the like. */
  private List<Path> chapters() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("report"))) {
      return files.filter(p -> CHAPTER.matcher(p.getFileName().toString()).matches()).sorted().toList();
    }
  }

  private void checkLinks(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", ""));
      while (link.find()) {
        String problem = resolve(file, link.group(1));
        if (problem != null) {
          problems.add("%s:%d: %s".formatted(root.relativize(file), i + 1, problem));
        }
      }
    }
  }

  /** Null when the link resolves; otherwise what is wrong with it. */
  private String resolve(Path from, String target) throws IOException {
    if (target.matches("^[a-zA-Z][a-zA-Z+.-]*:.*")) {
      return null; // https:, mailto: ...: not checked here
    }
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    Path file = path.isEmpty() ? from : from.getParent().resolve(path).normalize();
    if (!Files.exists(file)) {
      return "no such file: " + target;
    }
    if (hash < 0 || Files.isDirectory(file) || !file.toString().endsWith(".md")) {
      return null;
    }
    String anchor = target.substring(hash + 1);
    return anchorsOf(file).contains(anchor) ? null : "no heading for the anchor: " + target;
  }

  /** The anchors GitHub makes from a file's headings. */
  private Set<String> anchorsOf(Path file) throws IOException {
    Set<String> known = anchors.get(file);
    if (known == null) {
      known = new java.util.HashSet<>();
      Map<String, Integer> seen = new HashMap<>();
      for (String heading : headings(file, 0)) {
        String slug = slug(heading);
        int count = seen.merge(slug, 1, Integer::sum);
        known.add(count == 1 ? slug : slug + "-" + (count - 1));
      }
      anchors.put(file, known);
    }
    return known;
  }

  /** As GitHub does: lower case, punctuation removed, each space a hyphen. */
  static String slug(String heading) {
    String text = heading.replaceAll("`", "").replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
  }

  /** The headings outside code blocks; of one level only unless {@code level} is 0. */
  private static List<String> headings(Path file, int level) throws IOException {
    List<String> headings = new ArrayList<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(file)) {
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
      }
      Matcher heading = HEADING.matcher(line);
      if (!fenced && heading.matches() && (level == 0 || heading.group(1).length() == level)) {
        headings.add(heading.group(2));
      }
    }
    return headings;
  }

  /** Checks a chapter's sections and length; returns its words. */
  private int checkChapter(Path chapter) throws IOException {
    String name = root.relativize(chapter).toString();
    List<String> sections = new ArrayList<>();
    for (String heading : headings(chapter, 2)) {
      sections.add(heading.replaceFirst("^\\d+\\.\\s*", ""));
    }
    if (!sections.equals(SECTIONS)) {
      problems.add(
          "%s: its sections are %s; a lab report has %s".formatted(name, sections, SECTIONS));
    }
    String text = Files.readString(chapter).strip();
    int words = text.isEmpty() ? 0 : text.split("\\s+").length;
    if (words > CHAPTER_WORDS) {
      problems.add("%s: %,d words, over %,d".formatted(name, words, CHAPTER_WORDS));
    }
    return words;
  }
}
