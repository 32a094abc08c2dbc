package edu.sockets.grading;

/**
 * The outcome of one check: passed, or failed with a diagnosis that says what arrived against what
 * was expected, and what to look at.
 */
public record Verdict(boolean passed, String diagnosis) {

  public static final Verdict PASS = new Verdict(true, "");

  public Verdict {
    if (!passed && diagnosis.isBlank()) {
      throw new IllegalArgumentException("a failed check needs a diagnosis");
    }
  }

  public static Verdict fail(String diagnosis) {
    return new Verdict(false, diagnosis);
  }

  /** {@code got "Hello client\n" but expected "Hello Client\n"}. */
  public static Verdict expected(Reply got, String expectedLine) {
    return fail("got %s but expected %s".formatted(got.describe(), Quote.text(expectedLine)));
  }
}
