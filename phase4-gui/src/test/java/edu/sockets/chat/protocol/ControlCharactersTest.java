package edu.sockets.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ControlCharacters: what could drive a terminal is removed")
class ControlCharactersTest {

  @Test
  @DisplayName("removes C0 (but TAB), DEL and C1, including ESC sequences' first byte")
  void removesC0DelAndC1ButTab() {
    assertThat(ControlCharacters.strip("a\u0000b\u0007c\u001b[2Jd\u007fe\u0085f\u009bg\th\ri"))
        .isEqualTo("abc[2Jdefg\thi");
  }

  @Test
  @DisplayName("keeps letters of every script and emoji")
  void keepsUnicode() {
    String text = "سلام Привет 你好 👋 café";

    assertThat(ControlCharacters.strip(text)).isSameAs(text);
  }

  @Test
  void returnsAnEmptyStringForOnlyControls() {
    assertThat(ControlCharacters.strip("\u001b\u0007\u009b")).isEmpty();
  }
}
