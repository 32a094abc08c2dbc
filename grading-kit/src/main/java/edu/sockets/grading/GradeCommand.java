package edu.sockets.grading;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code grade} command of every phase: grades one server, or every server of a roster, and
 * writes each student's {@code grade.md} and {@code results.json}. Each phase subclasses it with
 * its own rubric and its own {@code @Command} annotation.
 */
public abstract class GradeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "HOST:PORT",
      description = "The server to grade, in any language, e.g. lab-pc-07:5001.")
  String server;

  @Option(
      names = "--student",
      paramLabel = "NAME",
      description = "Whose server it is: names the folder of the results (default: HOST_PORT).")
  String student;

  @Option(
      names = "--roster",
      paramLabel = "FILE",
      description = "Grade every server of a CSV file of student,host:port lines instead.")
  Path roster;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "grades",
      description = "Where each student's folder goes (default: ${DEFAULT-VALUE}).")
  Path out;

  /** The phase's rubric. */
  protected abstract Rubric rubric();

  @Override
  public Integer call() throws InterruptedException {
    if ((server == null) == (roster == null)) {
      throw usage("give either HOST:PORT or --roster FILE");
    }
    if (roster != null && student != null) {
      throw usage("--student names one server's folder; a roster names each student itself");
    }
    List<Roster.Entry> entries = roster == null ? List.of(single()) : readRoster();
    PrintWriter stdout = spec.commandLine().getOut();
    List<Grade> grades = new ArrayList<>();
    for (Roster.Entry entry : entries) {
      grades.add(gradeOne(entry, stdout, entries.size() > 1));
    }
    if (roster != null) {
      writeSummary(grades, stdout);
    }
    return grades.stream().allMatch(Grade::allPassed) ? 0 : 1;
  }

  private Roster.Entry single() {
    try {
      Endpoint endpoint = Endpoint.parse(server);
      String name = student == null ? Students.of(endpoint) : Students.folderName(student);
      return new Roster.Entry(name, endpoint);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private List<Roster.Entry> readRoster() {
    if (!Files.isReadable(roster)) {
      throw usage("cannot read the roster " + roster + ": no such file");
    }
    try {
      return Roster.read(roster).entries();
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private Grade gradeOne(Roster.Entry entry, PrintWriter stdout, boolean many)
      throws InterruptedException {
    Rubric rubric = rubric();
    ConsoleReport console = new ConsoleReport(stdout, rubric);
    if (many) {
      stdout.println();
      stdout.println("== " + entry.student());
    }
    console.header(rubric, entry.endpoint());
    Grade grade =
        new Grader(rubric, Timing.STANDARD).grade(entry.student(), entry.endpoint(), console::row);
    Path folder = out.resolve(entry.student());
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("grade.md"), MarkdownReport.of(grade, command(entry)));
      ResultsJson.write(grade, folder.resolve("results.json"));
    } catch (IOException | RuntimeException e) {
      throw usage("cannot write the results into " + folder + ": " + e.getMessage());
    }
    stdout.println("Wrote " + folder.resolve("grade.md") + " and results.json");
    console.score(grade);
    return grade;
  }

  private void writeSummary(List<Grade> grades, PrintWriter stdout) {
    try {
      Summary.write(rubric(), grades, out);
    } catch (IOException | RuntimeException e) {
      throw usage("cannot write the summary into " + out + ": " + e.getMessage());
    }
    stdout.println();
    grades.forEach(g -> stdout.printf("%-20s %s%n", g.student(), g.score()));
    stdout.println("Wrote " + out.resolve("summary.csv") + " and " + out.resolve("summary.md"));
  }

  /** The command that grades this one student again, for grade.md. */
  private String command(Roster.Entry entry) {
    String args =
        "grade %s --student \"%s\" --out %s".formatted(entry.endpoint(), entry.student(), out);
    String program = spec.root().name();
    Path jar = Invocation.runningJar();
    return jar != null
        ? "java -jar " + jar + " " + args
        : "./mvnw -q -pl %s compile exec:java@grade -Dexec.args='%s'"
            .formatted(program, args.substring("grade ".length()));
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
