package edu.sockets.chat.client;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.client.Conversation.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Typed: what a typed line means in the conversation it was typed in")
class TypedTest {

  private static final Conversation EVERYONE = new Conversation(Kind.EVERYONE, "*", "Everyone");
  private static final Conversation JAVA = new Conversation(Kind.ROOM, "#java", "#Java");

  @Test
  @DisplayName("the command word, whatever its case and the spaces around it")
  void commandWord() {
    assertThat(Typed.command("  /JOIN #java")).isEqualTo("/join");
    assertThat(Typed.command("/help")).isEqualTo("/help");
    assertThat(Typed.command("hello there")).isEqualTo("hello");
  }

  @Test
  @DisplayName("/help and blank lines are nothing to send; //text is text; commands go as typed")
  void whatGoesToTheServer() {
    assertThat(Typed.of("/HELP", JAVA)).isEqualTo(new Typed.Nothing());
    assertThat(Typed.of(" ", JAVA)).isEqualTo(new Typed.Nothing());
    assertThat(Typed.of("/quit", JAVA)).isEqualTo(new Typed.Quit());
    assertThat(Typed.of("/who", JAVA)).isEqualTo(new Typed.ToServer("/who"));
    assertThat(Typed.of("//shrug", EVERYONE)).isEqualTo(new Typed.ToServer("//shrug")); // text
    assertThat(Typed.of("//shrug", JAVA)).isEqualTo(new Typed.ToServer("/msg #Java /shrug"));
    assertThat(Typed.of("hi", JAVA)).isEqualTo(new Typed.ToServer("/msg #Java hi"));
  }
}
