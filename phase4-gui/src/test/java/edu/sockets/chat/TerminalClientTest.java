package edu.sockets.chat;

import static edu.sockets.chat.ChatClient.TS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The terminal client, run in-process with its standard input a pipe (so it uses the plain reader,
 * without colour), against the server through the fixture.
 */
@DisplayName("TerminalClient: chatting from a terminal")
@Timeout(20)
class TerminalClientTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private static CommandRun client(ServerFixture server, String... more) {
    String[] args =
        Stream.concat(
                Stream.of("client", "--host", server.host(), "--port", "" + server.port()),
                Stream.of(more))
            .toArray(String[]::new);
    return CommandRun.start(args);
  }

  private static Pattern line(String regex) {
    return Pattern.compile("^" + regex + "$");
  }

  @Test
  @DisplayName("shows messages in human form with local time; end of input leaves with exit 0")
  void showsMessagesAndLeavesAtEndOfInput() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        ChatClient bob = server.user("bob")) {
      CommandRun alice = client(server, "--name", "alice");
      alice.out.awaitLine(line("You are alice\\. .*"), WAIT);
      bob.expect("JOIN " + TS + " alice \\*");

      bob.send("hi alice");
      alice.out.awaitLine(line("\\[\\d\\d:\\d\\d] bob: hi alice"), WAIT);
      bob.send("/pm alice just for you");
      alice.out.awaitLine(line("\\[\\d\\d:\\d\\d] bob -> you \\(private\\): just for you"), WAIT);
      alice.type("/pm bob and back");
      alice.out.awaitLine(line("\\[\\d\\d:\\d\\d] you -> bob \\(private\\): and back"), WAIT);
      alice.type("/help");
      alice.out.awaitLine(line("  /join #room .*"), WAIT);
      alice.type("/who");
      alice.out.awaitLine(line("Online \\(2\\): alice, bob"), WAIT);

      alice.closeInput();
      assertThat(alice.awaitExit(WAIT)).isZero();
      bob.skipTo("LEAVE " + TS + " alice \\* quit");
      assertThat(alice.out.text())
          .contains("Bye.")
          .doesNotContain("\u001b")
          .as("the banner's instruction, for people who type /name themselves")
          .doesNotContain("Choose a name");
    }
  }

  @Test
  @DisplayName(
      "accounts: --register, then --login: a warning first, a wrong password asked again, no echo")
  void registersThenLogsIn() throws Exception {
    try (ServerFixture server = ServerFixture.start()) {
      CommandRun first = client(server, "--name", "dave", "--register");
      first.out.awaitLine(line("Warning: this connection is not encrypted\\. .*"), WAIT);
      first.type("correct horse battery");
      first.out.awaitLine(line("You are dave\\. .*"), WAIT);
      first.type("/exit");
      assertThat(first.awaitExit(WAIT)).isZero();

      CommandRun again = client(server, "--name", "dave", "--login");
      again.type("wrong horse battery");
      again.out.awaitLine(line("error: wrong name or password"), WAIT);
      again.type("dave"); // asked for the name again, then the password
      again.type("correct horse battery");
      again.out.awaitLine(line("You are dave\\. .*"), WAIT);
      again.type("/login dave"); // no password on the line: it is asked for apart
      again.type("correct horse battery");
      again.out.awaitLine(line("error: you are signed in as dave"), WAIT);
      again.type("/exit");
      assertThat(again.awaitExit(WAIT)).isZero();
      assertThat(first.out.text() + again.out.text()).doesNotContain("horse");
    }
  }

  @Test
  @DisplayName("asks for a name when none is given, and again when it is taken")
  void asksForANameUntilOneIsFree() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        ChatClient taken = server.user("carol")) {
      CommandRun client = client(server);
      client.type("Carol");
      client.out.awaitLine(line("error: Carol is taken; choose another name"), WAIT);
      client.type("carol2");
      client.out.awaitLine(line("You are carol2\\. .*"), WAIT);
      assertThat(client.out.text()).doesNotContain("/name <name>"); // it asks "Your name:"
      taken.expect("JOIN " + TS + " carol2 \\*");
      client.type("/exit");
      assertThat(client.awaitExit(WAIT)).isZero();
    }
  }

  @Test
  @DisplayName("when the server goes away: a clear message and exit 1")
  void reportsTheServerGoingAway() throws Exception {
    CommandRun client;
    try (ServerFixture server = ServerFixture.start()) {
      client = client(server, "--name", "dave");
      client.out.awaitLine(line("You are dave\\. .*"), WAIT);
    } // closing the fixture shuts the server down

    assertThat(client.awaitExit(WAIT)).isEqualTo(1);
    assertThat(client.out.text()).contains("closed the chat (it is shutting down)");
  }

  @Test
  @DisplayName("when kicked: the reason, and exit 1")
  void reportsBeingKicked() throws Exception {
    try (ServerFixture server = ServerFixture.start()) {
      CommandRun client = client(server, "--name", "erin");
      client.out.awaitLine(line("You are erin\\. .*"), WAIT);

      server.console("kick erin be nice");

      assertThat(client.awaitExit(WAIT)).isEqualTo(1);
      assertThat(client.out.text()).contains("You were removed from the chat: be nice");
    }
  }

  @Test
  @DisplayName("timed out by the server (no name in time): says why, exit 1")
  void timedOutSaysWhy() throws Exception {
    try (ServerFixture server = ServerFixture.start("--register-timeout", "0.2")) {
      CommandRun slow = client(server); // asks for a name, and nobody types one

      assertThat(slow.awaitExit(WAIT)).isEqualTo(1);
      assertThat(slow.out.text())
          .contains(
              "The server at "
                  + server.host()
                  + ":"
                  + server.port()
                  + " closed the connection: no name chosen within 0.2 s; /name <name>.");
    }
  }

  @Test
  @DisplayName("refused by a full server: says it is full, not 'is the server running?', exit 1")
  void fullServerSaysSo() throws Exception {
    try (ServerFixture server = ServerFixture.start("--max-clients", "1");
        ChatClient holder = server.user("holder")) {
      CommandRun late = client(server, "--name", "late");

      assertThat(late.awaitExit(WAIT)).isEqualTo(1);
      assertThat(late.out.text())
          .contains(
              "The server at %s:%d closed the connection: the server has its maximum of 1"
                      .formatted(server.host(), server.port())
                  + " connections; try again later.")
          .doesNotContain("Is the server still running?");
    }
  }
}
