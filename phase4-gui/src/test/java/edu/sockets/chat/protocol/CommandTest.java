package edu.sockets.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.protocol.Command.Blank;
import edu.sockets.chat.protocol.Command.Exit;
import edu.sockets.chat.protocol.Command.Help;
import edu.sockets.chat.protocol.Command.Invalid;
import edu.sockets.chat.protocol.Command.Join;
import edu.sockets.chat.protocol.Command.Leave;
import edu.sockets.chat.protocol.Command.ListRooms;
import edu.sockets.chat.protocol.Command.Pong;
import edu.sockets.chat.protocol.Command.Say;
import edu.sockets.chat.protocol.Command.Send;
import edu.sockets.chat.protocol.Command.SetName;
import edu.sockets.chat.protocol.Command.Who;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Command: parsing what clients send")
class CommandTest {

  static Stream<Arguments> validLines() {
    return Stream.of(
        Arguments.of("/name alice", new SetName("alice")),
        Arguments.of("/name alice  ", new SetName("alice")),
        Arguments.of("hello world", new Say("hello world")),
        Arguments.of("  indented", new Say("  indented")),
        Arguments.of("//slash", new Say("/slash")),
        Arguments.of("///two", new Say("//two")),
        Arguments.of("/pm bob hi there", new Send("bob", "hi there")),
        Arguments.of("/pm  bob  two spaces", new Send("bob", " two spaces")),
        Arguments.of("/msg bob hi", new Send("bob", "hi")),
        Arguments.of("/msg #java hi all", new Send("#java", "hi all")),
        Arguments.of("/who", new Who(null)),
        Arguments.of("/who *", new Who(null)),
        Arguments.of("/who #java", new Who("#java")),
        Arguments.of("/join #java", new Join("#java")),
        Arguments.of("/leave #Java", new Leave("#Java")),
        Arguments.of("/rooms", new ListRooms()),
        Arguments.of("/help", new Help()),
        Arguments.of("/exit", new Exit()),
        Arguments.of("/EXIT", new Exit()),
        Arguments.of("/pong", new Pong("")),
        Arguments.of("/pong 1a", new Pong("1a")),
        Arguments.of("/PONG  1a ", new Pong("1a")),
        Arguments.of("/Pm bob x", new Send("bob", "x")),
        Arguments.of("", new Blank()),
        Arguments.of(" \t ", new Blank()),
        Arguments.of("hi\u001b[31m red", new Say("hi[31m red")),
        Arguments.of("\u001b\u0007", new Blank()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("validLines")
  @DisplayName("valid lines parse to their command")
  void parsesValidLines(String line, Command expected) {
    assertThat(Command.parse(line)).isEqualTo(expected);
  }

  static Stream<Arguments> invalidLines() {
    return Stream.of(
        Arguments.of("/name", ErrorCode.NAME_INVALID),
        Arguments.of("/name two words", ErrorCode.NAME_INVALID),
        Arguments.of("/name 0123456789abcdefg", ErrorCode.NAME_INVALID),
        Arguments.of("/name server", ErrorCode.NAME_INVALID),
        Arguments.of("/pm", ErrorCode.USAGE),
        Arguments.of("/pm bob", ErrorCode.USAGE),
        Arguments.of("/pm bob   ", ErrorCode.USAGE),
        Arguments.of("/pm b@d hi", ErrorCode.NO_SUCH_USER),
        Arguments.of("/msg #b@d hi", ErrorCode.ROOM_INVALID),
        Arguments.of("/who java", ErrorCode.ROOM_INVALID),
        Arguments.of("/join", ErrorCode.USAGE),
        Arguments.of("/join java", ErrorCode.ROOM_INVALID),
        Arguments.of("/join #", ErrorCode.ROOM_INVALID),
        Arguments.of("/leave #a b", ErrorCode.ROOM_INVALID),
        Arguments.of("/rooms all", ErrorCode.USAGE),
        Arguments.of("/help me", ErrorCode.USAGE),
        Arguments.of("/exit now", ErrorCode.USAGE),
        Arguments.of("/me waves", ErrorCode.UNKNOWN_COMMAND),
        Arguments.of("/", ErrorCode.UNKNOWN_COMMAND),
        Arguments.of("/name\talice", ErrorCode.UNKNOWN_COMMAND));
  }

  @ParameterizedTest(name = "{0} -> ERR {1}")
  @MethodSource("invalidLines")
  @DisplayName("lines that break the rules parse to the error the server sends")
  void parsesInvalidLinesToTheirError(String line, ErrorCode code) {
    assertThat(Command.parse(line))
        .isInstanceOfSatisfying(
            Invalid.class,
            invalid -> {
              assertThat(invalid.code()).isEqualTo(code);
              assertThat(invalid.text()).isNotBlank();
            });
  }

  @Test
  @DisplayName("an invalid command remembers its word, for the rules before registration")
  void invalidCommandsKnowTheirWord() {
    assertThat(((Invalid) Command.parse("/NAME a b")).word()).isEqualTo("/name");
    assertThat(((Invalid) Command.parse("/exit now")).word()).isEqualTo("/exit");
  }

  @Test
  @DisplayName("toLine gives a line that parses back, with the // escape where needed")
  void toLineRoundTrips() {
    validLines()
        .map(arguments -> (Command) arguments.get()[1])
        .forEach(command -> assertThat(Command.parse(command.toLine())).isEqualTo(command));
    assertThat(new Say("/not a command").toLine()).isEqualTo("//not a command");
  }
}
