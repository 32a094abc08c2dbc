package edu.sockets.chat.limits;

import static edu.sockets.chat.limits.FloodGuard.Verdict.DISCONNECT;
import static edu.sockets.chat.limits.FloodGuard.Verdict.PASS;
import static edu.sockets.chat.limits.FloodGuard.Verdict.REFUSE;
import static edu.sockets.chat.limits.FloodGuard.Verdict.REFUSE_AND_WARN;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.limits.FloodGuard.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FloodGuard: refuse the excess, warn once a second, disconnect sustained floods")
class FloodGuardTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  private static Limits rate(double perSecond, int burst) {
    return new Limits(
        Duration.ZERO, Duration.ZERO, perSecond, burst, 0, 0, false, Duration.ZERO, Duration.ZERO);
  }

  private static List<Verdict> lines(FloodGuard guard, int count, long now) {
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      verdicts.add(guard.check(now));
    }
    return verdicts;
  }

  @Test
  @DisplayName("the burst passes; the next line is refused with one warning, the rest silently")
  void warnsOncePerSecond() {
    FloodGuard guard = new FloodGuard(rate(50, 200), 0);

    assertThat(lines(guard, 200, 0)).containsOnly(PASS);
    assertThat(lines(guard, 5, 0)).containsExactly(REFUSE_AND_WARN, REFUSE, REFUSE, REFUSE, REFUSE);
    assertThat(guard.check(999 * MS)).as("not a second later: still silent").isEqualTo(PASS);
    lines(guard, 60, 999 * MS); // empties the refilled bucket again
    // Two milliseconds later the bucket has a token again, then none: a second since the warning.
    assertThat(lines(guard, 3, 1001 * MS)).containsExactly(PASS, REFUSE_AND_WARN, REFUSE);
  }

  @Test
  @DisplayName("part 1's blast (101 lines at once) and 10 lines a second are never refused")
  void benchmarksPassTheDefaults() {
    FloodGuard blast = new FloodGuard(Limits.DEFAULTS, 0);
    FloodGuard steady = new FloodGuard(Limits.DEFAULTS, 0);
    List<Verdict> steadyVerdicts = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      steadyVerdicts.add(steady.check(i * 100 * MS));
    }

    assertThat(lines(blast, 101, 0)).containsOnly(PASS);
    assertThat(steadyVerdicts).containsOnly(PASS);
  }

  @Test
  @DisplayName("a blast of burst + burst lines at once: the second burst's last line disconnects")
  void sustainedFloodDisconnects() {
    FloodGuard guard = new FloodGuard(rate(50, 200), 0);

    List<Verdict> verdicts = lines(guard, 401, 0);

    assertThat(verdicts.subList(0, 200)).containsOnly(PASS);
    assertThat(verdicts.subList(200, 400)).doesNotContain(PASS, DISCONNECT);
    assertThat(verdicts.get(400)).isEqualTo(DISCONNECT);
  }

  @Test
  @DisplayName("a sender a little over the rate is refused at times but not disconnected")
  void slightlyOverTheRateIsOnlyRefused() {
    FloodGuard guard = new FloodGuard(rate(50, 200), 0);
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < 60 * 54; i++) { // 54 lines a second for a minute: 4 over the rate
      verdicts.add(guard.check(i * TimeUnit.SECONDS.toNanos(1) / 54));
    }

    assertThat(verdicts).contains(REFUSE_AND_WARN).doesNotContain(DISCONNECT);
  }

  @Test
  @DisplayName("a sender at twice the rate: refused after 4 s, disconnected after about 8.4 s")
  void twiceTheRateIsDisconnected() {
    FloodGuard guard = new FloodGuard(rate(50, 200), 0);
    long tick = TimeUnit.SECONDS.toNanos(1) / 100; // 100 lines a second
    int line = 0;
    while (guard.check(line * tick) != DISCONNECT) {
      line++;
      assertThat(line).as("disconnected within a minute").isLessThan(60 * 100);
    }

    // The burst lasts 200 / (100 - 50) = 4 s; then 45 more refusals a second than are forgiven
    // empty the second bucket of 200 in 4.4 s.
    assertThat(line).isBetween(830, 850);
  }

  @Test
  @DisplayName("rate 0 turns the limit off")
  void offWhenRateIsZero() {
    FloodGuard guard = new FloodGuard(Limits.NONE, 0);

    assertThat(lines(guard, 100_000, 0)).containsOnly(PASS);
  }
}
