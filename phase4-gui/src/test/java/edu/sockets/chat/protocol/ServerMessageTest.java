package edu.sockets.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.protocol.ServerMessage.Bye;
import edu.sockets.chat.protocol.ServerMessage.Err;
import edu.sockets.chat.protocol.ServerMessage.Info;
import edu.sockets.chat.protocol.ServerMessage.Join;
import edu.sockets.chat.protocol.ServerMessage.Leave;
import edu.sockets.chat.protocol.ServerMessage.Msg;
import edu.sockets.chat.protocol.ServerMessage.Nick;
import edu.sockets.chat.protocol.ServerMessage.Ping;
import edu.sockets.chat.protocol.ServerMessage.RoomCount;
import edu.sockets.chat.protocol.ServerMessage.Rooms;
import edu.sockets.chat.protocol.ServerMessage.Unknown;
import edu.sockets.chat.protocol.ServerMessage.Users;
import edu.sockets.chat.protocol.ServerMessage.Welcome;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ServerMessage: formatting the server's lines, and reading them back")
class ServerMessageTest {

  private static final Instant TS = Instant.parse("2026-11-22T10:15:30Z");
  private static final Instant TS_MILLIS = Instant.parse("2026-11-22T10:15:30.125Z");

  static Stream<Arguments> everyMessage() {
    return Stream.of(
        Arguments.of(new Info("Welcome to the chat"), "INFO Welcome to the chat"),
        Arguments.of(new Welcome("alice"), "WELCOME alice"),
        Arguments.of(
            Err.of(ErrorCode.NAME_TAKEN, "alice is taken"), "ERR NAME_TAKEN alice is taken"),
        Arguments.of(
            new Msg(TS, "alice", "*", "hello  there "),
            "MSG 2026-11-22T10:15:30Z alice * hello  there "),
        Arguments.of(
            new Msg(TS_MILLIS, "bob", "#java", "hi"), "MSG 2026-11-22T10:15:30.125Z bob #java hi"),
        Arguments.of(
            new Msg(TS, "server", "*", "maintenance at 5"),
            "MSG 2026-11-22T10:15:30Z server * maintenance at 5"),
        Arguments.of(
            new Msg(TS, "alice", "bob", "psst"), "MSG 2026-11-22T10:15:30Z alice bob psst"),
        Arguments.of(new Join(TS, "alice", "*"), "JOIN 2026-11-22T10:15:30Z alice *"),
        Arguments.of(new Join(TS, "alice", "#java"), "JOIN 2026-11-22T10:15:30Z alice #java"),
        Arguments.of(
            new Leave(TS, "alice", "*", "quit"), "LEAVE 2026-11-22T10:15:30Z alice * quit"),
        Arguments.of(
            new Leave(TS, "alice", "#java", null), "LEAVE 2026-11-22T10:15:30Z alice #java"),
        Arguments.of(new Nick(TS, "alice", "alicia"), "NICK 2026-11-22T10:15:30Z alice alicia"),
        Arguments.of(new Users("*", List.of("Amy", "bob")), "USERS * Amy bob"),
        Arguments.of(new Users("#java", List.of("bob")), "USERS #java bob"),
        Arguments.of(
            new Rooms(List.of(new RoomCount("#java", 2), new RoomCount("#zeta", 1))),
            "ROOMS #java:2 #zeta:1"),
        Arguments.of(new Rooms(List.of()), "ROOMS"),
        Arguments.of(new Ping("1a"), "PING 1a"),
        Arguments.of(new Bye(), "BYE"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("everyMessage")
  @DisplayName("every message formats to its line and parses back")
  void formatsAndParsesEveryMessage(ServerMessage message, String line) {
    assertThat(message.toLine()).isEqualTo(line);
    assertThat(ServerMessage.parse(line)).isEqualTo(message);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "",
        "HELLO there",
        "MSG",
        "MSG notatime alice * hi",
        "MSG 2026-11-22T10:15:30Z alice *",
        "JOIN 2026-11-22T10:15:30Z alice",
        "NICK 2026-11-22T10:15:30Z a b c",
        "ROOMS #a:x",
        "USERS",
        "PING",
        "PING two words",
        "msg 2026-11-22T10:15:30Z alice * lower case"
      })
  @DisplayName("a line a client cannot read comes back as Unknown, never an exception")
  void unreadableLinesAreUnknown(String line) {
    assertThat(ServerMessage.parse(line)).isEqualTo(new Unknown(line));
  }
}
