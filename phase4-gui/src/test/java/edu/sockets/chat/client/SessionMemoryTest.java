package edu.sockets.chat.client;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.protocol.ServerMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SessionMemory: the name and rooms a reconnect restores, kept from the server's lines")
class SessionMemoryTest {

  private static final String TS = "2026-11-22T10:15:30Z";

  private static void receive(SessionMemory memory, String... lines) {
    for (String line : lines) {
      memory.follow(ServerMessage.parse(line));
    }
  }

  @Test
  @DisplayName("rooms the server confirms are joined again, in order; others' rooms are not")
  void roomsAreJoinedAgain() {
    SessionMemory memory = new SessionMemory(Credentials.guest("alice"));
    assertThat(memory.signInLine(true)).isEqualTo("/name alice");
    assertThat(memory.welcomed("alice")).containsExactly("/who");

    receive(
        memory,
        "JOIN " + TS + " alice #java",
        "JOIN " + TS + " bob #rust",
        "JOIN " + TS + " ALICE #Go",
        "JOIN " + TS + " alice *",
        "JOIN " + TS + " alice #c",
        "LEAVE " + TS + " alice #GO");

    assertThat(memory.welcomed("alice")).containsExactly("/who", "/join #java", "/join #c");
  }

  @Test
  @DisplayName("a NICK follows the user; an account signs in again with /login, until renamed")
  void theNameAndTheAccountFollowTheUser() {
    SessionMemory memory = new SessionMemory(new Credentials("dave", "correct horse", true));
    assertThat(memory.signInLine(true)).isEqualTo("/register dave correct horse");

    memory.welcomed("Dave"); // the server's spelling
    assertThat(memory.signInLine(false)).isEqualTo("/login Dave correct horse");

    receive(memory, "NICK " + TS + " bob robert"); // someone else
    assertThat(memory.name()).isEqualTo("Dave");
    receive(memory, "NICK " + TS + " Dave erin");
    assertThat(memory.name()).isEqualTo("erin");
    assertThat(memory.signInLine(false))
        .as("the password is the old name's")
        .isEqualTo("/name erin");
  }
}
