package edu.sockets.grading;

import java.time.Duration;

/** What one check gave one server: its verdict, the points earned, and how long it took. */
public record Mark(Check check, Verdict verdict, Duration took) {

  public boolean passed() {
    return verdict.passed();
  }

  public int earned() {
    return passed() ? check.points() : 0;
  }
}
