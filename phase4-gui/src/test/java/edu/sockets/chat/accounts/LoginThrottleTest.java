package edu.sockets.chat.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LoginThrottle: failures slow down, then lock, per name and per address")
class LoginThrottleTest {

  /** A clock the test moves by hand. */
  static final class FakeClock extends Clock {
    Instant now = Instant.parse("2026-11-22T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final FakeClock clock = new FakeClock();
  private final LoginThrottle throttle = new LoginThrottle(LoginThrottle.Policy.DEFAULT, clock);

  @Test
  void eachFailureWaitsLongerUpToTheMaximum() {
    assertThat(throttle.failed("alice", "10.0.0.1")).isEqualTo(Duration.ofMillis(250));
    assertThat(throttle.failed("alice", "10.0.0.1")).isEqualTo(Duration.ofMillis(500));
    assertThat(throttle.failed("alice", "10.0.0.1")).isEqualTo(Duration.ofMillis(1000));
    assertThat(throttle.failed("alice", "10.0.0.1")).isEqualTo(Duration.ofMillis(2000));
    assertThat(throttle.lockedFor("alice", "10.0.0.1")).isZero();
  }

  @Test
  void theFifthFailureForANameLocksItFromEveryAddressForFiveMinutes() {
    for (int i = 1; i <= 5; i++) {
      throttle.failed("alice", "10.0.0." + i); // a different address each time
    }
    assertThat(throttle.lockedFor("alice", "192.168.1.1")).isEqualTo(Duration.ofMinutes(5));
    assertThat(throttle.lockedFor("bob", "192.168.1.1")).isZero();
    clock.advance(Duration.ofMinutes(4));
    assertThat(throttle.lockedFor("alice", "10.0.0.9")).isEqualTo(Duration.ofMinutes(1));
    clock.advance(Duration.ofMinutes(1));
    assertThat(throttle.lockedFor("alice", "10.0.0.9")).isZero();
    assertThat(throttle.failed("alice", "10.0.0.9")).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void twentyFailuresFromOneAddressLockThatAddressForEveryName() {
    for (int i = 0; i < 20; i++) {
      throttle.failed("user" + i, "10.0.0.1"); // one guess per name: no name is locked
    }
    assertThat(throttle.lockedFor("user0", "10.0.0.2")).isZero();
    assertThat(throttle.lockedFor("newname", "10.0.0.1")).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void oldFailuresAreForgotten() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("alice", "10.0.0.1");
    }
    clock.advance(Duration.ofMinutes(16));
    throttle.failed("alice", "10.0.0.1");
    assertThat(throttle.lockedFor("alice", "10.0.0.1")).isZero();
  }

  @Test
  void theRightPasswordForgetsTheNameButNotTheAddress() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("alice", "10.0.0.1");
    }
    throttle.succeeded("alice");
    assertThat(throttle.failed("alice", "10.0.0.2")).isEqualTo(Duration.ofMillis(250));
    assertThat(throttle.failed("bob", "10.0.0.1")).isEqualTo(Duration.ofMillis(2000)); // 5th
  }

  @Test
  void manyNamesAndAddressesDoNotGrowWithoutBound() {
    for (int i = 0; i < 30_000; i++) {
      throttle.failed("u" + i, "a" + i);
      clock.advance(Duration.ofMillis(100)); // 50 minutes in all: the early ones go stale
    }
    // 60,000 entries were made; those of the last 15 minutes (18,000) must stay, the rest may go.
    assertThat(throttle.size()).isBetween(18_000, 40_000);
    assertThat(throttle.lockedFor("u0", "a0")).isZero();
  }
}
