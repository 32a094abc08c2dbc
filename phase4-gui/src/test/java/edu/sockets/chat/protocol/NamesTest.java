package edu.sockets.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Names: the rules for user names and rooms")
class NamesTest {

  @ParameterizedTest(name = "{0} is a valid name")
  @ValueSource(strings = {"a", "alice", "Bob_2", "x-y", "0123456789abcdef", "servers", "_"})
  void acceptsValidNames(String name) {
    assertThat(Names.isValidName(name)).isTrue();
  }

  @ParameterizedTest(name = "{0} is not a valid name")
  @ValueSource(
      strings = {
        "",
        "0123456789abcdefg",
        "two words",
        "bad!",
        "é",
        "#room",
        "*",
        "server",
        "Server",
        "SERVER",
        "tab\t",
        "a\u0000"
      })
  void refusesInvalidAndReservedNames(String name) {
    assertThat(Names.isValidName(name)).isFalse();
  }

  @ParameterizedTest(name = "{0} is a valid room")
  @ValueSource(strings = {"#a", "#java", "#Java_21", "#abcdefghijklmnopqrstuvwx"})
  void acceptsValidRooms(String room) {
    assertThat(Names.isValidRoom(room)).isTrue();
  }

  @ParameterizedTest(name = "{0} is not a valid room")
  @ValueSource(strings = {"", "#", "java", "##a", "#a b", "#abcdefghijklmnopqrstuvwxy", "#ü"})
  void refusesInvalidRooms(String room) {
    assertThat(Names.isValidRoom(room)).isFalse();
  }

  @Test
  @DisplayName("keys ignore case, whatever the machine's language (no Turkish dotless i)")
  void keysIgnoreCase() {
    assertThat(Names.key("ALICE")).isEqualTo(Names.key("alice"));
    assertThat(Names.key("#Java")).isEqualTo("#java");
    assertThat(Names.key("TITLE")).isEqualTo("title");
  }

  @Test
  @DisplayName("reading order ignores case, and is total")
  void readingOrderIgnoresCase() {
    List<String> names = new ArrayList<>(List.of("zed", "bob", "Amy", "amy", "Bo"));

    names.sort(Names.READING_ORDER);

    assertThat(names).containsExactly("Amy", "amy", "Bo", "bob", "zed");
  }
}
