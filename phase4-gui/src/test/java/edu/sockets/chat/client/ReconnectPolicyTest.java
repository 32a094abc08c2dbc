package edu.sockets.chat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ReconnectPolicy: exponential backoff, capped, with jitter")
class ReconnectPolicyTest {

  private static final ReconnectPolicy POLICY = ReconnectPolicy.DEFAULT;

  @Test
  @DisplayName("without jitter: 0.5, 1, 2, 4, 8, then 15 s for ever")
  void doublesUpToTheCap() {
    assertThat(IntStream.rangeClosed(1, 8).mapToObj(n -> POLICY.delay(n, () -> 0.5)))
        .extracting(Duration::toMillis)
        .containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 15000L, 15000L, 15000L);
    assertThat(POLICY.delay(1000, () -> 0.5)).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  @DisplayName("jitter spreads each wait by up to 20% either way")
  void jitterSpreads() {
    assertThat(POLICY.delay(4, () -> 0.0)).isEqualTo(Duration.ofMillis(3200));
    assertThat(POLICY.delay(4, () -> 0.999_999))
        .isBetween(Duration.ofMillis(4799), Duration.ofMillis(4800));
    assertThat(POLICY.delay(6, () -> 0.0)).isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  @DisplayName("refuses attempt 0 and nonsense settings, naming the bad value")
  void refusesNonsense() {
    assertThatThrownBy(() -> POLICY.delay(0, Math::random)).hasMessageContaining("not 0");
    assertThatThrownBy(
            () -> new ReconnectPolicy(Duration.ofSeconds(2), 2, Duration.ofSeconds(1), 0.2))
        .hasMessageContaining("PT2S");
    assertThatThrownBy(
            () -> new ReconnectPolicy(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1), 0.2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
