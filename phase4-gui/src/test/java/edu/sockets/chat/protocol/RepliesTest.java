package edu.sockets.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Replies: every INFO and ERR the server sends, as PROTOCOL.md quotes them")
class RepliesTest {

  static Stream<Arguments> replies() {
    return Stream.of(
        reply(
            Replies.banner(),
            "INFO Welcome to the chat. Choose a name with /name <name>; /help lists the commands."),
        reply(Replies.shuttingDown(), "INFO The server is shutting down."),
        reply(
            Replies.nameIsYours("alice"),
            "INFO The name alice is now yours: sign in with /login alice next time."),
        reply(Replies.nameTaken("Bob"), "ERR NAME_TAKEN Bob is taken; choose another name"),
        reply(Replies.nameInvalid("SERVER"), "ERR NAME_INVALID SERVER is reserved"),
        reply(
            Replies.nameInvalid("al!ce"),
            "ERR NAME_INVALID a name is 1 to 16 letters (A-Z, a-z), digits, _ or -"),
        reply(Replies.nameUnchanged("bob"), "ERR NAME_UNCHANGED bob is already bob's name"),
        reply(Replies.alreadySignedIn("alice"), "ERR NAME_UNCHANGED you are signed in as alice"),
        reply(
            Replies.nameProtected("alice"),
            "ERR NAME_PROTECTED alice belongs to an account; sign in with /login alice <password>"),
        reply(Replies.notRegistered(), "ERR NOT_REGISTERED choose a name first: /name <name>"),
        reply(Replies.noSuchUser("zed"), "ERR NO_SUCH_USER no user is called zed"),
        reply(
            Replies.noSuchRoom("#x"), "ERR NO_SUCH_ROOM there is no room #x; /join #x creates it"),
        reply(
            Replies.roomInvalid(),
            "ERR ROOM_INVALID a room is # followed by 1 to 24 letters (A-Z, a-z), digits, _ or -"),
        reply(Replies.alreadyInRoom("#java"), "ERR ALREADY_IN_ROOM you are already in #java"),
        reply(Replies.notInRoom("#java"), "ERR NOT_IN_ROOM you are not in #java"),
        reply(Replies.joinFirst("#java"), "ERR NOT_IN_ROOM join #java first: /join #java"),
        reply(
            Replies.lineTooLong(8192),
            "ERR LINE_TOO_LONG lines are at most 8192 bytes; that one was discarded"),
        reply(
            Replies.unknownCommand("/me"),
            "ERR UNKNOWN_COMMAND unknown command /me; /help lists the commands"),
        reply(Replies.usage("/join", "#room"), "ERR USAGE usage: /join #room"),
        reply(
            Replies.passwordInvalid(),
            "ERR PASSWORD_INVALID a password is 8 to 128 characters (spaces allowed, not only"
                + " spaces)"));
  }

  static Stream<Arguments> repliesOfChapter5() {
    return Stream.of(
        reply(Replies.authFailed(), "ERR AUTH_FAILED wrong name or password"),
        reply(
            Replies.authLocked(Duration.ofMillis(4_001)),
            "ERR AUTH_LOCKED too many failed sign-ins; try again in 5 seconds"),
        reply(
            Replies.authLocked(Duration.ofMillis(1)),
            "ERR AUTH_LOCKED too many failed sign-ins; try again in 1 seconds"),
        reply(
            Replies.tooManySignIns(),
            "ERR AUTH_LOCKED too many sign-ins at once; try again in a few seconds"),
        reply(Replies.replaced(), "ERR KICKED signed in from another connection"),
        reply(
            Replies.queueFull("alice", 100),
            "ERR QUEUE_FULL alice has 100 messages waiting already; nothing was stored"),
        reply(Replies.notStored(), "ERR QUEUE_FULL the server could not store it; try again later"),
        reply(Replies.kicked("spam\u001b[2J"), "ERR KICKED spam[2J"),
        reply(
            Replies.rateLimited(2.5, 200),
            "ERR RATE_LIMITED slow down: at most 2.5 lines a second (200 at once); lines are being"
                + " dropped"),
        reply(Replies.flooding(), "ERR KICKED flooding: too many lines after RATE_LIMITED"),
        reply(
            Replies.serverFull(2),
            "ERR SERVER_FULL the server has its maximum of 2 connections; try again later"),
        reply(
            Replies.tooManyFrom("10.0.0.7", 20),
            "ERR SERVER_FULL already 20 connections from 10.0.0.7; close one first"),
        reply(
            Replies.pingTimeout(Duration.ofSeconds(15)),
            "ERR TIMEOUT no answer to PING within 15 s"),
        reply(
            Replies.lineTimeout(Duration.ofMillis(500)),
            "ERR TIMEOUT a line must end within 0.5 s of its first byte"),
        reply(
            Replies.registerTimeout(Duration.ofSeconds(60)),
            "ERR TIMEOUT no name chosen within 60 s; /name <name>"),
        reply(
            Replies.tlsRequired(),
            "ERR TLS_REQUIRED This server speaks TLS: connect with --tls (or tick \"Use TLS\")."));
  }

  private static Arguments reply(ServerMessage reply, String line) {
    return Arguments.of(reply, line);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource({"replies", "repliesOfChapter5"})
  @DisplayName("each reply is the line PROTOCOL.md documents, and reads back as itself")
  void eachReplyIsItsLine(ServerMessage reply, String line) {
    assertThat(reply.toLine()).isEqualTo(line);
    assertThat(ServerMessage.parse(line)).isEqualTo(reply);
  }

  @Test
  @DisplayName("/help answers the clients' own help, one INFO line each")
  void helpIsTheCommandsHelp() {
    assertThat(Replies.help())
        .extracting(ServerMessage.Info::text)
        .containsExactlyElementsOf(Command.HELP);
  }

  @Test
  @DisplayName("an invalid command carries the reply the server sends")
  void invalidCommandsCarryTheirReply() {
    assertThat(Command.parse("/join"))
        .isEqualTo(new Command.Invalid("/join", Replies.usage("/join", "#room")));
    assertThat(Command.parse("/rooms now"))
        .isEqualTo(
            new Command.Invalid("/rooms", Replies.usage("/rooms", "(it takes no arguments)")));
  }

  @Test
  @DisplayName("limits read as people read them: no .0 on whole numbers")
  void limitsReadWell() {
    assertThat(Replies.seconds(Duration.ofSeconds(15))).isEqualTo("15 s");
    assertThat(Replies.seconds(Duration.ofMillis(500))).isEqualTo("0.5 s");
    assertThat(Replies.number(50)).isEqualTo("50");
    assertThat(Replies.number(2.5)).isEqualTo("2.5");
  }
}
