package edu.sockets.grading;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs a rubric against one server: first a connection to see that it is there at all, then each
 * check on a thread of its own, within its time budget. A check that overruns is stopped by closing
 * its connections, which ends any read it is blocked in; the next check starts afresh.
 */
public final class Grader {

  /** How long a server that exits after each client is given to exit, after a check. */
  static final Duration RESTART_SETTLE = Duration.ofMillis(200);

  private final Rubric rubric;
  private final Timing timing;

  public Grader(Rubric rubric, Timing timing) {
    this.rubric = rubric;
    this.timing = timing;
  }

  /**
   * Grades the server at {@code endpoint}.
   *
   * @param progress told of each mark as soon as it is known, to print it
   */
  public Grade grade(String student, Endpoint endpoint, Consumer<Mark> progress)
      throws InterruptedException {
    Instant at = Instant.now();
    long startNanos = System.nanoTime();
    long deadline = startNanos + Timing.WHOLE_GRADE.toNanos();
    String unreachable = preflight(endpoint);
    List<Mark> marks = new ArrayList<>();
    for (Check check : rubric.checks()) {
      Mark mark =
          unreachable == null
              ? run(check, endpoint, deadline)
              : new Mark(check, Verdict.fail("not run: " + unreachable), Duration.ZERO);
      marks.add(mark);
      progress.accept(mark);
    }
    return new Grade(
        student, endpoint, rubric, marks, at, Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** Null if the server accepts a connection; otherwise why not, said once for every check. */
  private String preflight(Endpoint endpoint) throws InterruptedException {
    Probe probe = new Probe(endpoint, timing, rubric.serverRestarts());
    try {
      probe.connect(true);
      return null;
    } catch (Unreachable e) {
      return e.getMessage();
    } finally {
      endCheck(probe);
    }
  }

  private Mark run(Check check, Endpoint endpoint, long deadline) throws InterruptedException {
    long startNanos = System.nanoTime();
    Attempt attempt = attempt(check, endpoint, deadline);
    if (!attempt.verdict().passed() && rubric.serverRestarts() && attempt.endedSilently()) {
      // A server run in a loop may have been caught exiting, with our connection in its queue:
      // the kernel then resets it unanswered. Once more, against the next process.
      attempt = attempt(check, endpoint, deadline);
    }
    return new Mark(check, attempt.verdict(), Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** One run of a check, and whether a connection of it ended before a byte came. */
  private record Attempt(Verdict verdict, boolean endedSilently) {}

  private Attempt attempt(Check check, Endpoint endpoint, long deadline)
      throws InterruptedException {
    Duration left = Duration.ofNanos(deadline - System.nanoTime());
    if (left.isNegative() || left.isZero()) {
      String why = "not run: the grade reached its limit of " + Quote.seconds(Timing.WHOLE_GRADE);
      return new Attempt(Verdict.fail(why), false);
    }
    Duration budget = left.compareTo(timing.budget()) < 0 ? left : timing.budget();
    Probe probe = new Probe(endpoint, timing, rubric.serverRestarts());
    FutureTask<Verdict> task = new FutureTask<>(() -> check.body().run(probe));
    // A thread per check, so that a check blocked on a silent server cannot hold the grade.
    Thread thread = Thread.ofPlatform().daemon().name("check: " + check.name()).start(task);
    Verdict verdict;
    try {
      verdict = task.get(budget.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      verdict =
          Verdict.fail(
              "stopped after %s: the server kept the check waiting"
                  .formatted(Quote.seconds(budget)));
    } catch (ExecutionException e) {
      verdict = failure(e.getCause());
    } finally {
      endCheck(probe); // ends any read the check is still blocked in
      thread.interrupt();
    }
    thread.join(Duration.ofSeconds(1));
    return new Attempt(verdict, probe.anyEndedSilently());
  }

  /**
   * Closes the check's connections. A server that exits after each client is then given a moment to
   * exit: a connection made while it is still ending would land in its queue and be reset
   * unanswered. Another machine's process cannot tell us when it has exited, so we wait.
   */
  private void endCheck(Probe probe) throws InterruptedException {
    probe.closeAll();
    if (rubric.serverRestarts()) {
      Thread.sleep(RESTART_SETTLE);
    }
  }

  private static Verdict failure(Throwable thrown) {
    return Verdict.fail(
        switch (thrown) {
          case Unreachable e -> e.getMessage();
          case IOException e -> "the connection failed: " + e.getMessage();
          default -> "the check itself failed, which is a fault of the grader: " + thrown;
        });
  }
}
