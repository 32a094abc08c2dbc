package edu.sockets.chat.grading;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's lines as the checks look for them. An event's timestamp may be any word here, or
 * missing: only the timestamp check judges it, so that a server without timestamps loses that check
 * and no other.
 */
final class Lines {

  /** An ISO-8601 UTC instant, as PROTOCOL.md writes {@code <ts>}. */
  static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z");

  private static final String LETTERS = "abcdefghijkmnpqrstuvwxyz23456789";

  private Lines() {}

  /**
   * Four random characters that make a check's names, rooms and texts its own: the server may hold
   * users of another check, of an earlier grade, or of a student trying it with {@code nc}.
   */
  static String token() {
    StringBuilder token = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      token.append(LETTERS.charAt(ThreadLocalRandom.current().nextInt(LETTERS.length())));
    }
    return token.toString();
  }

  /**
   * {@code TYPE <ts> fields...}, exactly but for the timestamp: {@code event("JOIN", "bob", "*")}
   * matches {@code JOIN 2026-11-22T10:15:30Z bob *}.
   */
  static Predicate<String> event(String type, String fields) {
    return event(type, fields, 0);
  }

  /** As {@link #event(String, String)}, with room names (and all else) compared ignoring case. */
  static Predicate<String> eventIgnoringCase(String type, String fields) {
    return event(type, fields, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static Predicate<String> event(String type, String fields, int flags) {
    Pattern pattern =
        Pattern.compile(Pattern.quote(type) + " (?:\\S+ )?" + Pattern.quote(fields), flags);
    return line -> pattern.matcher(line).matches();
  }

  /** How a diagnosis shows an expected event: {@code "JOIN <ts> bob *"}. */
  static String shown(String type, String fields) {
    return '"' + type + " <ts> " + fields + '"';
  }

  /** A message of any shape that carries {@code token}: for checks that judge something else. */
  static Predicate<String> messageWith(String token) {
    return line -> line.startsWith("MSG ") && line.contains(token);
  }

  /** Any {@code ERR} line, whatever its code: a refusal. */
  static boolean isError(String line) {
    return line.equals("ERR") || line.startsWith("ERR ");
  }

  /** The code of an {@code ERR} line: its second word, or "" when it has none. */
  static String code(String errLine) {
    String[] words = errLine.split(" ", 3);
    return words.length > 1 ? words[1] : "";
  }

  /** The answer to {@code /name} when not yet registered: WELCOME, or a refusal. */
  static boolean isNameAnswer(String line) {
    return line.startsWith("WELCOME") || isError(line);
  }

  /** The reason of {@code LEAVE <ts> <name> * <reason>}, or null if the line is not that. */
  static String leaveReason(String line, String name) {
    Matcher matcher =
        Pattern.compile("LEAVE (?:\\S+ )?" + Pattern.quote(name) + " \\* ?(.*)").matcher(line);
    return matcher.matches() ? matcher.group(1) : null;
  }
}
