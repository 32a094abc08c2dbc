package edu.sockets.multiclient;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.multiclient.ServerFixture.Connection;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server, end to end over loopback: what it answers through its socket, and what it logs. */
@DisplayName("EchoServer: many clients over real sockets")
@Timeout(10)
class EchoServerTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  /** The start of every event line in the server's log: a timestamp to the millisecond. */
  private static final String TIMESTAMP = "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}  ";

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"hello", "سلام، دنیا 👋", "  two  spaces  "})
  @DisplayName("the reply names the client's ip:port, as the server sees it, and repeats its line")
  void repliesWithTheClientsIpAndPort(String line) throws Exception {
    try (ServerFixture server = ServerFixture.start();
        Connection client = server.connect()) {
      String reply = "[" + client.who() + "] you said: " + line;

      client.send(line + "\n");
      assertThat(client.readLine()).isEqualTo(reply);
      client.send(line + "\r\n"); // as Windows programs and telnet end their lines
      assertThat(client.readLine()).as("CR LF: the CR is not part of the line").isEqualTo(reply);
    }
  }

  @Test
  @DisplayName("200 lines sent in one write are answered one by one, in order")
  void keepsTheOrderOfEachClientsLines() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        Connection client = server.connect()) {
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < 200; i++) {
        lines.append("line ").append(i).append('\n');
      }
      client.send(lines.toString());

      for (int i = 0; i < 200; i++) {
        assertThat(client.readLine()).isEqualTo("[" + client.who() + "] you said: line " + i);
      }
    }
  }

  @ParameterizedTest(name = "--threads {0}")
  @ValueSource(strings = {"virtual", "platform"})
  @DisplayName("50 clients connected at once are all served, each its own reply")
  void servesFiftyClientsAtOnce(String threads) throws Exception {
    List<Connection> clients = new ArrayList<>();
    try (ServerFixture server = ServerFixture.start("--threads", threads)) {
      for (int i = 0; i < 50; i++) {
        clients.add(server.connect()); // all fifty are connected before anyone speaks
      }
      for (int i = 0; i < 50; i++) {
        clients.get(i).send("I am client " + i + "\n");
      }

      for (int i = 0; i < 50; i++) {
        Connection client = clients.get(i);
        assertThat(client.readLine())
            .isEqualTo("[" + client.who() + "] you said: I am client " + i);
      }
      server.run().out.awaitLine(Pattern.compile(TIMESTAMP + ".* connected; 50 online$"), WAIT);
    } finally {
      for (Connection client : clients) {
        client.close();
      }
    }
  }

  @Test
  @DisplayName("a silent client, and one stuck in the middle of a line, do not delay another")
  void aSilentClientDoesNotBlockAnother() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        Connection silent = server.connect();
        Connection halfway = server.connect().send("half a li");
        Connection talker = server.connect()) {
      talker.send("anyone there?\n");

      assertThat(talker.readLine()).isEqualTo("[" + talker.who() + "] you said: anyone there?");

      halfway.send("ne\n");
      assertThat(halfway.readLine()).isEqualTo("[" + halfway.who() + "] you said: half a line");
      silent.send("still here\n");
      assertThat(silent.readLine()).isEqualTo("[" + silent.who() + "] you said: still here");
    }
  }

  @Test
  @DisplayName("/exit: a goodbye line, then the server closes; another client does not notice")
  void exitSaysGoodbyeThenCloses() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        Connection leaving = server.connect();
        Connection staying = server.connect()) {
      leaving.send("/exit\n");

      assertThat(leaving.readLine()).isEqualTo("[" + leaving.who() + "] goodbye");
      assertThat(leaving.readLine()).as("end of stream: the server closed").isNull();
      staying.send("still open?\n");
      assertThat(staying.readLine()).isEqualTo("[" + staying.who() + "] you said: still open?");
    }
  }

  @Test
  @DisplayName("end of stream: the server answers what came before it, then closes")
  void endOfStreamEndsTheConnection() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        Connection client = server.connect()) {
      client.send("last words\n");
      client.socket.shutdownOutput(); // FIN: nothing more will come from this side

      assertThat(client.readLine()).isEqualTo("[" + client.who() + "] you said: last words");
      assertThat(client.readLine()).as("end of stream: the server closed").isNull();
      server
          .run()
          .out
          .awaitLine(
              Pattern.compile(
                  TIMESTAMP
                      + Pattern.quote(client.who())
                      + " left \\(closed the connection\\) after .*, 1 line sent; 0 online$"),
              WAIT);
    }
  }

  @Test
  @DisplayName("a reset (RST) ends only that connection; the others carry on")
  void aResetEndsOnlyThatConnection() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        Connection other = server.connect()) {
      Connection rude = server.connect().send("hi\n");
      String rudeWho = rude.who();
      assertThat(rude.readLine()).isEqualTo("[" + rudeWho + "] you said: hi");

      rude.socket.setSoLinger(true, 0); // closing now sends RST instead of FIN
      rude.close();

      other.send("are you well?\n");
      assertThat(other.readLine()).isEqualTo("[" + other.who() + "] you said: are you well?");
      server
          .run()
          .out
          .awaitLine(
              Pattern.compile(
                  TIMESTAMP + Pattern.quote(rudeWho) + " left \\(Connection reset\\) after "),
              WAIT);
    }
  }

  @Test
  @DisplayName("the log names each client's ip:port, with a timestamp, as it comes and goes")
  void logsEachClientOnArrivalAndDeparture() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        Connection first = server.connect()) {
      CapturedOutput log = server.run().out;
      String firstWho = first.who();
      log.awaitLine(
          Pattern.compile(TIMESTAMP + Pattern.quote(firstWho) + " connected; 1 online$"), WAIT);
      String secondWho;
      try (Connection second = server.connect()) {
        secondWho = second.who();
        log.awaitLine(
            Pattern.compile(TIMESTAMP + Pattern.quote(secondWho) + " connected; 2 online$"), WAIT);

        first.send("one\ntwo\n/exit\n");
        log.awaitLine(
            Pattern.compile(
                TIMESTAMP
                    + Pattern.quote(firstWho)
                    + " left \\(said /exit\\) after (\\d+ ms|\\d+\\.\\d s), 3 lines sent;"
                    + " 1 online$"),
            WAIT);
      } // the second client closes without a word

      log.awaitLine(
          Pattern.compile(
              TIMESTAMP
                  + Pattern.quote(secondWho)
                  + " left \\(closed the connection\\) after .*, 0 lines sent; 0 online$"),
          WAIT);
    }
  }

  @Test
  @DisplayName("a line over 8192 bytes gets an error line; the connection stays usable")
  void refusesAnOverlongLineAndCarriesOn() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        Connection client = server.connect()) {
      String error = "[" + client.who() + "] error: line longer than 8192 bytes, ignored";

      client.send("x".repeat(LineReader.MAX_LINE_BYTES + 1) + "\nafter\n");
      assertThat(client.readLine()).isEqualTo(error);
      assertThat(client.readLine()).isEqualTo("[" + client.who() + "] you said: after");

      client.send("y".repeat(4 << 20) + "\nafter 4 MiB\n"); // refused early, the rest skipped
      assertThat(client.readLine()).isEqualTo(error);
      assertThat(client.readLine()).isEqualTo("[" + client.who() + "] you said: after 4 MiB");

      String longest = "z".repeat(LineReader.MAX_LINE_BYTES);
      client.send(longest + "\r\n");
      assertThat(client.readLine()).isEqualTo("[" + client.who() + "] you said: " + longest);
    }
  }

  @Test
  @DisplayName("bytes that are not UTF-8 come back as U+FFFD")
  void replacesInvalidUtf8() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        Connection client = server.connect()) {
      client.send(new byte[] {'a', (byte) 0xC3, 'b', (byte) 0xFF, (byte) 0xFE, '\n'});

      assertThat(client.readLine())
          .isEqualTo("[" + client.who() + "] you said: a\uFFFDb\uFFFD\uFFFD");
    }
  }

  @Test
  @DisplayName("NUL, ESC, a bare CR and other control bytes are shown as \\xNN, in reply and log")
  void showsControlBytesEscaped() throws Exception {
    try (ServerFixture server = ServerFixture.start("--verbose");
        Connection client = server.connect()) {
      client.send("a\u0000b\u001b[2J\rfake log line\u0007\n");

      String shown = "a\\x00b\\x1b[2J\\x0dfake log line\\x07";
      assertThat(client.readLine()).isEqualTo("[" + client.who() + "] you said: " + shown);
      server
          .run()
          .out
          .awaitLine(Pattern.compile(Pattern.quote(client.who() + " sent: " + shown) + "$"), WAIT);
    }
  }

  @Test
  @DisplayName("a line sent one byte at a time, a character split in two, is still one line")
  void readsALineSentOneByteAtATime() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        Connection client = server.connect()) {
      client.socket.setTcpNoDelay(true); // each byte leaves in a segment of its own
      for (byte b : "héllo 👋\n".getBytes(UTF_8)) {
        client.send(new byte[] {b});
      }

      assertThat(client.readLine()).isEqualTo("[" + client.who() + "] you said: héllo 👋");
    }
  }

  @Test
  @DisplayName("shutdown stops accepting, closes every client, logs a summary and exits 0")
  void shutdownClosesEveryClient() throws Exception {
    try (ServerFixture server = ServerFixture.start()) {
      List<Connection> clients = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Connection client = server.connect().send("hello\n");
        client.readLine();
        clients.add(client);
      }

      assertThat(server.stop()).isZero();

      for (Connection client : clients) {
        assertThat(endOfConnection(client)).as("the server closed " + client.who()).isTrue();
        client.close();
      }
      assertThat(server.run().out.lines())
          .anyMatch(line ->
              line.matches(TIMESTAMP + "Shutting down: no new clients; disconnecting 3 online$"))
          .anyMatch(line ->
              line.matches(
                  TIMESTAMP
                      + "Stopped after .*: 3 clients served, 3 lines received; 3 disconnected at shutdown$"));
      assertThat(server.run().out.lines())
          .filteredOn(line -> line.contains("left (server shutting down)"))
          .hasSize(3);
    }
  }

  /** True once the connection has ended: end of stream, or a reset. */
  private static boolean endOfConnection(Connection client) throws IOException {
    try {
      return client.readLine() == null;
    } catch (SocketException reset) {
      return true;
    }
  }
}
