package edu.sockets.chat.client;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.client.Line.Style;
import edu.sockets.chat.protocol.ServerMessage;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Protocol version 2's lines in the window's model: HISTORY, OFFLINE and QUEUED. */
@DisplayName("ChatModel: history apart from new messages, offline and queued private messages")
class ChatModelHistoryTest {

  private static final String T1 = "2026-11-22T10:15:30Z";
  private static final String T2 = "2026-11-22T10:16:00Z";

  private final ChatModel model = new ChatModel();

  @BeforeEach
  void signInAsAlice() {
    receive("WELCOME alice");
    receive("USERS * alice bob");
  }

  private void receive(String line) {
    model.apply(ServerMessage.parse(line));
  }

  private static List<String> shown(Conversation c) {
    return c.lines().stream()
        .map(l -> l.style() + (l.from() == null ? "" : " " + l.from()) + " " + l.text())
        .toList();
  }

  @Test
  @DisplayName("HISTORY lines come quieter, between an 'earlier' and a 'new' divider")
  void historyIsSetApart() {
    receive("HISTORY " + T1 + " bob * first");
    receive("HISTORY " + T1 + " carol * second");
    receive("MSG " + T2 + " bob * now");
    assertThat(shown(model.everyone()))
        .endsWith(
            "DIVIDER earlier messages",
            "HISTORY bob first",
            "HISTORY carol second",
            "DIVIDER new messages",
            "MESSAGE bob now");
  }

  @Test
  @DisplayName("history does not count as unread, and a room's goes to the room's tab")
  void historyIsNotUnreadAndGoesToItsRoom() {
    receive("JOIN " + T2 + " alice #java");
    receive("HISTORY " + T1 + " bob #java old news");
    Conversation java = model.find("#java").orElseThrow();
    assertThat(shown(java)).contains("HISTORY bob old news");
    assertThat(java.unread()).isZero();
  }

  @Test
  @DisplayName("after a reconnect, history already shown is not shown twice")
  void historyIsNotRepeatedAfterAReconnect() {
    receive("MSG " + T1 + " bob * seen live");
    receive("WELCOME alice");
    receive("HISTORY " + T1 + " bob * seen live");
    assertThat(shown(model.everyone())).filteredOn(s -> s.contains("seen live")).hasSize(1);
    assertThat(shown(model.everyone())).doesNotContain("DIVIDER earlier messages");
  }

  @Test
  @DisplayName("OFFLINE opens the private conversation, marked as sent while you were offline")
  void offlineMessagesAreMarked() {
    receive("OFFLINE " + T1 + " bob alice while you were out");
    Conversation bob = model.find("bob").orElseThrow();
    Line line = bob.lines().getLast();
    assertThat(line.style()).isEqualTo(Style.OFFLINE);
    assertThat(line.ts()).hasToString(T1); // the time it was sent, not the time it arrived
    assertThat(line.from()).isEqualTo("bob");
    assertThat(bob.unread()).isEqualTo(1);
  }

  @Test
  @DisplayName("QUEUED is a note in the private conversation with the offline user")
  void queuedIsANote() {
    receive("MSG " + T1 + " alice carol see you later");
    receive("QUEUED " + T1 + " carol");
    assertThat(shown(model.find("carol").orElseThrow()))
        .containsExactly(
            "PRIVATE alice see you later",
            "NOTICE carol is offline: your message waits until they sign in");
  }
}
