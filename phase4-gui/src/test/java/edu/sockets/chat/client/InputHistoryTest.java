package edu.sockets.chat.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("InputHistory: Up and Down through what was sent, as in a shell")
class InputHistoryTest {

  @Test
  @DisplayName("Up goes back, stops at the oldest; Down comes forward to the draft")
  void upAndDownKeepTheDraft() {
    InputHistory history = new InputHistory();
    history.add("one");
    history.add("two");

    assertThat(history.previous("half-typed")).isEqualTo("two");
    assertThat(history.previous("two")).isEqualTo("one");
    assertThat(history.previous("one")).isEqualTo("one");
    assertThat(history.next()).isEqualTo("two");
    assertThat(history.next()).isEqualTo("half-typed");
    assertThat(history.next()).isEqualTo("half-typed");
  }

  @Test
  @DisplayName("an empty history gives back what is shown; blanks and repeats are not kept")
  void blanksAndRepeats() {
    InputHistory history = new InputHistory();
    assertThat(history.previous("typed")).isEqualTo("typed");
    assertThat(history.next()).isEqualTo("typed");

    history.add("same");
    history.add("same");
    history.add("  ");

    assertThat(history.previous("")).isEqualTo("same");
    assertThat(history.previous("same")).isEqualTo("same");
  }

  @Test
  @DisplayName("keeps the last 200 lines")
  void bounded() {
    InputHistory history = new InputHistory();
    for (int i = 1; i <= 250; i++) {
      history.add("line " + i);
    }
    String oldest = "";
    for (int i = 0; i < 300; i++) {
      oldest = history.previous(oldest);
    }
    assertThat(oldest).isEqualTo("line 51");
  }
}
