package edu.sockets.chat;

import static edu.sockets.chat.ChatClient.TS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The packaged jar, run as a user runs it: {@code java -jar target/phase4-gui.jar ...}, each
 * program in a process of its own, the server's admin console on its real standard input.
 */
@DisplayName("phase4-gui.jar: the programs as separate processes")
@Timeout(60)
class ChatJarIT {

  private static final Path TARGET = Path.of("target");
  private static final Path JAR = TARGET.resolve("phase4-gui.jar");
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
  private static final Pattern LISTENING = Pattern.compile("^Listening on (\\S+):(\\d+)$");

  @Test
  @DisplayName("server and the terminal client (input piped): a message goes round, exits 0")
  void serverAndClientChat() throws Exception {
    Process server = start("server", "--host", "127.0.0.1", "--port", "0");
    BufferedReader serverOut = reader(server);
    int port = awaitListening(serverOut);
    try (ChatClient bob = new ChatClient(new Socket("127.0.0.1", port))) {
      bob.socket.setSoTimeout(10_000);
      bob.expect("INFO .+");
      bob.send("/name bob");
      bob.expect("WELCOME bob");

      Process client = start("client", "--port", "" + port, "--name", "alice");
      try (OutputStream keyboard = client.getOutputStream()) {
        bob.expect("JOIN " + TS + " alice \\*");
        keyboard.write("hello from a jar\n".getBytes(StandardCharsets.UTF_8));
      } // end of input: the client says /exit
      bob.expect("MSG " + TS + " alice \\* hello from a jar");
      bob.expect("LEAVE " + TS + " alice \\* quit");
      assertThat(client.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(client.exitValue()).isZero();
      assertThat(output(client))
          .anyMatch(line -> line.matches("\\[\\d\\d:\\d\\d] alice: hello from a jar"));

      // The admin console on the server's real standard input.
      OutputStream console = server.getOutputStream();
      console.write("shutdown\n".getBytes(StandardCharsets.UTF_8));
      console.flush();
      bob.expect("INFO .+");
      bob.expect("BYE");
      assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(server.exitValue()).isZero();
    } finally {
      server.destroyForcibly();
    }
  }

  @Test
  @DisplayName("standard input closed: the server keeps serving; SIGTERM (as Ctrl+C) says BYE")
  void serverOutlivesStandardInputAndSaysByeOnSigterm() throws Exception {
    Process server = start("server", "--host", "127.0.0.1", "--port", "0");
    server.getOutputStream().close(); // as with </dev/null, or a server started in the background
    CapturedOutput log = new CapturedOutput();
    BufferedReader serverOut = reader(server);
    Thread.ofPlatform()
        .daemon()
        .start(() -> {
          try {
            serverOut.transferTo(log.writer);
          } catch (IOException e) {
            // The process is gone; what it printed is in log.
          }
        });
    int port = Integer.parseInt(log.awaitLine(LISTENING, Duration.ofSeconds(20)).group(2));
    try (ChatClient alice = new ChatClient(new Socket("127.0.0.1", port))) {
      alice.socket.setSoTimeout(10_000);
      alice.expect("INFO .+");
      alice.send("/name alice");
      alice.expect("WELCOME alice");
      alice.send("still serving");
      alice.expect("MSG " + TS + " alice \\* still serving");

      // SIGTERM runs the same shutdown hook as Ctrl+C (SIGINT). Through the handle, because
      // Process.destroy() would also close the pipes we read the server's log from.
      server.toHandle().destroy();

      alice.expect("INFO .+");
      alice.expect("BYE");
      assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
      log.awaitLine(Pattern.compile("^Admin console closed"), Duration.ofSeconds(5));
      log.awaitLine(Pattern.compile("shutting down$"), Duration.ofSeconds(5));
    } finally {
      server.destroyForcibly();
    }
  }

  @Test
  @DisplayName("kill -9: the account, a queued message and history are there after a restart")
  void accountsQueuesAndHistorySurviveKillNine() throws Exception {
    Path data = Files.createTempDirectory(TARGET, "it-kill-");
    String[] serve = ServerFixture.serverArgs(data.toString());
    Process server = start(serve);
    try {
      int port = awaitListening(reader(server));
      try (ChatClient alice = new ChatClient(new Socket("127.0.0.1", port));
          ChatClient bob = new ChatClient(new Socket("127.0.0.1", port))) {
        alice.socket.setSoTimeout(10_000);
        bob.socket.setSoTimeout(10_000);
        alice.expect("INFO .+");
        alice.send("/register alice correct horse");
        alice.expect("WELCOME alice");
        alice.send("/exit");
        alice.expect("BYE");
        bob.expect("INFO .+");
        bob.send("/name bob");
        bob.expect("WELCOME bob");
        bob.send("said before the crash");
        bob.send("/pm alice queued before the crash");
        bob.skipTo("QUEUED " + TS + " alice"); // committed: on disk before this line was sent
      }
      awaitHistoryRow(data.resolve("chat.db")); // history is written a moment later, in batches
      server.destroyForcibly(); // SIGKILL: no shutdown hook, no closing of the database
      assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(server.exitValue()).isEqualTo(137); // 128 + 9: killed by signal 9
    } finally {
      server.destroyForcibly();
    }

    Process again = start(serve);
    try {
      int port = awaitListening(reader(again));
      try (ChatClient alice = new ChatClient(new Socket("127.0.0.1", port))) {
        alice.socket.setSoTimeout(10_000);
        alice.expect("INFO .+");
        alice.send("/login alice correct horse");
        alice.expect("WELCOME alice");
        alice.expect("HISTORY " + TS + " bob \\* said before the crash");
        alice.expect("OFFLINE " + TS + " bob alice queued before the crash");
      }
    } finally {
      again.destroyForcibly();
    }
  }

  /** Bounded polling of the database file itself, as another program would read it. */
  private static void awaitHistoryRow(Path db) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db)) {
      while (true) {
        try (java.sql.ResultSet r =
            c.createStatement().executeQuery("SELECT count(*) FROM history")) {
          if (r.getInt(1) > 0) {
            return;
          }
        }
        assertThat(System.nanoTime()).as("a history row within 10 s").isLessThan(deadline);
        Thread.sleep(20); // polling a file another process writes: no event to wait on
      }
    }
  }

  @Test
  @DisplayName("grade: the jar gives the jar's own server full marks, exit 0")
  void gradeGivesTheOwnServerFullMarks() throws Exception {
    Process server = start("server", "--host", "127.0.0.1", "--port", "0");
    try {
      BufferedReader serverOut = reader(server);
      int port = awaitListening(serverOut);
      // The server logs every connection; read its log so that a full pipe never stops it.
      Thread.ofPlatform().daemon().start(() -> discard(serverOut));
      Path out = Files.createTempDirectory(TARGET, "it-grades-");

      Process grade = start("grade", "127.0.0.1:" + port, "--out", out.toString());

      assertThat(grade.waitFor(50, TimeUnit.SECONDS)).isTrue();
      List<String> lines = output(grade);
      assertThat(grade.exitValue()).as(String.join("\n", lines)).isZero();
      assertThat(lines).last().isEqualTo("Score: 44/44");
      assertThat(out.resolve("127.0.0.1_" + port).resolve("grade.md")).exists();
    } finally {
      server.destroyForcibly();
    }
  }

  private static void discard(BufferedReader log) {
    try {
      log.transferTo(Writer.nullWriter());
    } catch (IOException e) {
      // The process is gone: nothing more to read.
    }
  }

  @Test
  @DisplayName("client with no server: exit 1 and one line on stderr, no stack trace")
  void clientWithoutServerExitsOne() throws Exception {
    int port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      port = probe.getLocalPort();
    }

    Process client = start("client", "--port", "" + port, "--name", "x");

    assertThat(client.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(client.exitValue()).isEqualTo(1);
    assertThat(errors(client))
        .containsExactly(
            "Cannot connect to 127.0.0.1:%d (Connection refused). Is the server running?"
                .formatted(port));
  }

  private static Process start(String... args) throws IOException {
    assertThat(JAR).exists();
    List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    if (args[0].equals("server") && !command.contains("--data")) { // no history from other tests
      command.addAll(List.of("--data", Files.createTempDirectory(TARGET, "it-data-").toString()));
    }
    return new ProcessBuilder(command).start();
  }

  private static BufferedReader reader(Process process) {
    return new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  private static int awaitListening(BufferedReader out) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.matches()) {
        return Integer.parseInt(matcher.group(2));
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
