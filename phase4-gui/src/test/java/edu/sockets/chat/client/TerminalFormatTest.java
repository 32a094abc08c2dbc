package edu.sockets.chat.client;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.protocol.ServerMessage;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TerminalFormat: server lines as people read them")
class TerminalFormatTest {

  private final TerminalFormat plain = new TerminalFormat(ZoneId.of("Asia/Tehran"), false);
  private final TerminalFormat coloured = new TerminalFormat(ZoneId.of("UTC"), true);

  private String show(String line) {
    return plain.format(ServerMessage.parse(line), "alice");
  }

  @Test
  @DisplayName("messages in local time: public, room, private both ways, from the server")
  void formatsMessagesInLocalTime() {
    // 10:15 UTC is 13:45 in Tehran (UTC+3:30)
    assertThat(show("MSG 2026-11-22T10:15:30Z bob * hi")).isEqualTo("[13:45] bob: hi");
    assertThat(show("MSG 2026-11-22T10:15:30Z bob #java hi")).isEqualTo("[13:45] #java bob: hi");
    assertThat(show("MSG 2026-11-22T10:15:30Z bob alice psst"))
        .isEqualTo("[13:45] bob -> you (private): psst");
    assertThat(show("MSG 2026-11-22T10:15:30Z alice bob psst"))
        .isEqualTo("[13:45] you -> bob (private): psst");
    assertThat(show("MSG 2026-11-22T10:15:30Z server * restart"))
        .isEqualTo("[13:45] server: restart");
  }

  @Test
  @DisplayName("join, leave and rename notices, and answers to /who and /rooms")
  void formatsNoticesAndLists() {
    assertThat(show("JOIN 2026-11-22T10:15:30Z bob *")).isEqualTo("[13:45] * bob joined");
    assertThat(show("JOIN 2026-11-22T10:15:30Z alice #java"))
        .isEqualTo("[13:45] * you joined #java");
    assertThat(show("LEAVE 2026-11-22T10:15:30Z bob * quit"))
        .isEqualTo("[13:45] * bob left (quit)");
    assertThat(show("NICK 2026-11-22T10:15:30Z bob rob")).isEqualTo("[13:45] * bob is now rob");
    assertThat(show("USERS * alice bob")).isEqualTo("Online (2): alice, bob");
    assertThat(show("ROOMS #java:2")).isEqualTo("Rooms: #java (2)");
    assertThat(show("ROOMS")).startsWith("No rooms yet");
    assertThat(show("ERR NAME_TAKEN bob is taken")).isEqualTo("error: bob is taken");
    assertThat(show("BYE")).isNull();
  }

  @Test
  @DisplayName("plain output has no escape codes; coloured output gives each name a stable colour")
  void coloursAreStableAndOptional() {
    String line = "MSG 2026-11-22T10:15:30Z bob alice psst";

    assertThat(show(line)).doesNotContain("\u001b");
    String first = coloured.format(ServerMessage.parse(line), "alice");
    assertThat(first)
        .contains("\u001b[")
        .isEqualTo(coloured.format(ServerMessage.parse(line), "alice"));
    assertThat(TerminalFormat.colourOf("Bob")).isEqualTo(TerminalFormat.colourOf("bob"));
    assertThat(
            java.util.stream.Stream.of("alice", "bob", "carol", "dave", "erin", "frank")
                .map(TerminalFormat::colourOf)
                .distinct()
                .count())
        .as("names spread over the palette")
        .isGreaterThan(2);
  }
}
