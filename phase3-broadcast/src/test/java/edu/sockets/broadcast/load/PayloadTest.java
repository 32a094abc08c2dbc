package edu.sockets.broadcast.load;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The load line: written as bytes, parsed back, and refused when damaged. */
@DisplayName("Payload: the load line, written and checked")
class PayloadTest {

  @Test
  @DisplayName("a load line survives the trip: written, prefixed, parsed back")
  void writesAndParsesALine() {
    byte[] line = new byte[600];
    int length = Payload.write(line, 17, 42, 1_234_567, 500);
    long[] fields = new long[4];

    assertThat(length).isEqualTo(501);
    assertThat(Payload.parse(line, 0, length - 1, fields)).isTrue();
    assertThat(fields).containsExactly(17, 42, 1_234_567, Payload.checksum(17, 42, 1_234_567));
  }

  @Test
  @DisplayName("a changed digit, a cut line, two lines run together: all refused")
  void refusesCorruptedLines() {
    long[] fields = new long[4];
    String good = "17 42 1234567 " + Payload.checksum(17, 42, 1_234_567);

    assertThat(parse(good, fields)).isTrue();
    assertThat(parse(good.replace("42", "43"), fields)).isFalse();
    assertThat(parse(good.substring(0, 9), fields)).isFalse();
    assertThat(parse(good + good, fields)).isFalse();
    assertThat(parse(good + " ..x..", fields)).isFalse();
    assertThat(parse("", fields)).isFalse();
  }

  private static boolean parse(String text, long[] fields) {
    byte[] bytes = text.getBytes(UTF_8);
    return Payload.parse(bytes, 0, bytes.length, fields);
  }
}
