package edu.sockets.hello;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as a user runs it: {@code java -jar target/phase1-hello.jar ...}, each
 * program in a process of its own.
 */
@DisplayName("phase1-hello.jar: the programs as separate processes")
@Timeout(90)
class HelloJarIT {

  private static final Path JAR = Path.of("target", "phase1-hello.jar");
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
  private static final Pattern LISTENING = Pattern.compile("^Listening on (\\S+):(\\d+)$");

  @Test
  @DisplayName("server --port 0 and client --port <that port> do the exchange; both exit 0")
  void serverAndClientExchangeGreetings() throws Exception {
    assertThat(JAR).exists();
    Process server = start("server", "--port", "0");
    String port = awaitListening(server).group(2);

    Process client = start("client", "--host", "127.0.0.1", "--port", port);

    assertThat(client.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(client.exitValue()).isZero();
    assertThat(output(client)).contains("Received: Hello Client");
    assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(server.exitValue()).isZero();
    assertThat(output(server)).anyMatch(line -> line.startsWith("Received: Hello Server"));
  }

  @Test
  @DisplayName("client with no server: exit 1 and one line on stderr, no stack trace")
  void clientWithoutServerExitsOne() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }

    Process client = start("client", "--port", "" + port);

    assertThat(client.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(client.exitValue()).isEqualTo(1);
    assertThat(errors(client))
        .singleElement()
        .asString()
        .isEqualTo(
            "Cannot connect to 127.0.0.1:%d (Connection refused). Is the server running?"
                .formatted(port));
  }

  @Test
  @DisplayName("server on a taken port: exit 1 and one line on stderr naming the port")
  void serverOnATakenPortExitsOne() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Process server = start("server", "--host", "127.0.0.1", "--port", "" + taken.getLocalPort());

      assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(server.exitValue()).isEqualTo(1);
      assertThat(errors(server))
          .singleElement()
          .asString()
          .contains("port " + taken.getLocalPort());
    }
  }

  @Test
  @DisplayName(
      "grade against the jar's server run in a loop, as a student runs theirs: 12/12, exit 0")
  void gradeGivesTheServerFullMarks(@TempDir Path grades) throws Exception {
    Process first = start("server", "--host", "127.0.0.1", "--port", "0");
    String port = awaitListening(first).group(2);
    // The server exits after each client; this thread restarts it on the same port, as a shell's
    // while-loop would, until the grade is over.
    AtomicBoolean grading = new AtomicBoolean(true);
    Thread loop =
        Thread.ofPlatform()
            .daemon()
            .start(() -> {
              Process server = first;
              try {
                while (grading.get()) {
                  server.waitFor();
                  server = start("server", "--host", "127.0.0.1", "--port", port);
                }
              } catch (IOException | InterruptedException e) {
                // the test is over
              } finally {
                server.destroy();
              }
            });
    try {
      Process grade = start("grade", "127.0.0.1:" + port, "--out", grades.toString());

      assertThat(grade.waitFor(60, TimeUnit.SECONDS)).isTrue();
      List<String> output = output(grade);
      assertThat(output).as(String.join("\n", output)).last().isEqualTo("Score: 12/12");
      assertThat(grade.exitValue()).isZero();
    } finally {
      grading.set(false);
      new Socket("127.0.0.1", Integer.parseInt(port)).close(); // ends the server the loop started
      loop.join(10_000);
    }
  }

  private static Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  /** Reads the server's standard output until its Listening line. */
  private static Matcher awaitListening(Process server) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.matches()) {
        return matcher;
      }
    }
    throw new AssertionError("the server ended without printing its Listening line");
  }

  private static List<String> output(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
        .lines()
        .toList();
  }

  private static List<String> errors(Process process) throws IOException {
    return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
        .lines()
        .toList();
  }
}
