package edu.sockets.multiclient;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edu.sockets.multiclient.load.LoadGenerator;
import edu.sockets.multiclient.load.LoadResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as a user runs it: {@code java -jar target/phase2-multiclient.jar ...},
 * each program in a process of its own.
 */
@DisplayName("phase2-multiclient.jar: the programs as separate processes")
@Timeout(60)
class MultiClientJarIT {

  private static final Path JAR = Path.of("target", "phase2-multiclient.jar");
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
  private static final Pattern LISTENING = Pattern.compile("^Listening on (\\S+):(\\d+)$");
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  @DisplayName("server --port 0, and a client with piped input: every reply, then exit 0")
  void clientWithPipedInputGetsEveryReply() throws Exception {
    Process server = start("server", "--port", "0");
    String port = capture(server).awaitLine(LISTENING, WAIT).group(2);
    try {
      Process client = start("client", "--host", "127.0.0.1", "--port", port);
      try (OutputStream stdin = client.getOutputStream()) {
        stdin.write("hello\nسلام 👋\n".getBytes(UTF_8));
      } // end of input: the client half-closes, and waits for both replies

      assertThat(client.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(client.exitValue()).isZero();
      List<String> printed = lines(client.getInputStream().readAllBytes());
      assertThat(printed).hasSize(3);
      assertThat(printed.get(1)).matches("\\[[0-9.]+:\\d+] you said: hello");
      assertThat(printed.get(2)).matches("\\[[0-9.]+:\\d+] you said: سلام 👋");
    } finally {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName("grade against the jar's own server: full marks, exit 0")
  void gradeGivesTheOwnServerFullMarks(@TempDir Path grades) throws Exception {
    Process server = start("server", "--host", "127.0.0.1", "--port", "0");
    String port = capture(server).awaitLine(LISTENING, WAIT).group(2);
    try {
      Process grade = start("grade", "127.0.0.1:" + port, "--out", grades.toString());
      List<String> printed = lines(grade.getInputStream().readAllBytes());

      assertThat(grade.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(grade.exitValue()).as(String.join("\n", printed)).isZero();
      assertThat(printed).last().isEqualTo("Score: 23/23");
      assertThat(grades.resolve("127.0.0.1_" + port).resolve("results.json")).exists();
    } finally {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName("SIGTERM: the server closes every client, prints a summary, and exits in seconds")
  void sigtermShutsTheServerDownCleanly() throws Exception {
    Process server = start("server", "--port", "0");
    CapturedOutput log = capture(server);
    int port = Integer.parseInt(log.awaitLine(LISTENING, WAIT).group(2));
    List<Socket> clients = new ArrayList<>();
    try {
      for (int i = 1; i <= 2; i++) {
        Socket client = new Socket("127.0.0.1", port);
        client.setSoTimeout(10_000);
        clients.add(client);
        log.awaitLine(Pattern.compile(" connected; " + i + " online$"), WAIT);
      }

      long before = System.nanoTime();
      // SIGTERM, as kill(1) sends. Through the handle: Process.destroy() would also close the
      // pipes we read the server's output from.
      assertThat(server.toHandle().destroy()).isTrue();

      for (Socket client : clients) {
        assertThat(endOfConnection(client)).as("the server closed the client").isTrue();
      }
      assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
      assertThat(server.exitValue()).as("128 + 15: ended by SIGTERM").isEqualTo(143);
      log.awaitLine(
          Pattern.compile("Shutting down: no new clients; disconnecting 2 online$"), WAIT);
      log.awaitLine(
          Pattern.compile(
              "Stopped after .*: 2 clients served, 0 lines received; 2 disconnected at shutdown$"),
          WAIT);
    } finally {
      for (Socket client : clients) {
        client.close();
      }
      server.destroyForcibly();
    }
  }

  @Test
  @DisplayName("load with too low a ulimit -n: one line naming the ulimit to run, exit 1")
  void loadRefusesWhenTheDescriptorLimitIsTooLow() throws Exception {
    Process load = startWithDescriptorLimit(200, "load", "--clients", "1000");

    assertThat(load.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(load.exitValue()).isEqualTo(1);
    assertThat(lines(load.getErrorStream().readAllBytes()))
        .singleElement()
        .asString()
        .startsWith("Not enough file descriptors for 1000 clients: this process may have 200")
        .contains("ulimit -n 1100");
  }

  @Test
  @DisplayName("out of file descriptors: the server says so, waits, and serves again later")
  void serverSurvivesRunningOutOfFileDescriptors() throws Exception {
    // 40 descriptors: about a dozen for the JVM itself, the rest for clients.
    Process server = startWithDescriptorLimit(40, "server", "--host", "127.0.0.1", "--port", "0");
    CapturedOutput log = capture(server);
    int port = Integer.parseInt(log.awaitLine(LISTENING, WAIT).group(2));
    try {
      // A crowd of 60 arrives at once; those the server cannot take give up after 2 s.
      LoadResult crowd = LoadGenerator.run("127.0.0.1", port, 60, 0, 1, Duration.ofSeconds(2));
      assertThat(crowd.succeeded()).as("some of the crowd were turned away").isFalse();
      log.awaitLine(Pattern.compile("Cannot accept more clients \\(Too many open files\\)"), WAIT);

      try (Socket late = new Socket("127.0.0.1", port)) {
        late.setSoTimeout(10_000);
        late.getOutputStream().write("still there?\n".getBytes(UTF_8));
        assertThat(new LineReader(late.getInputStream()).readLine())
            .endsWith("you said: still there?");
      }
    } finally {
      server.toHandle().destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
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
    assertThat(lines(client.getErrorStream().readAllBytes()))
        .containsExactly(
            "Cannot connect to 127.0.0.1:%d (Connection refused). Is the server running?"
                .formatted(port));
  }

  private static Process start(String... args) throws IOException {
    assertThat(JAR).exists();
    List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  /**
   * Starts the jar under {@code ulimit -n limit}, as a user would in a shell: bash lowers the limit
   * (soft and hard), then becomes the java process. Skips the test where there is no bash.
   */
  private static Process startWithDescriptorLimit(int limit, String... args) throws IOException {
    Path bash = Path.of("/bin/bash");
    assumeTrue(
        Files.isExecutable(bash) && System.getProperty("os.name").equals("Linux"),
        "needs Linux and bash to lower ulimit -n");
    assertThat(JAR).exists();
    // bash -c 'script' java jar args...: in the script, "$0" is java, "$1" the jar, the rest args.
    List<String> command =
        new ArrayList<>(
            List.of(
                bash.toString(),
                "-c",
                "ulimit -n " + limit + " && exec \"$0\" -jar \"$1\" \"${@:2}\"",
                JAVA,
                JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  /** The process's standard output, copied line by line as it comes, to be awaited. */
  private static CapturedOutput capture(Process process) {
    CapturedOutput output = new CapturedOutput();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
    Thread.ofVirtual()
        .start(() -> {
          try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
              output.writer.println(line);
            }
          } catch (IOException e) {
            output.writer.println("(output unreadable: " + e.getMessage() + ")");
          }
        });
    return output;
  }

  private static boolean endOfConnection(Socket socket) throws IOException {
    try {
      return socket.getInputStream().read() == -1;
    } catch (SocketException reset) {
      return true;
    }
  }

  private static List<String> lines(byte[] bytes) {
    return new String(bytes, UTF_8).lines().toList();
  }
}
