package edu.sockets.chat.gui;

import com.formdev.flatlaf.FlatLaf;
import edu.sockets.chat.client.NameColour;
import java.awt.Color;
import java.util.List;
import javax.swing.UIManager;

/**
 * The colours of the conversation view, for the theme showing: a stable colour per name (the same
 * rule as the terminal client's), and the colours of private lines, notices and errors. Names get
 * darker shades on light themes and lighter ones on dark themes, so both stay readable; none is
 * red, which means an error.
 */
final class Palette {

  private static final List<Color> LIGHT_NAMES =
      List.of(
          new Color(0x1a7f37), // green
          new Color(0x953800), // brown
          new Color(0x0550ae), // blue
          new Color(0x8250df), // purple
          new Color(0x1b7c83), // teal
          new Color(0x6639ba), // violet
          new Color(0x3e63dd), // indigo
          new Color(0xa0306f)); // plum

  private static final List<Color> DARK_NAMES =
      List.of(
          new Color(0x3fb950),
          new Color(0xdb8f4a),
          new Color(0x58a6ff),
          new Color(0xbc8cff),
          new Color(0x39c5cf),
          new Color(0xa77bff),
          new Color(0x8ca3ff),
          new Color(0xf08cc0));

  private Palette() {}

  static boolean dark() {
    return FlatLaf.isLafDark();
  }

  /** The colour of {@code name}, the same for {@code bob} and {@code Bob}, everywhere. */
  static Color name(String name) {
    List<Color> names = dark() ? DARK_NAMES : LIGHT_NAMES;
    return names.get(NameColour.index(name, names.size()));
  }

  static Color text() {
    return UIManager.getColor("TextPane.foreground");
  }

  /** Times and notices: quieter than text. */
  static Color quiet() {
    return dark() ? new Color(0x8b949e) : new Color(0x6e7781);
  }

  static Color privateMark() {
    return dark() ? new Color(0xff7ad9) : new Color(0xb3008f);
  }

  /** The background of a private line: a tint, so private stands out at a glance. */
  static Color privateBackground() {
    return dark() ? new Color(0x3a2238) : new Color(0xfbeaf6);
  }

  static Color error() {
    return dark() ? new Color(0xff7b72) : new Color(0xcf222e);
  }

  static Color online() {
    return dark() ? new Color(0x3fb950) : new Color(0x1a7f37);
  }

  static Color warning() {
    return dark() ? new Color(0xd29922) : new Color(0x9a6700);
  }
}
