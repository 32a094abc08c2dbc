package edu.sockets.multiclient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("EchoProtocol: the server's words, without a network")
class EchoProtocolTest {

  @Test
  @DisplayName("a reply names the client's ip:port and repeats its line")
  void replyNamesTheClientAndRepeatsTheLine() {
    assertThat(EchoProtocol.reply("127.0.0.1:53422", "hello"))
        .isEqualTo("[127.0.0.1:53422] you said: hello");
  }

  @Test
  @DisplayName("the goodbye and the too-long error name the client too")
  void goodbyeAndTooLongAreAddressedToo() {
    assertThat(EchoProtocol.goodbye("10.0.0.7:4000")).isEqualTo("[10.0.0.7:4000] goodbye");
    assertThat(EchoProtocol.tooLong("10.0.0.7:4000", 8192))
        .isEqualTo("[10.0.0.7:4000] error: line longer than 8192 bytes, ignored");
  }

  @Test
  @DisplayName("/exit ends the conversation, with or without spaces; nothing else does")
  void recognisesExit() {
    assertThat(EchoProtocol.isExit("/exit")).isTrue();
    assertThat(EchoProtocol.isExit("  /exit\t")).isTrue();
    assertThat(EchoProtocol.isExit("/EXIT")).isFalse();
    assertThat(EchoProtocol.isExit("/exit now")).isFalse();
    assertThat(EchoProtocol.isExit("")).isFalse();
  }

  @Test
  @DisplayName("control characters are shown as \\xNN, so a terminal cannot obey them")
  void showsControlCharactersEscaped() {
    assertThat(EchoProtocol.visible("a\u0000b\u001b[2J\rc\td\u007fe\u0085"))
        .isEqualTo("a\\x00b\\x1b[2J\\x0dc\\x09d\\x7fe\\x85");
  }

  @Test
  @DisplayName("other text, Unicode included, is left as it is")
  void leavesOtherTextAlone() {
    String text = "سلام, héllo 👋 \uFFFD \\x41 <b>";

    assertThat(EchoProtocol.visible(text)).isSameAs(text);
  }

  @Test
  void pluralsCountOneAsSingular() {
    assertThat(EchoProtocol.plural(0, "line")).isEqualTo("0 lines");
    assertThat(EchoProtocol.plural(1, "line")).isEqualTo("1 line");
    assertThat(EchoProtocol.plural(10_000, "client")).isEqualTo("10000 clients");
  }
}
