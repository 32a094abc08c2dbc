package edu.sockets.chat.limits;

import static edu.sockets.chat.limits.Watchdog.Action.CLOSE;
import static edu.sockets.chat.limits.Watchdog.Action.HEARTBEAT_TIMEOUT;
import static edu.sockets.chat.limits.Watchdog.Action.LINE_TIMEOUT;
import static edu.sockets.chat.limits.Watchdog.Action.NOTHING;
import static edu.sockets.chat.limits.Watchdog.Action.PING;
import static edu.sockets.chat.limits.Watchdog.Action.REGISTER_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The watchdog's decisions, on a fake clock: times are seconds after the connection opened. */
@DisplayName("Watchdog: heartbeat, slowloris and registration timeouts (on a fake clock)")
class WatchdogTest {

  private static final long T0 = -TimeUnit.SECONDS.toNanos(1000); // nanoTime may be negative

  private final Watchdog watchdog = new Watchdog(Limits.DEFAULTS, () -> 0, line -> {});
  private final Activity registered = activity();

  private static long at(double seconds) {
    return T0 + Math.round(seconds * 1e9);
  }

  private static Activity activity() {
    return new Activity(T0);
  }

  WatchdogTest() {
    registered.registered = true;
  }

  @Test
  @DisplayName("a client that never sent /pong is never pinged, however quiet (nc, version 1)")
  void noHeartbeatWithoutOptIn() {
    assertThat(watchdog.check(registered, at(3600))).isEqualTo(NOTHING);
  }

  @Test
  @DisplayName("heartbeat: PING after 30 s of quiet; dropped 15 s later without a line")
  void pingThenTimeout() {
    registered.heartbeat = true;

    assertThat(watchdog.check(registered, at(29.9))).isEqualTo(NOTHING);
    assertThat(watchdog.check(registered, at(30))).isEqualTo(PING);
    registered.pingSentAt = at(30);
    assertThat(watchdog.check(registered, at(44.9))).isEqualTo(NOTHING);
    assertThat(watchdog.check(registered, at(45))).isEqualTo(HEARTBEAT_TIMEOUT);
  }

  @Test
  @DisplayName("any line after the PING answers it; the next PING comes 30 s after that line")
  void anyLineAnswers() {
    registered.heartbeat = true;
    registered.pingSentAt = at(30);
    registered.lastLineAt = at(31);

    assertThat(watchdog.check(registered, at(50))).isEqualTo(NOTHING);
    assertThat(watchdog.check(registered, at(61))).isEqualTo(PING);
  }

  @Test
  @DisplayName("a busy client is never pinged: each line restarts the quiet time")
  void busyClientIsNotPinged() {
    registered.heartbeat = true;
    for (int second = 1; second < 300; second++) {
      registered.lastLineAt = at(second - 1);
      assertThat(watchdog.check(registered, at(second))).isEqualTo(NOTHING);
    }
  }

  @Test
  @DisplayName("slowloris: a line begun 10 s ago and still waited for is a timeout")
  void slowLine() {
    registered.lineStartedAt = at(100);
    registered.waitingForBytes = true;

    assertThat(watchdog.check(registered, at(109.9))).isEqualTo(NOTHING);
    assertThat(watchdog.check(registered, at(110))).isEqualTo(LINE_TIMEOUT);
  }

  @Test
  @DisplayName(
      "a late line the server is still busy with (not waiting for bytes) is not the client's fault")
  void busyServerIsNotSlowloris() {
    registered.lineStartedAt = at(100);
    registered.waitingForBytes = false;

    assertThat(watchdog.check(registered, at(200))).isEqualTo(NOTHING);
  }

  @Test
  @DisplayName("no name after 60 s: ask the chat; a registered connection is not asked again")
  void registrationTimeout() {
    Activity fresh = activity();

    assertThat(watchdog.check(fresh, at(59.9))).isEqualTo(NOTHING);
    assertThat(watchdog.check(fresh, at(60))).isEqualTo(REGISTER_TIMEOUT);
    assertThat(watchdog.check(registered, at(3600))).isEqualTo(NOTHING);
  }

  @Test
  @DisplayName("told to go, still open 2 s later: closed")
  void closesWhatLingers() {
    registered.closingSince = at(5);
    registered.heartbeat = true;
    registered.pingSentAt = at(1); // unanswered, but it is going anyway: no second ERR

    assertThat(watchdog.check(registered, at(6.9))).isEqualTo(NOTHING);
    assertThat(watchdog.check(registered, at(7))).isEqualTo(CLOSE);
  }

  @Test
  @DisplayName("every timeout 0: nothing is ever done")
  void zeroTurnsEverythingOff() {
    Watchdog off = new Watchdog(Limits.NONE, () -> 0, line -> {});
    Activity a = activity();
    a.heartbeat = true;
    a.lineStartedAt = at(0);
    a.waitingForBytes = true;

    assertThat(off.check(a, at(86_400))).isEqualTo(NOTHING);
  }
}
