package edu.sockets.grading;

import java.time.Duration;

/**
 * How long a grade waits for each thing. The standard values suit a lab network; the course's own
 * tests, on loopback, use shorter ones so that a gallery of faulty servers is graded in seconds.
 *
 * @param connect how long to wait for a connection to be accepted by the operating system
 * @param answer how long to wait for a line the server should send
 * @param quiet how long a server must stay silent to show that nothing more is coming
 * @param comeback how long to wait for a server that exits after each client to listen again
 * @param budget the most one check may take, whatever it waits on
 */
public record Timing(
    Duration connect, Duration answer, Duration quiet, Duration comeback, Duration budget) {

  /** The timing of {@code grade} on the command line. */
  public static final Timing STANDARD =
      new Timing(
          Duration.ofSeconds(3),
          Duration.ofSeconds(2),
          Duration.ofSeconds(1),
          Duration.ofSeconds(5),
          Duration.ofSeconds(10));

  /** A grade's whole run stays within this, whatever the server does. */
  public static final Duration WHOLE_GRADE = Duration.ofSeconds(55);
}
