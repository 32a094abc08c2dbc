package edu.sockets.grading;

/**
 * One row of a rubric: what is checked, what it is worth, and where the chapter defines it.
 *
 * @param name a few words, as in the rubric table: {@code reply is exactly "Hello Client"}
 * @param points what passing is worth
 * @param cites the section that defines the expected behaviour: {@code report/01-hello.md 3.2}
 * @param body what the check does to the server
 */
public record Check(String name, int points, String cites, Body body) {

  public Check {
    if (points < 1) {
      throw new IllegalArgumentException("a check is worth at least 1 point: " + name);
    }
  }

  /** What a check does: talks to the server through the probe, and judges what it got. */
  @FunctionalInterface
  public interface Body {
    Verdict run(Probe probe) throws Exception;
  }
}
