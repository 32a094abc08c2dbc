package edu.sockets.chat.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("LoadRun: what a run's threads share, and when the generator stops waiting")
@Timeout(10)
class LoadRunTest {

  private final LoadRun run = run(Duration.ofMillis(200));

  /** Two users of three messages each: each must receive six. */
  private static LoadRun run(Duration idleTimeout) {
    return new LoadRun(new LoadSettings("127.0.0.1", 1, 2, 3, 0, idleTimeout, null));
  }

  @Test
  @DisplayName("every user welcomed: registering is over")
  void registeredWhenEveryoneIsWelcomed() throws Exception {
    run.welcomed();
    run.welcomed();

    run.awaitRegistered(); // returns: the @Timeout fails the test if it does not
  }

  @Test
  @DisplayName("a failure while registering ends the wait with its message")
  void failureEndsTheWait() {
    run.welcomed();
    run.fail("the server refused user 1: ERR NAME_TAKEN");

    assertThatThrownBy(run::awaitRegistered)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the server refused user 1: ERR NAME_TAKEN");
  }

  @Test
  @DisplayName("nobody welcomed: gives up after three idle timeouts, naming who still waits")
  void givesUpRegistering() {
    assertThatThrownBy(run::awaitRegistered)
        .hasMessage("gave up registering: 2 users still waiting");
  }

  @Test
  @DisplayName("deliveries add up, and the wait ends once every user has all of its messages")
  void deliveriesAddUp() throws Exception {
    LoadRun patient = run(Duration.ofMinutes(1)); // only the deliveries can end its wait in time
    patient.startClock();
    patient.delivered(0, 4, System.nanoTime());
    patient.delivered(4, 6, System.nanoTime()); // the first user has its six
    patient.delivered(0, 6, System.nanoTime()); // the second too

    patient.awaitDeliveries(); // returns: the @Timeout fails the test if it does not

    assertThat(patient.delivered()).isEqualTo(12);
  }

  @Test
  @DisplayName("nothing arriving: the wait ends after the idle timeout, the rest counted as lost")
  void idleTimeoutEndsTheWait() throws Exception {
    run.startClock();
    run.delivered(0, 6, System.nanoTime()); // one user has everything, the other nothing

    long before = System.nanoTime();
    run.awaitDeliveries();

    assertThat(System.nanoTime() - before).isGreaterThanOrEqualTo(Duration.ofMillis(150).toNanos());
    assertThat(run.delivered()).isEqualTo(6);
  }
}
