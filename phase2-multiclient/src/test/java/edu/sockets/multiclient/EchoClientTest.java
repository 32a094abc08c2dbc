package edu.sockets.multiclient;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client's command: against this phase's server, and against stand-in servers that the test
 * scripts by hand to misbehave.
 */
@DisplayName("EchoClient: lines from the keyboard or a pipe, replies on the screen")
@Timeout(10)
class EchoClientTest {

  private static final Duration EXIT = Duration.ofSeconds(5);

  @Test
  @DisplayName("piped lines: prints every reply, then exits 0 at the end of the input")
  void printsEveryReplyOfPipedInput() throws Exception {
    try (ServerFixture server = ServerFixture.start()) {
      CommandRun client =
          CommandRun.start(input("one\ntwo\nthree\n"), "client", "--port", "" + server.port());

      assertThat(client.awaitExit(EXIT)).isZero();
      List<String> printed = List.of(client.out.lines());
      assertThat(printed).hasSize(4);
      assertThat(printed.get(0))
          .startsWith("Connected to 127.0.0.1:" + server.port() + " from 127.0.0.1:");
      assertThat(printed.subList(1, 4))
          .allMatch(line -> line.matches("\\[127\\.0\\.0\\.1:\\d+] you said: (one|two|three)"));
      assertThat(client.err.text()).isEmpty();
    }
  }

  @Test
  @DisplayName("/exit: prints the goodbye, sends nothing after it, exits 0")
  void stopsAtExit() throws Exception {
    try (ServerFixture server = ServerFixture.start()) {
      CommandRun client =
          CommandRun.start(
              input("hi\n/exit\nnever sent\n"), "client", "--port", "" + server.port());

      assertThat(client.awaitExit(EXIT)).isZero();
      assertThat(client.out.lines()).hasSize(3);
      assertThat(client.out.lines()[2]).endsWith("] goodbye");
      assertThat(client.out.text()).doesNotContain("never sent");
    }
  }

  @Test
  @DisplayName("at the end of the input it waits for the replies to every line it sent")
  void waitsForEveryReplyAfterTheInputEnds() throws Exception {
    try (ServerSocket listener = loopbackListener()) {
      CommandRun client =
          CommandRun.start(input("a\nb\nc\n"), "client", "--port", "" + listener.getLocalPort());

      try (Socket connection = listener.accept()) {
        LineReader lines = new LineReader(connection.getInputStream());
        List<String> received = new ArrayList<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          received.add(line); // until the client's end of stream: its input has ended
        }
        assertThat(received).containsExactly("a", "b", "c");
        // Only now, after the client has stopped sending, do the replies go out.
        send(connection, "reply to a\nreply to b\nreply to c\n");
      }

      assertThat(client.awaitExit(EXIT)).isZero();
      assertThat(client.out.lines()).endsWith("reply to a", "reply to b", "reply to c");
    }
  }

  @Test
  @DisplayName("the server goes away while the user can still type: one clear line, exit 1")
  void saysSoWhenTheServerGoesAway() throws Exception {
    try (ServerSocket listener = loopbackListener();
        PipedOutputStream keyboard = new PipedOutputStream()) {
      InputStream typed = new PipedInputStream(keyboard);
      CommandRun client = CommandRun.start(typed, "client", "--port", "" + listener.getLocalPort());

      try (Socket connection = listener.accept()) {
        keyboard.write("hello\n".getBytes(UTF_8));
        keyboard.flush();
        assertThat(new LineReader(connection.getInputStream()).readLine()).isEqualTo("hello");
        send(connection, "hello to you\n");
      } // the stand-in server closes while the keyboard is still open

      assertThat(client.awaitExit(EXIT)).isEqualTo(1);
      assertThat(client.out.lines()).contains("hello to you");
      assertThat(client.err.lines())
          .containsExactly(
              "The server at 127.0.0.1:" + listener.getLocalPort() + " closed the connection.");
    }
  }

  @Test
  @DisplayName("the server closes with lines unanswered: says how many, exit 1")
  void saysHowManyLinesWentUnanswered() throws Exception {
    try (ServerSocket listener = loopbackListener()) {
      CommandRun client =
          CommandRun.start(input("a\nb\n"), "client", "--port", "" + listener.getLocalPort());

      try (Socket connection = listener.accept()) {
        connection.getInputStream().readAllBytes(); // read to end of stream, answer nothing
      }

      assertThat(client.awaitExit(EXIT)).isEqualTo(1);
      assertThat(client.err.lines())
          .singleElement()
          .asString()
          .contains("closed the connection with 2 of 2 lines unanswered");
    }
  }

  @Test
  @DisplayName("a server that never answers: gives up after --timeout once the input ends")
  void givesUpOnASilentServer() throws Exception {
    try (ServerSocket listener = loopbackListener()) {
      CommandRun client =
          CommandRun.start(
              input("anyone?\n"),
              "client",
              "--port",
              "" + listener.getLocalPort(),
              "--timeout",
              "1");

      try (Socket connection = listener.accept()) {
        assertThat(client.awaitExit(EXIT)).isEqualTo(1);
        assertThat(client.err.lines())
            .containsExactly(
                "No reply from 127.0.0.1:%d within 1 s: 0 of 1 lines answered."
                    .formatted(listener.getLocalPort()));
      }
    }
  }

  @Test
  @DisplayName("escape codes from a hostile server are shown, not sent to the terminal")
  void showsControlCharactersInReplies() throws Exception {
    try (ServerSocket listener = loopbackListener()) {
      CommandRun client =
          CommandRun.start(input("hi\n"), "client", "--port", "" + listener.getLocalPort());

      try (Socket connection = listener.accept()) {
        connection.getInputStream().readAllBytes(); // "hi", then the end of the client's input
        send(connection, "\u001b[2Jcleared your screen\n");
      }

      assertThat(client.awaitExit(EXIT)).isZero();
      assertThat(client.out.lines()).contains("\\x1b[2Jcleared your screen");
    }
  }

  private static InputStream input(String text) {
    return new ByteArrayInputStream(text.getBytes(UTF_8));
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(UTF_8));
    out.flush();
  }

  private static ServerSocket loopbackListener() throws IOException {
    return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }
}
