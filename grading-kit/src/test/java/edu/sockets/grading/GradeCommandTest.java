package edu.sockets.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command's contract: its output, its files, its exit codes. */
@Timeout(30)
class GradeCommandTest {

  /** A rubric of two checks: one the test server passes, one it fails. */
  @Command(name = "grade")
  static final class TwoChecks extends GradeCommand {
    @Override
    protected Rubric rubric() {
      return new Rubric(
          "Test phase",
          List.of(
              new Check(
                  "connects",
                  1,
                  "chapter 0, 1.1",
                  probe -> {
                    probe.connect();
                    return Verdict.PASS;
                  }),
              new Check(
                  "says pong",
                  2,
                  "chapter 0, 1.2",
                  probe -> {
                    Reply reply = probe.connect().readLine();
                    return Verdict.expected(reply, "pong\n");
                  })),
          false);
    }
  }

  @TempDir Path folder;
  private ServerSocket server;
  private final StringWriter out = new StringWriter();

  @BeforeEach
  void startAServerThatAcceptsAndSaysNothing() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(() -> {
          while (!server.isClosed()) {
            try (Socket client = server.accept()) {
              client.getOutputStream().write("ping\n".getBytes());
            } catch (IOException e) {
              return; // the test closed the server
            }
          }
        });
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private int grade(String... args) {
    PrintWriter writer = new PrintWriter(out, true);
    return new CommandLine(new TwoChecks()).setOut(writer).setErr(writer).execute(args);
  }

  private List<String> lines() {
    return out.toString().lines().toList();
  }

  private String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  @Test
  void printsARowPerCheckAndEndsWithTheScore() {
    int exit = grade(address(), "--student", "alice", "--out", folder.toString());

    assertThat(exit).as("a check failed").isEqualTo(1);
    assertThat(lines()).last().isEqualTo("Score: 1/3");
    assertThat(out.toString())
        .contains("1/1  PASS  connects ")
        .contains("0/2  FAIL  says pong ")
        .contains("got \"ping\\n\" but expected \"pong\\n\"");
  }

  @Test
  void writesGradeMdAndAResultsJsonInGradescopesFormat() throws IOException {
    grade(address(), "--student", "alice", "--out", folder.toString());

    Path student = folder.resolve("alice");
    assertThat(Files.readString(student.resolve("grade.md")))
        .contains("| score | **1/3** |")
        .contains("| 2 | says pong | 0/2 | **FAIL** | chapter 0, 1.2 |")
        .contains(address() + " --student \"alice\" --out ");
    JsonNode results = JsonMapper.shared().readTree(student.resolve("results.json").toFile());
    assertThat(results.get("score").asDouble()).isEqualTo(1.0);
    JsonNode failed = results.get("tests").get(1);
    assertThat(failed.get("name").asString()).isEqualTo("says pong");
    assertThat(failed.get("score").asDouble()).isZero();
    assertThat(failed.get("max_score").asDouble()).isEqualTo(2.0);
    assertThat(failed.get("status").asString()).isEqualTo("failed");
    assertThat(failed.get("output").asString()).contains("got \"ping\\n\"");
  }

  @Test
  void withoutAStudentNameTheFolderIsHostAndPort() {
    grade(address(), "--out", folder.toString());
    assertThat(folder.resolve("127.0.0.1_" + server.getLocalPort()).resolve("grade.md")).exists();
  }

  @Test
  void anUnreachableServerExitsOneAndSaysWhy() throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort(); // free again once closed: nothing listens there
    }

    assertThat(grade("127.0.0.1:" + port, "--out", folder.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("not run: connection refused: nothing listens on");
    assertThat(lines()).last().isEqualTo("Score: 0/3");
  }

  @Test
  void badArgumentsExitTwo() {
    assertThat(grade()).isEqualTo(2);
    assertThat(grade("lab-pc-07")).isEqualTo(2);
    assertThat(grade(address(), "--roster", "r.csv")).isEqualTo(2);
    assertThat(grade(address(), "--student", "../x")).isEqualTo(2);
    assertThat(grade("--roster", folder.resolve("missing.csv").toString())).isEqualTo(2);
    assertThat(out.toString()).contains("give either HOST:PORT or --roster FILE");
  }

  @Test
  void aRosterGradesEachStudentIntoItsOwnFolderAndSumsThemUp() throws IOException {
    Path roster =
        Files.writeString(
            folder.resolve("roster.csv"),
            "student,server\nalice,%s\nbob,127.0.0.1:1\n".formatted(address()));
    Path grades = folder.resolve("grades");

    assertThat(grade("--roster", roster.toString(), "--out", grades.toString())).isEqualTo(1);

    assertThat(grades.resolve("alice/results.json")).exists();
    assertThat(grades.resolve("bob/grade.md")).exists();
    assertThat(Files.readAllLines(grades.resolve("summary.csv")))
        .containsExactly(
            "student,server,connects,\"says pong\",score,possible",
            "alice,%s,1,0,1,3".formatted(address()),
            "bob,127.0.0.1:1,0,0,0,3");
    assertThat(Files.readString(grades.resolve("summary.md")))
        .contains("| alice | %s | 1/1 | 0/2 | **1/3** |".formatted(address()));
  }
}
