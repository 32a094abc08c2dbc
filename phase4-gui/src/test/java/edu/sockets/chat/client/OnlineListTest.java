package edu.sockets.chat.client;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Users;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("OnlineList: who is online, from WELCOME, USERS, JOIN, LEAVE and NICK")
class OnlineListTest {

  private static final String TS = "2026-11-22T10:15:30Z";
  private final OnlineList online = new OnlineList();

  private boolean receive(String line) {
    return online.apply(ServerMessage.parse(line));
  }

  @Test
  @DisplayName("kept in reading order; leaves and renames ignore case; rooms change nothing")
  void keptInReadingOrder() {
    assertThat(receive("WELCOME carol")).isTrue();
    assertThat(receive("USERS * carol Bob alice")).isTrue();
    assertThat(receive("JOIN " + TS + " dave *")).isTrue();
    assertThat(receive("LEAVE " + TS + " BOB * quit")).isTrue();
    assertThat(receive("NICK " + TS + " DAVE erin")).isTrue();

    assertThat(receive("JOIN " + TS + " frank #java")).as("a room's join").isFalse();
    assertThat(receive("USERS #java frank")).as("a room's members").isFalse();
    assertThat(receive("MSG " + TS + " alice * hi")).isFalse();
    assertThat(online.names()).containsExactly("alice", "carol", "erin");
  }

  @Test
  @DisplayName("the USERS * right after WELCOME is the client's own /who; later ones were typed")
  void onlyTheFirstUsersAfterWelcomeIsTheRoster() {
    Users users = (Users) ServerMessage.parse("USERS * alice bob");
    assertThat(online.isRoster(users)).as("before WELCOME").isFalse();

    receive("WELCOME alice");
    assertThat(online.isRoster((Users) ServerMessage.parse("USERS #java alice"))).isFalse();
    assertThat(online.isRoster(users)).isTrue();
    assertThat(online.isRoster(users)).as("a /who the user typed").isFalse();
  }
}
