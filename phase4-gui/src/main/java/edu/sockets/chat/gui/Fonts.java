package edu.sockets.chat.gui;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The emoji font that comes with the client. Java draws text with the system's fonts, but on Linux
 * it cannot draw colour emoji fonts (their glyphs are bitmaps or colour layers): without one, an
 * emoji shows as an empty box; with Noto Color Emoji installed, as nothing at all. So the client
 * bundles Noto Emoji, a monochrome outline font (SIL Open Font License, {@code fonts/OFL.txt}), and
 * the conversation view switches to it for emoji. Chinese, Japanese and Korean come from the
 * system's fonts (on Linux, install {@code fonts-wqy-microhei} or {@code fonts-noto-cjk}).
 */
final class Fonts {

  private static final String EMOJI_FONT = "fonts/NotoEmoji-Regular.ttf";

  /** The bundled emoji font at size 1, or null if it could not be loaded. */
  private static final Font EMOJI = load();

  private Fonts() {}

  /** The emoji font's family name, for a text style, or null if it is missing. */
  static String emojiFamily() {
    return EMOJI == null ? null : EMOJI.getFamily();
  }

  private static final boolean LINUX =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");

  /**
   * Whether to draw {@code codePoint} with the emoji font: when {@code base} lacks it, and, on
   * Linux, for every symbol the emoji font has. There, with a colour emoji font installed (Noto
   * Color Emoji), {@code canDisplay} says yes, and Java 2D then draws nothing at all.
   */
  static boolean needsEmojiFont(Font base, int codePoint) {
    if (EMOJI == null || !EMOJI.canDisplay(codePoint)) {
      return false;
    }
    return !base.canDisplay(codePoint)
        || (LINUX && Character.getType(codePoint) == Character.OTHER_SYMBOL);
  }

  private static Font load() {
    try (InputStream in = Fonts.class.getResourceAsStream(EMOJI_FONT)) {
      if (in == null) {
        return null;
      }
      Font font = Font.createFont(Font.TRUETYPE_FONT, in);
      GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
      return font;
    } catch (IOException | FontFormatException e) {
      return null; // emoji then show as boxes; everything else works
    }
  }
}
