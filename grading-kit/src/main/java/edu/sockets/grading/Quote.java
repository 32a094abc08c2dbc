package edu.sockets.grading;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Shows bytes and text the way a diagnosis quotes them: in double quotes, with every invisible
 * character spelled out ({@code \n}, {@code \r}, {@code \t}, {@code \x1b}) and every byte that is
 * not UTF-8 shown as {@code \xff}, so a student sees exactly what went over the wire.
 */
public final class Quote {

  /** Longer quotes are cut here, with a note of how much was left out. */
  static final int MAX_CHARS = 100;

  private Quote() {}

  /** {@code "Hello Client\n"}. */
  public static String text(String text) {
    return bytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The bytes, decoded as UTF-8 where they are valid, quoted and cut to {@link #MAX_CHARS}. */
  public static String bytes(byte[] bytes) {
    StringBuilder shown = new StringBuilder("\"");
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    while (in.hasRemaining() && shown.length() <= MAX_CHARS) {
      CoderResult result = decoder.decode(in, out, true);
      appendEscaped(shown, out.flip());
      out.clear();
      if (result.isError()) {
        for (int i = 0; i < result.length(); i++) {
          shown.append("\\x%02x".formatted(in.get() & 0xff)); // not UTF-8: show the raw byte
        }
      }
    }
    if (shown.length() > MAX_CHARS) {
      shown.setLength(MAX_CHARS);
      return shown + "\"... (" + bytes.length + " bytes in all)";
    }
    return shown.append('"').toString();
  }

  private static void appendEscaped(StringBuilder shown, CharSequence chars) {
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.charAt(i);
      switch (c) {
        case '\n' -> shown.append("\\n");
        case '\r' -> shown.append("\\r");
        case '\t' -> shown.append("\\t");
        case '"' -> shown.append("\\\"");
        case '\\' -> shown.append("\\\\");
        default -> {
          if (Character.isISOControl(c)) {
            shown.append("\\x%02x".formatted((int) c));
          } else {
            shown.append(c);
          }
        }
      }
    }
  }

  /** {@code 1 line}, {@code 2 lines}; {@code 2,000 lines}. */
  public static String count(long count, String noun) {
    return "%,d %s%s".formatted(count, noun, count == 1 ? "" : "s");
  }

  /** {@code 3.9 MB}, {@code 512 bytes}: amounts of data a student can picture. */
  public static String size(long bytes) {
    if (bytes < 10_000) {
      return count(bytes, "byte");
    }
    return bytes < 1_000_000 ? "%.1f kB".formatted(bytes / 1e3) : "%.1f MB".formatted(bytes / 1e6);
  }

  /** {@code 2 s}, {@code 0.5 s}. */
  public static String seconds(java.time.Duration duration) {
    double seconds = duration.toMillis() / 1000.0;
    return (seconds == Math.rint(seconds) ? "%.0f s" : "%.1f s").formatted(seconds);
  }
}
