package edu.sockets.chat.protocol.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Fingerprints: SHA-256 as people compare it")
class FingerprintsTest {

  private static final String ABC =
      "BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD";

  @Test
  @DisplayName("is the SHA-256 of the bytes, in upper-case pairs joined by colons")
  void formatsSha256() {
    assertThat(Fingerprints.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(ABC)
        .hasSize(Fingerprints.LENGTH);
  }

  @Test
  @DisplayName("reads what people type: any case, with or without colons, spaces around")
  void parsesTypedForms() {
    assertThat(Fingerprints.parse(ABC.toLowerCase())).isEqualTo(ABC);
    assertThat(Fingerprints.parse(ABC.replace(":", ""))).isEqualTo(ABC);
    assertThat(Fingerprints.parse("  " + ABC + "\t")).isEqualTo(ABC);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "BA:78",
        "GG:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD",
        "BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD:00",
        "BA-78-16-BF-8F-01-CF-EA-41-41-40-DE-5D-AE-22-23-B0-03-61-A3-96-17-7A-9C-B4-10-FF-61-F2-00-15-AD",
        "\u0661\u0662BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015",
        "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F200\u0000AD"
      })
  @DisplayName("refuses anything that is not 32 bytes of hex")
  void refusesOtherText(String text) {
    assertThat(Fingerprints.parse(text)).isNull();
  }

  @Test
  @DisplayName("refuses null")
  void refusesNull() {
    assertThat(Fingerprints.parse(null)).isNull();
  }
}
