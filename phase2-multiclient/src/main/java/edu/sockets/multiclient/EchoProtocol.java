package edu.sockets.multiclient;

/**
 * What the server says, as pure functions of text: no sockets, so it is tested without a network.
 *
 * <p>Every reply starts with the client's {@code ip:port} in brackets, as the server sees it, so
 * that each client can tell that the answer is meant for it.
 */
public final class EchoProtocol {

  /** The line that ends a client's connection. */
  public static final String EXIT = "/exit";

  private EchoProtocol() {}

  /** The answer to an ordinary line: {@code [127.0.0.1:53422] you said: hello}. */
  static String reply(String who, String line) {
    return "[" + who + "] you said: " + visible(line);
  }

  /** The answer to {@link #EXIT}, after which the server closes the connection. */
  static String goodbye(String who) {
    return "[" + who + "] goodbye";
  }

  /** The answer to a line over the limit; the connection stays open. */
  static String tooLong(String who, int maxLineBytes) {
    return "[" + who + "] error: line longer than " + maxLineBytes + " bytes, ignored";
  }

  /** True for {@code /exit}, with or without spaces around it. */
  static boolean isExit(String line) {
    return line.strip().equals(EXIT);
  }

  /** {@code 1 line}, {@code 2 lines}: for the log and the reports. */
  public static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /**
   * The text with every control character (U+0000 to U+001F and U+007F to U+009F: NUL, ESC, CR,
   * tab...) written as {@code \x1b}. A client could otherwise clear the server's terminal, move its
   * cursor or overwrite a log line with a bare CR, since a terminal obeys those bytes.
   */
  public static String visible(String text) {
    int first = 0;
    while (first < text.length() && !Character.isISOControl(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text; // the usual case: nothing to copy
    }
    StringBuilder shown = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        shown.append("\\x%02x".formatted((int) c));
      } else {
        shown.append(c);
      }
    }
    return shown.toString();
  }
}
