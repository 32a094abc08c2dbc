package edu.sockets.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The chat client's command, typed on through a pipe, against this phase's server. */
@DisplayName("BroadcastClient: the interactive client")
@Timeout(20)
class BroadcastClientTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  @DisplayName("prints what others send while sending what is typed; /exit leaves with 0")
  void chatsAndLeavesWithExit() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        TestClient other = server.join()) {
      CommandRun client = CommandRun.startTyping("client", "--port", "" + server.port());
      String name =
          client.out.awaitLine(Pattern.compile("^\\*\\*\\* Welcome (\\S+)! "), WAIT).group(1);
      assertThat(other.readAbout(name)).isEqualTo("*** " + name + " joined");

      other.send("hi there");
      client.out.awaitLine(
          Pattern.compile("^\\[" + Pattern.quote(other.name()) + "] hi there$"), WAIT);
      client.type("hello from the keyboard\n");
      assertThat(other.readAbout(name)).isEqualTo("[" + name + "] hello from the keyboard");
      client.type("/exit\n");

      assertThat(client.awaitExit(WAIT)).isZero();
      assertThat(client.out.lines()[0])
          .startsWith("Connected to 127.0.0.1:" + server.port() + " from local port ");
      assertThat(client.out.lines()).endsWith("*** Goodbye " + name + ".");
      assertThat(other.readAbout(name)).isEqualTo("*** " + name + " left (/exit)");
      assertThat(client.err.text()).isEmpty();
    }
  }

  @Test
  @DisplayName("end of input (Ctrl+D, or the end of a piped file) leaves too, with 0")
  void endOfInputLeaves() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        TestClient other = server.join()) {
      CommandRun client = CommandRun.startTyping("client", "--port", "" + server.port());
      client.type("last words\n");
      client.endInput();

      assertThat(client.awaitExit(WAIT)).isZero();
      String joined = other.readAbout(" joined");
      String name = joined.substring("*** ".length(), joined.indexOf(" joined"));
      assertThat(other.readAbout(name)).isEqualTo("[" + name + "] last words");
      assertThat(other.readAbout(name)).isEqualTo("*** " + name + " left (closed the connection)");
    }
  }

  @Test
  @DisplayName("the server goes away: one clear line on stderr, exit 1")
  void reportsTheServerGoingAway() throws Exception {
    try (ServerFixture server = ServerFixture.start()) {
      CommandRun client = CommandRun.startTyping("client", "--port", "" + server.port());
      client.out.awaitLine(Pattern.compile("^\\*\\*\\* Welcome "), WAIT);

      server.stop();

      assertThat(client.awaitExit(WAIT)).isEqualTo(1);
      assertThat(client.out.lines()).endsWith("*** Server shutting down. Goodbye.");
      assertThat(client.err.lines())
          .containsExactly("The server at 127.0.0.1:" + server.port() + " closed the connection.");
    }
  }

  @Test
  @DisplayName("a typed line over 8192 bytes is not sent; the client says so and goes on")
  void refusesAnOverlongTypedLine() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        TestClient other = server.join()) {
      CommandRun client = CommandRun.startTyping("client", "--port", "" + server.port());
      other.readAbout(" joined");
      client.type("z".repeat(LineReader.MAX_LINE_BYTES + 1) + "\nshort\n");

      client.err.awaitLine(
          Pattern.compile("^Line too long \\(over 8192 bytes\\): not sent\\.$"), WAIT);
      assertThat(other.readRelayed()).endsWith("] short");
      client.endInput();
      assertThat(client.awaitExit(WAIT)).isZero();
    }
  }
}
