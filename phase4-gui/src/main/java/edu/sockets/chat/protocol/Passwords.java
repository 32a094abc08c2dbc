package edu.sockets.chat.protocol;

/** The password rule (chapter 4c): the server enforces it, clients check it before sending. */
public final class Passwords {

  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  private Passwords() {}

  /**
   * 8 to 128 code points (an emoji is one), no control character: lines lose those, so a password
   * holding one could never be typed the same way twice.
   */
  public static boolean isValid(String password) {
    int length = password.codePointCount(0, password.length());
    return length >= MIN_LENGTH
        && length <= MAX_LENGTH
        && password.equals(ControlCharacters.strip(password))
        && !password.isBlank();
  }

  public static String rule() {
    return "a password is 8 to 128 characters (spaces allowed, not only spaces)";
  }
}
