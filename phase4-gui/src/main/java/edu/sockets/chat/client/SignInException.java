package edu.sockets.chat.client;

/** The first sign-in failed; {@link #getMessage()} says why, in plain words. */
public final class SignInException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why: the connect dialog says so, stays open, and puts the cursor where the fix goes. */
  public enum Failure {
    UNREACHABLE,
    NAME_TAKEN,
    NAME_INVALID,
    /**
     * The password: wrong, invalid, or too many failures ({@code AUTH_*}, {@code NAME_PROTECTED}).
     */
    PASSWORD
  }

  private final Failure failure;

  SignInException(Failure failure, String message) {
    super(message);
    this.failure = failure;
  }

  public Failure failure() {
    return failure;
  }
}
