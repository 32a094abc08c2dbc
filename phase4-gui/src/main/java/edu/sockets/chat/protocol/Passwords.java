package edu.sockets.chat.protocol;

/**
 * The password rule, shared by the server (which enforces it) and the clients (which check it
 * before sending). How passwords are hashed is the server's business ({@code PasswordHasher}).
 */
public final class Passwords {

  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  private Passwords() {}

  /**
   * True for 8 to 128 characters (counted as code points, so an emoji is one) with no control
   * character: the protocol's lines remove those, so a password holding one could never be typed
   * the same way twice.
   */
  public static boolean isValid(String password) {
    int length = password.codePointCount(0, password.length());
    return length >= MIN_LENGTH
        && length <= MAX_LENGTH
        && password.equals(ControlCharacters.strip(password))
        && !password.isBlank();
  }

  /** Says what a valid password looks like, for error messages. */
  public static String rule() {
    return "a password is 8 to 128 characters (spaces allowed, not only spaces)";
  }
}
