package edu.sockets.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Passwords: 8 to 128 characters, no control characters, not only spaces")
class PasswordsTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "12345678",
        "correct horse battery staple",
        " spaces at both ends ",
        "mot de passe été",
        "\uD83D\uDD11\uD83D\uDD11\uD83D\uDD11\uD83D\uDD11\uD83D\uDD11\uD83D\uDD11\uD83D\uDD11\uD83D\uDD11",
        "tab\tinside ok"
      })
  void accepts(String password) {
    assertThat(Passwords.isValid(password)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "",
        "1234567",
        "        ",
        "\t\t\t\t\t\t\t\t",
        "escape\u001b[2Jhere",
        "nul\u0000inside"
      })
  void refuses(String password) {
    assertThat(Passwords.isValid(password)).isFalse();
  }

  @Test
  void countsCodePointsNotCharsSoSevenEmojiAreTooShort() {
    assertThat(Passwords.isValid("\uD83D\uDD11".repeat(7))).isFalse(); // 14 chars, 7 characters
  }

  @Test
  void theLimitsAreInclusive() {
    assertThat(Passwords.isValid("x".repeat(128))).isTrue();
    assertThat(Passwords.isValid("x".repeat(129))).isFalse();
    assertThat(Passwords.isValid("x".repeat(100_000))).isFalse();
  }
}
