package edu.sockets.grading;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplyTest {

  private static Reply reply(String bytes, Reply.End end) {
    return new Reply(bytes.getBytes(UTF_8), end, Duration.ofSeconds(2));
  }

  @Test
  void aLineIsQuotedWithItsEnding() {
    Reply line = reply("Hello Client\r\n", Reply.End.LINE);
    assertThat(line.describe()).isEqualTo("\"Hello Client\\r\\n\"");
    assertThat(line.text()).isEqualTo("Hello Client");
  }

  @Test
  void bytesWithoutALineFeedSayHowTheWaitEnded() {
    assertThat(reply("Hello client", Reply.End.CLOSED).describe())
        .isEqualTo("\"Hello client\" (12 bytes, no line feed, then the server closed)");
    assertThat(reply("Hello", Reply.End.QUIET).describe())
        .isEqualTo("\"Hello\" (5 bytes, no line feed within 2 s)");
    assertThat(reply("Hi", Reply.End.RESET).describe())
        .isEqualTo("\"Hi\" (2 bytes, no line feed, then the connection was reset)");
  }

  @Test
  void wholeLinesBeforeTheEndAreNotCalledUnfinished() {
    assertThat(reply("Hello Client\n", Reply.End.CLOSED).describe())
        .isEqualTo("\"Hello Client\\n\" (13 bytes, then the server closed)");
    assertThat(reply("a\nb\n", Reply.End.QUIET).describe())
        .isEqualTo("\"a\\nb\\n\" (4 bytes, then nothing more within 2 s)");
  }

  @Test
  void nothingIsSaidPlainly() {
    assertThat(reply("", Reply.End.QUIET).describe()).isEqualTo("nothing within 2 s");
    assertThat(reply("", Reply.End.CLOSED).describe())
        .isEqualTo("nothing: the server closed the connection");
    assertThat(reply("", Reply.End.RESET).describe())
        .isEqualTo("nothing: the connection was reset");
  }
}
