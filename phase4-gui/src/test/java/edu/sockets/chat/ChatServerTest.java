package edu.sockets.chat;

import static edu.sockets.chat.ChatClient.TS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The protocol end to end, over loopback sockets, as PROTOCOL.md describes it. Every test talks to
 * the server only through its socket; the {@code grade} command checks the same rules against a
 * server in any language.
 */
@DisplayName("ChatServer: the protocol over real sockets")
@Timeout(20)
class ChatServerTest {

  private ServerFixture server;

  @BeforeEach
  void startServer() throws Exception {
    server = ServerFixture.start();
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("a newcomer gets INFO, then WELCOME after /name; the others get JOIN, not it")
  void registrationIsWelcomedAndAnnounced() throws Exception {
    try (ChatClient alice = server.user("alice");
        ChatClient bob = server.client()) {
      bob.send("/name bob");
      bob.expect("WELCOME bob");
      alice.expect("JOIN " + TS + " bob \\*");

      bob.send("/who");
      bob.expect("USERS \\* alice bob"); // no JOIN of its own came first
    }
  }

  @Test
  @DisplayName(
      "names: taken ignoring case, invalid, reserved 'server' in any case; then a retry works")
  void refusesTakenInvalidAndReservedNames() throws Exception {
    try (ChatClient alice = server.user("alice");
        ChatClient other = server.client()) {
      other.send("/name ALICE");
      other.expect("ERR NAME_TAKEN .+");
      other.send("/name seventeen-chars-x");
      other.expect("ERR NAME_INVALID .+");
      other.send("/name bad!name");
      other.expect("ERR NAME_INVALID .+");
      other.send("/name");
      other.expect("ERR NAME_INVALID .+");
      other.send("/name Server");
      other.expect("ERR NAME_INVALID .+");
      other.send("/name sixteen-chars-ok");
      other.expect("WELCOME sixteen-chars-ok");
    }
  }

  @Test
  @DisplayName("before /name: NOT_REGISTERED for all but /help and /exit; blank lines are ignored")
  void onlyNameHelpAndExitBeforeRegistering() throws Exception {
    try (ChatClient guest = server.client()) {
      for (String line : new String[] {"hello", "/who", "/join #a", "/pm bob hi", "/rooms"}) {
        guest.send(line);
        guest.expect("ERR NOT_REGISTERED .+");
      }
      guest.send("");
      guest.send("/help");
      guest.expect("INFO .+"); // the blank line got no answer: this is /help's first line
      guest.skipTo("INFO .*/exit.*");
      guest.send("/exit");
      guest.expect("BYE");
      assertThat(guest.isClosedByServer()).isTrue();
    }
  }

  @Test
  @DisplayName("a public message reaches everyone, the sender too, with one timestamp")
  void publicMessageReachesEveryoneWithTheSameTimestamp() throws Exception {
    try (ChatClient alice = server.user("alice");
        ChatClient bob = server.user("bob")) {
      alice.expect("JOIN " + TS + " bob \\*");

      alice.send("hello, all of you");
      Matcher atAlice = alice.expect("MSG (" + TS + ") alice \\* hello, all of you");
      Matcher atBob = bob.expect("MSG (" + TS + ") alice \\* hello, all of you");
      assertThat(atBob.group(1)).isEqualTo(atAlice.group(1));

      bob.send("//help is a literal slash");
      alice.expect("MSG " + TS + " bob \\* /help is a literal slash");
    }
  }

  @Test
  @DisplayName("/pm and /msg reach the receiver and the sender only; to oneself, once")
  void privateMessagesReachOnlyTheTwo() throws Exception {
    try (ChatClient alice = server.user("alice");
        ChatClient bob = server.user("bob");
        ChatClient carol = server.user("carol")) {
      alice.skipTo("JOIN " + TS + " carol \\*");
      bob.skipTo("JOIN " + TS + " carol \\*");

      alice.send("/pm BOB psst");
      bob.expect("MSG " + TS + " alice bob psst");
      alice.expect("MSG " + TS + " alice bob psst");
      bob.send("/msg alice back at you");
      alice.expect("MSG " + TS + " bob alice back at you");
      bob.expect("MSG " + TS + " bob alice back at you");
      alice.send("/pm alice a note to self");
      alice.expect("MSG " + TS + " alice alice a note to self");
      alice.send("public");
      alice.expect("MSG " + TS + " alice \\* public"); // the note came once

      carol.expect("MSG " + TS + " alice \\* public"); // and carol saw none of it
      alice.send("/pm nobody hi");
      alice.expect("ERR NO_SUCH_USER .+");
      alice.send("/pm server hi");
      alice.expect("ERR NO_SUCH_USER .+");
      alice.send("/pm bob");
      alice.expect("ERR USAGE .+");
    }
  }

  @Test
  @DisplayName("rooms: join creates, members only hear it, who and rooms list it, leave empties it")
  void roomsFromJoinToLeave() throws Exception {
    try (ChatClient alice = server.user("alice");
        ChatClient bob = server.user("bob");
        ChatClient carol = server.user("carol")) {
      alice.skipTo("JOIN " + TS + " carol \\*");
      bob.skipTo("JOIN " + TS + " carol \\*");

      alice.send("/join #Java");
      alice.expect("JOIN " + TS + " alice #Java");
      bob.send("/join #java"); // same room: room names ignore case, keep the first spelling
      bob.expect("JOIN " + TS + " bob #Java");
      alice.expect("JOIN " + TS + " bob #Java");
      bob.send("/join #JAVA");
      bob.expect("ERR ALREADY_IN_ROOM .+");

      bob.send("/msg #java hi room");
      alice.expect("MSG " + TS + " bob #Java hi room");
      bob.expect("MSG " + TS + " bob #Java hi room");
      carol.send("/msg #java let me in");
      carol.expect("ERR NOT_IN_ROOM .+");
      carol.send("/who #java");
      carol.expect("USERS #Java alice bob");
      carol.send("/join #zeta");
      carol.expect("JOIN " + TS + " carol #zeta");
      carol.send("/rooms");
      carol.expect("ROOMS #Java:2 #zeta:1");

      bob.send("/leave #java");
      bob.expect("LEAVE " + TS + " bob #Java");
      alice.expect("LEAVE " + TS + " bob #Java");
      bob.send("/leave #java");
      bob.expect("ERR NOT_IN_ROOM .+");
      alice.send("/leave #java");
      alice.expect("LEAVE " + TS + " alice #Java");
      alice.send("/who #java");
      alice.expect("ERR NO_SUCH_ROOM .+");
      alice.send("/msg #java anyone?");
      alice.expect("ERR NO_SUCH_ROOM .+");
      alice.send("/join java");
      alice.expect("ERR ROOM_INVALID .+");
      alice.send("/join");
      alice.expect("ERR USAGE .+");
      alice.send("/rooms");
      alice.expect("ROOMS #zeta:1");
    }
  }

  @Test
  @DisplayName("/who lists everyone sorted ignoring case")
  void whoSortsIgnoringCase() throws Exception {
    try (ChatClient zed = server.user("zed");
        ChatClient amy = server.user("Amy");
        ChatClient bo = server.user("bo")) {
      bo.send("/who");
      bo.expect("USERS \\* Amy bo zed");
    }
  }

  @Test
  @DisplayName("/name renames: NICK to everyone, the old name is free at once")
  void renameAnnouncesNickAndFreesTheOldName() throws Exception {
    try (ChatClient alice = server.user("alice");
        ChatClient bob = server.user("bob")) {
      alice.expect("JOIN " + TS + " bob \\*");

      alice.send("/name alicia");
      alice.expect("NICK " + TS + " alice alicia");
      bob.expect("NICK " + TS + " alice alicia");
      alice.send("/name alicia");
      alice.expect("ERR NAME_UNCHANGED .+");
      alice.send("/name Alicia");
      alice.expect("NICK " + TS + " alicia Alicia");
      alice.send("/name BOB");
      alice.expect("ERR NAME_TAKEN .+");
      try (ChatClient newcomer = server.user("alice")) {
        alice.expect("JOIN " + TS + " alice \\*");
      }
    }
  }

  @Test
  @DisplayName("unknown commands and wrong arguments get UNKNOWN_COMMAND and USAGE")
  void unknownCommandsAndUsage() throws Exception {
    try (ChatClient alice = server.user("alice")) {
      alice.send("/me waves");
      alice.expect("ERR UNKNOWN_COMMAND .+");
      alice.send("/");
      alice.expect("ERR UNKNOWN_COMMAND .+");
      alice.send("/rooms now");
      alice.expect("ERR USAGE .+");
      alice.send("/WHO");
      alice.expect("USERS \\* alice"); // command words ignore case
    }
  }

  @Test
  @DisplayName("control characters are stripped; Unicode and CR LF arrive intact")
  void stripsControlCharactersKeepsUnicode() throws Exception {
    try (ChatClient alice = server.user("alice")) {
      alice.send("hi\u001b[2J\u0007 there\u009b");
      alice.expect("MSG " + TS + " alice \\* hi\\[2J there");
      alice.sendRaw("سلام 👋\r\n".getBytes(StandardCharsets.UTF_8));
      alice.expect("MSG " + TS + " alice \\* سلام 👋");
      alice.send("\u001b\u0007");
      alice.send("after");
      alice.expect("MSG " + TS + " alice \\* after"); // nothing left of the first: ignored
    }
  }

  @Test
  @DisplayName("a line over 8192 bytes: ERR LINE_TOO_LONG, discarded, and the connection goes on")
  void overlongLineIsRefusedAndTheConnectionGoesOn() throws Exception {
    try (ChatClient alice = server.user("alice")) {
      alice.send("x".repeat(8192)); // the limit itself is fine
      alice.expect("MSG " + TS + " alice \\* x{8192}");
      alice.sendRaw(("y".repeat(100_000) + "\n/who\n").getBytes(StandardCharsets.UTF_8));
      alice.expect("ERR LINE_TOO_LONG .+");
      alice.expect("USERS \\* alice");
    }
  }

  @Test
  @DisplayName("/exit: BYE, the connection closes, others get LEAVE quit, the name is free")
  void exitSaysByeAndFreesTheName() throws Exception {
    try (ChatClient alice = server.user("alice");
        ChatClient bob = server.user("bob")) {
      bob.send("/join #r");
      bob.expect("JOIN " + TS + " bob #r");

      bob.send("/exit");
      bob.expect("BYE");
      assertThat(bob.isClosedByServer()).isTrue();
      alice.skipTo("LEAVE " + TS + " bob \\* quit");
      alice.send("/rooms");
      alice.expect("ROOMS"); // bob's room went with him
      try (ChatClient again = server.user("bob")) {
        alice.expect("JOIN " + TS + " bob \\*");
      }
    }
  }

  @Test
  @DisplayName("a connection that ends or is reset: LEAVE disconnected, and the server goes on")
  void endOfStreamAndResetAreLeaves() throws Exception {
    try (ChatClient alice = server.user("alice")) {
      ChatClient bob = server.user("bob");
      alice.expect("JOIN " + TS + " bob \\*");
      bob.socket.shutdownOutput(); // FIN: end of stream
      alice.expect("LEAVE " + TS + " bob \\* disconnected");
      bob.close();

      ChatClient carol = server.user("carol");
      alice.expect("JOIN " + TS + " carol \\*");
      carol.socket.setSoLinger(true, 0); // close with RST instead of FIN
      carol.close();
      alice.expect("LEAVE " + TS + " carol \\* disconnected");

      alice.send("/who");
      alice.expect("USERS \\* alice");
    }
  }

  @Test
  @DisplayName("a client that never reads is dropped (LEAVE dropped); the others keep receiving")
  void aClientThatNeverReadsIsDroppedWithoutStallingOthers() throws Exception {
    server.close();
    server = ServerFixture.startWithoutRateLimit(); // the talker sends hundreds of lines at once
    Socket raw = new Socket();
    raw.setReceiveBufferSize(4096); // small, so its buffers fill soon
    raw.connect(new java.net.InetSocketAddress(server.host(), server.port()));
    try (ChatClient sloth = new ChatClient(raw);
        ChatClient talker = server.user("talker")) {
      sloth.send("/name sloth"); // and never reads again
      talker.expect("JOIN " + TS + " sloth \\*");

      // One message in flight at a time: the talker reads its own echo before sending on, so
      // only the sloth falls behind. 8,000-byte lines fill its 1 MiB queue in a few hundred.
      String text = "z".repeat(8000);
      int sent = 0;
      boolean dropped = false;
      while (!dropped && sent < 5_000) {
        talker.send(sent + " " + text);
        String line = talker.next();
        if (line.matches("LEAVE " + TS + " sloth \\* dropped")) {
          dropped = true;
          line = talker.next();
        }
        assertThat(line).startsWith("MSG ").contains(" talker * " + sent + " ");
        sent++;
      }
      assertThat(dropped).as("sloth dropped after %d messages", sent).isTrue();
      talker.send("/who");
      talker.skipTo("USERS \\* talker");
    }
  }
}
