package edu.sockets.grading;

import java.util.List;

/**
 * A phase's rubric: its protocol made executable, one independent check per behaviour.
 *
 * @param title the phase, as the report names it: {@code Phase 1: Hello}
 * @param checks in the order they run; none depends on another's outcome
 * @param serverRestarts true when the server exits after each client and runs in a loop
 */
public record Rubric(String title, List<Check> checks, boolean serverRestarts) {

  public Rubric {
    checks = List.copyOf(checks);
  }

  public int possible() {
    return checks.stream().mapToInt(Check::points).sum();
  }
}
