package edu.sockets.chat.grading;

/**
 * A check cannot go on (a user could not register, an answer never came): its message is the
 * check's diagnosis. {@link ChatRubric} turns it into a failed verdict.
 */
final class Failed extends Exception {

  private static final long serialVersionUID = 1L;

  Failed(String diagnosis) {
    super(diagnosis);
  }
}
