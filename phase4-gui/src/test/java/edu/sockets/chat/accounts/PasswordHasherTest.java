package edu.sockets.chat.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sockets.chat.store.PasswordHash;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PasswordHasher: PBKDF2-HMAC-SHA256 with a random salt")
class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher(1_000); // fast; the rule is the same

  @Test
  void theRightPasswordVerifiesAndAWrongOneDoesNot() {
    PasswordHash hash = hasher.hash("correct horse");
    assertThat(hasher.verify("correct horse", hash)).isTrue();
    assertThat(hasher.verify("correct horsE", hash)).isFalse();
    assertThat(hasher.verify("correct horse ", hash)).isFalse();
    assertThat(hasher.verify("", hash)).isFalse();
  }

  @Test
  void theSameTwiceGivesTwoSaltsAndTwoHashes() {
    PasswordHash a = hasher.hash("same password");
    PasswordHash b = hasher.hash("same password");
    assertThat(a.salt()).isNotEqualTo(b.salt()).hasSize(16);
    assertThat(a.hash()).isNotEqualTo(b.hash()).hasSize(32);
    assertThat(a.iterations()).isEqualTo(1_000);
  }

  @Test
  void theHashHoldsNothingOfThePassword() {
    PasswordHash hash = hasher.hash("findable-text");
    String stored = new String(hash.hash(), StandardCharsets.ISO_8859_1);
    assertThat(stored).doesNotContain("findable");
  }

  @Test
  void aHashMadeWithOtherIterationsStillVerifies() {
    PasswordHash old = new PasswordHasher(500).hash("kept from before");
    assertThat(hasher.verify("kept from before", old)).isTrue(); // its own count is stored
  }

  @Test
  void anUnknownAccountNeverVerifies() {
    assertThat(hasher.verify("anything at all", null)).isFalse();
    assertThat(hasher.verify("", null)).isFalse();
  }

  @Test
  void theDefaultIsOwaspsCount() {
    assertThat(PasswordHasher.RECOMMENDED_ITERATIONS).isEqualTo(600_000);
    assertThatThrownBy(() -> new PasswordHasher(0)).hasMessageContaining("0");
  }
}
