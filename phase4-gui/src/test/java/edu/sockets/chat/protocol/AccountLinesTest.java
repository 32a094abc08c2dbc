package edu.sockets.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.protocol.ServerMessage.History;
import edu.sockets.chat.protocol.ServerMessage.Offline;
import edu.sockets.chat.protocol.ServerMessage.Queued;
import edu.sockets.chat.protocol.ServerMessage.Unknown;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Protocol version 2: /register, /login, HISTORY, OFFLINE, QUEUED")
class AccountLinesTest {

  private static final Instant TS = Instant.parse("2026-11-22T10:15:30.125Z");

  @Test
  void registerTakesTheRestOfTheLineAsThePasswordSpacesIncluded() {
    assertThat(Command.parse("/register alice  two  spaces  "))
        .isEqualTo(new Command.Register("alice", " two  spaces  "));
    assertThat(Command.parse("/LOGIN Alice correct horse"))
        .isEqualTo(new Command.Login("Alice", "correct horse"));
  }

  @Test
  void aParsedCommandNeverShowsItsPassword() {
    assertThat(Command.parse("/login alice s3cret-passw0rd").toString())
        .contains("alice")
        .doesNotContain("s3cret");
    assertThat(Command.parse("/register alice s3cret-passw0rd").toString())
        .doesNotContain("s3cret");
  }

  @Test
  void anInvalidPasswordIsRefusedWithoutRepeatingIt() {
    Command c = Command.parse("/register alice short");
    assertThat(c).isInstanceOf(Command.Invalid.class);
    Command.Invalid invalid = (Command.Invalid) c;
    assertThat(invalid.code()).isEqualTo(ErrorCode.PASSWORD_INVALID);
    assertThat(invalid.text()).doesNotContain("short");
    assertThat(invalid.word()).isEqualTo("/register");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/login", "/login ", "/login alice", "/register  alice password1"})
  void missingArgumentsAreUsageErrors(String line) {
    assertThat(Command.parse(line))
        .isInstanceOfSatisfying(
            Command.Invalid.class, i -> assertThat(i.code()).isEqualTo(ErrorCode.USAGE));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/login server password1", "/register al!ce password1"})
  void badNamesAreNameErrors(String line) {
    assertThat(Command.parse(line))
        .isInstanceOfSatisfying(
            Command.Invalid.class, i -> assertThat(i.code()).isEqualTo(ErrorCode.NAME_INVALID));
  }

  @Test
  void controlCharactersAreRemovedBeforeThePasswordIsRead() {
    assertThat(Command.parse("/login alice pass\u001bword1"))
        .isEqualTo(new Command.Login("alice", "password1"));
  }

  @Test
  void commandsGoRoundThroughTheirLine() {
    Command register = new Command.Register("bob", " a b c d e ");
    assertThat(Command.parse(register.toLine())).isEqualTo(register);
    Command login = new Command.Login("bob", "12345678");
    assertThat(Command.parse(login.toLine())).isEqualTo(login);
  }

  @Test
  void newServerLinesGoRound() {
    for (ServerMessage m :
        new ServerMessage[] {
          new History(TS, "alice", "*", "hi  there "),
          new History(TS, "bob", "#java", "a room"),
          new Offline(TS, "bob", "alice", "while you were away"),
          new Queued(TS, "alice")
        }) {
      assertThat(ServerMessage.parse(m.toLine())).isEqualTo(m);
    }
    assertThat(new Queued(TS, "alice").toLine()).isEqualTo("QUEUED 2026-11-22T10:15:30.125Z alice");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "HISTORY",
        "HISTORY yesterday alice * hi",
        "HISTORY 2026-11-22T10:15:30Z alice",
        "OFFLINE 2026-11-22T10:15:30Z bob",
        "QUEUED 2026-11-22T10:15:30Z",
        "QUEUED 2026-11-22T10:15:30Z alice extra"
      })
  void brokenLinesAreUnknownNotExceptions(String line) {
    assertThat(ServerMessage.parse(line)).isEqualTo(new Unknown(line));
  }
}
