package edu.sockets.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as a user runs it: {@code java -jar target/phase3-broadcast.jar ...}, each
 * program in a process of its own, talking through stdin and stdout.
 */
@DisplayName("phase3-broadcast.jar: the programs as separate processes")
@Timeout(60)
class BroadcastJarIT {

  private static final Path JAR = Path.of("target", "phase3-broadcast.jar");
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
  private static final Pattern LISTENING = Pattern.compile("^Listening on (\\S+):(\\d+)$");

  @Test
  @DisplayName("two clients chat through the server; kill (SIGTERM) closes them all, and it stops")
  void clientsChatAndSigtermStopsTheServer() throws Exception {
    assumeFalse(System.getProperty("os.name").startsWith("Windows"), "Windows has no SIGTERM");
    Process server = start("server", "--host", "127.0.0.1", "--port", "0");
    BufferedReader serverOut = reader(server);
    String port = awaitMatch(serverOut, LISTENING).group(2);

    Process alice = start("client", "--port", port);
    BufferedReader aliceOut = reader(alice);
    awaitMatch(aliceOut, Pattern.compile("^\\*\\*\\* Welcome "));
    Process bob = start("client", "--port", port);
    BufferedReader bobOut = reader(bob);
    String bobName = awaitMatch(bobOut, Pattern.compile("^\\*\\*\\* Welcome (\\S+)! ")).group(1);
    awaitMatch(aliceOut, Pattern.compile("^\\*\\*\\* " + Pattern.quote(bobName) + " joined$"));

    type(bob, "Hi Alice, it's Bob\n");
    awaitMatch(
        aliceOut, Pattern.compile("^\\[" + Pattern.quote(bobName) + "] Hi Alice, it's Bob$"));
    type(bob, "/exit\n");
    assertThat(bob.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(bob.exitValue()).isZero();

    // SIGTERM, what kill sends; Ctrl+C (SIGINT) runs the same shutdown hook. SIGINT would be
    // ignored if the build itself runs in the background of a script, and destroy() would also
    // close our end of the server's output, so the shell's kill it is.
    new ProcessBuilder("sh", "-c", "kill -TERM " + server.pid()).start().waitFor();

    assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(rest(serverOut))
        .anyMatch(line -> line.startsWith("Server stopped: 2 clients served"));
    assertThat(alice.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(alice.exitValue()).isEqualTo(1);
    assertThat(rest(aliceOut)).contains("*** Server shutting down. Goodbye.");
    assertThat(errors(alice))
        .containsExactly("The server at 127.0.0.1:" + port + " closed the connection.");
  }

  @Test
  @DisplayName("load against the server: 10 clients x 10 lines, all delivered, exit 0")
  void loadAgainstTheServer() throws Exception {
    Process server = start("server", "--host", "127.0.0.1", "--port", "0");
    String port = awaitMatch(reader(server), LISTENING).group(2);

    Process load = start("load", "--port", port, "--clients", "10", "--messages", "10");

    assertThat(load.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(rest(reader(load))).contains("Deliveries received: 900", "Lost: 0 (0.000%)");
    assertThat(load.exitValue()).isZero();
  }

  @Test
  @DisplayName("grade against the jar's own server: full marks, exit 0")
  void gradeGivesTheServerFullMarks(@TempDir Path out) throws Exception {
    Process server = start("server", "--host", "127.0.0.1", "--port", "0");
    BufferedReader serverOut = reader(server);
    String port = awaitMatch(serverOut, LISTENING).group(2);
    // The server logs every join and leave: read its output, so that it never waits on a full pipe.
    Thread.ofVirtual().start(() -> serverOut.lines().forEach(line -> {}));

    Process grade = start("grade", "127.0.0.1:" + port, "--out", out.toString());

    assertThat(grade.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(rest(reader(grade))).last().isEqualTo("Score: 25/25");
    assertThat(grade.exitValue()).isZero();
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
        .containsExactly(
            "Cannot connect to 127.0.0.1:%d (Connection refused). Is the server running?"
                .formatted(port));
  }

  /** Every program a test started, so that none outlives its test, even a failed one. */
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopEveryProgram() {
    started.forEach(Process::destroyForcibly);
  }

  private Process start(String... args) throws IOException {
    assertThat(JAR).exists();
    List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    started.add(process);
    return process;
  }

  private static BufferedReader reader(Process process) {
    return new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  private static void type(Process process, String text) throws IOException {
    OutputStream keyboard = process.getOutputStream();
    keyboard.write(text.getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }

  /** Reads lines until one matches; the class's timeout bounds the wait. */
  private static Matcher awaitMatch(BufferedReader out, Pattern pattern) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      Matcher matcher = pattern.matcher(line);
      if (matcher.find()) {
        return matcher;
      }
    }
    throw new AssertionError("the program ended without printing a line matching " + pattern);
  }

  /** What is left to read, up to the end: call once the process has ended. */
  private static List<String> rest(BufferedReader out) throws IOException {
    return out.lines().toList();
  }

  private static List<String> errors(Process process) throws IOException {
    return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
        .lines()
        .toList();
  }
}
