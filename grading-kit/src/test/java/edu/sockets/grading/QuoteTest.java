package edu.sockets.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuoteTest {

  @Test
  void spellsOutInvisibleCharacters() {
    assertThat(Quote.text("Hello Client\r\n")).isEqualTo("\"Hello Client\\r\\n\"");
    assertThat(Quote.text("a\tb\u001b[2J\"\\")).isEqualTo("\"a\\tb\\x1b[2J\\\"\\\\\"");
  }

  @Test
  void keepsUnicodeAndShowsBytesThatAreNotUtf8() {
    assertThat(Quote.text("سلام 👋")).isEqualTo("\"سلام 👋\"");
    byte[] bytes = {'o', 'k', (byte) 0xff, (byte) 0xf0, (byte) 0x9f, '!'};
    assertThat(Quote.bytes(bytes)).isEqualTo("\"ok\\xff\\xf0\\x9f!\"");
  }

  @Test
  void cutsLongQuotesAndSaysHowLongTheyWere() {
    String quoted = Quote.text("x".repeat(5000));
    assertThat(quoted).endsWith("... (5000 bytes in all)").hasSizeLessThan(130);
  }

  @Test
  void countsSizesAndSeconds() {
    assertThat(Quote.count(1, "line")).isEqualTo("1 line");
    assertThat(Quote.count(2000, "line")).isEqualTo("2,000 lines");
    assertThat(Quote.size(512)).isEqualTo("512 bytes");
    assertThat(Quote.size(3_900_000)).isEqualTo("3.9 MB");
    assertThat(Quote.seconds(Duration.ofSeconds(2))).isEqualTo("2 s");
    assertThat(Quote.seconds(Duration.ofMillis(300))).isEqualTo("0.3 s");
  }
}
