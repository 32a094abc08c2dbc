package edu.sockets.chat.protocol;

/**
 * Removes the characters that drive a terminal instead of printing on it (C0 but TAB, DEL, C1):
 * with them, one user could clear or retitle everyone else's terminal.
 */
public final class ControlCharacters {

  private ControlCharacters() {}

  /** {@code text} without control characters: the same object when there were none. */
  public static String strip(String text) {
    // Most lines have none: scan first, so the common case allocates nothing.
    int first = firstControl(text);
    if (first < 0) {
      return text;
    }
    StringBuilder clean = new StringBuilder(text.length()).append(text, 0, first);
    for (int i = first + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isControl(c)) {
        clean.append(c);
      }
    }
    return clean.toString();
  }

  static boolean isControl(char c) {
    return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f);
  }

  private static int firstControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isControl(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
