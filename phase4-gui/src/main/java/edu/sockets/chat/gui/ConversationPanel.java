package edu.sockets.chat.gui;

import edu.sockets.chat.client.Conversation;
import edu.sockets.chat.client.Line;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollBar;
import javax.swing.JScrollPane;
import javax.swing.JTextPane;
import javax.swing.UIManager;
import javax.swing.text.BadLocationException;
import javax.swing.text.SimpleAttributeSet;
import javax.swing.text.StyleConstants;
import javax.swing.text.StyledDocument;

/**
 * One conversation's lines: local time, the sender's name in its colour, the text; private lines
 * marked and tinted; notices smaller and quieter. A header says who reads what is typed here.
 */
final class ConversationPanel extends JPanel {

  private static final long serialVersionUID = 1L;

  private final transient Conversation conversation;
  private final transient DateTimeFormatter clock;
  private final JLabel header = new JLabel();
  private final JTextPane text = new JTextPane();
  private final JScrollPane scroll = new JScrollPane(text);

  ConversationPanel(Conversation conversation, ZoneId zone) {
    super(new BorderLayout());
    this.conversation = conversation;
    this.clock = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
    text.setName("conversation " + conversation.key());
    text.setEditable(false);
    header.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
    header.putClientProperty("FlatLaf.styleClass", "small");
    scroll.setBorder(BorderFactory.createEmptyBorder());
    add(header, BorderLayout.NORTH);
    add(scroll, BorderLayout.CENTER);
    render();
  }

  Conversation conversation() {
    return conversation;
  }

  /** The text as shown, for tests. */
  String shownText() {
    return text.getText();
  }

  /** Adds one line at the bottom, and follows it if the view was at the bottom already. */
  void append(Line line) {
    JScrollBar bar = scroll.getVerticalScrollBar();
    boolean atBottom = bar.getValue() + bar.getVisibleAmount() >= bar.getMaximum() - 4;
    write(line);
    if (atBottom) {
      text.setCaretPosition(text.getDocument().getLength());
    }
  }

  /** Draws everything again: after a theme change, whose colours the lines were written in. */
  void render() {
    header.setText(headerText());
    header.setForeground(
        conversation.kind() == Conversation.Kind.PRIVATE ? Palette.privateMark() : Palette.quiet());
    text.setText("");
    conversation.lines().forEach(this::write);
    text.setCaretPosition(text.getDocument().getLength());
  }

  @Override
  public void updateUI() {
    super.updateUI();
    if (text != null) { // null while the constructor of JPanel runs
      render();
    }
  }

  private String headerText() {
    return switch (conversation.kind()) {
      case EVERYONE -> "Everyone online reads what you write here.";
      case ROOM -> "The members of " + conversation.title() + " read what you write here.";
      case PRIVATE -> "Private: only you and " + conversation.title() + " read this conversation.";
    };
  }

  private void write(Line line) {
    String time = clock.format(line.ts()) + "  ";
    switch (line.style()) {
      case MESSAGE -> {
        from(time, line);
        add("  " + line.text(), plain());
      }
      case PRIVATE -> {
        from(time, line);
        add(" \u2192 ", quiet(false));
        add(line.to(), name(line.to()));
        marked("  private ", line.text());
      }
      case OFFLINE -> {
        from(time, line);
        marked("  sent while you were offline ", line.text());
      }
      case ANNOUNCEMENT -> announcement(time, line);
      case NOTICE -> add(time + "\u2022 " + line.text(), quiet(true));
      case INFO -> info(line.text());
      case ERROR -> add(line.text(), coloured(Palette.error()));
      case HISTORY -> { // like a message, all in the quiet colour: it happened before you came
        add(time, quiet(false));
        add(line.from() + "  " + line.text(), quiet(false));
      }
      case DIVIDER ->
          add(
              "\u2500\u2500\u2500\u2500  " + line.text() + "  \u2500\u2500\u2500\u2500",
              quiet(true));
    }
    add("\n", plain());
  }

  /** The time, quiet, and the sender's name in its colour. */
  private void from(String time, Line line) {
    add(time, quiet(false));
    add(line.from(), name(line.from()));
  }

  /** A private line's mark and text, tinted, so that it is not taken for a public one. */
  private void marked(String mark, String text) {
    SimpleAttributeSet tint = plain();
    StyleConstants.setBackground(tint, Palette.privateBackground());
    SimpleAttributeSet bold = new SimpleAttributeSet(tint);
    StyleConstants.setBold(bold, true);
    StyleConstants.setForeground(bold, Palette.privateMark());
    add(mark, bold);
    add(" " + text, tint);
  }

  /** The administrator's words: bold, from "server" in the error colour. */
  private void announcement(String time, Line line) {
    SimpleAttributeSet bold = plain();
    StyleConstants.setBold(bold, true);
    add(time, quiet(false));
    SimpleAttributeSet server = new SimpleAttributeSet(bold);
    StyleConstants.setForeground(server, Palette.error());
    add(line.from(), server);
    add("  " + line.text(), bold);
  }

  private void info(String text) {
    SimpleAttributeSet info = quiet(false);
    if (text.startsWith(" ")) {
      StyleConstants.setFontFamily(info, Font.MONOSPACED); // the columns of /help line up
    }
    add(text, info);
  }

  private SimpleAttributeSet coloured(Color colour) {
    SimpleAttributeSet set = plain();
    StyleConstants.setForeground(set, colour);
    return set;
  }

  private SimpleAttributeSet plain() {
    SimpleAttributeSet set = new SimpleAttributeSet();
    StyleConstants.setForeground(set, Palette.text());
    return set;
  }

  private SimpleAttributeSet quiet(boolean smaller) {
    SimpleAttributeSet set = new SimpleAttributeSet();
    StyleConstants.setForeground(set, Palette.quiet());
    if (smaller) {
      StyleConstants.setItalic(set, true);
      StyleConstants.setFontSize(set, Math.round(text.getFont().getSize() * 0.9f));
    }
    return set;
  }

  private SimpleAttributeSet name(String name) {
    SimpleAttributeSet set = new SimpleAttributeSet();
    StyleConstants.setBold(set, true);
    StyleConstants.setForeground(set, Palette.name(name));
    return set;
  }

  /**
   * Appends {@code s} in {@code style}, switching to the emoji font for the characters the normal
   * font cannot draw (emoji on Linux), so they show as symbols rather than boxes.
   */
  private void add(String s, SimpleAttributeSet style) {
    StyledDocument doc = text.getStyledDocument();
    Font base = text.getFont();
    try {
      int start = 0;
      boolean emoji = false;
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        boolean needs = Fonts.needsEmojiFont(base, cp) || (emoji && isJoiner(cp));
        if (needs != emoji) {
          insert(doc, s.substring(start, i), style, emoji);
          start = i;
          emoji = needs;
        }
        i += Character.charCount(cp);
      }
      insert(doc, s.substring(start), style, emoji);
    } catch (BadLocationException e) {
      throw new IllegalStateException("appending at the end cannot fail", e);
    }
  }

  private static void insert(StyledDocument doc, String s, SimpleAttributeSet style, boolean emoji)
      throws BadLocationException {
    if (s.isEmpty()) {
      return;
    }
    SimpleAttributeSet set = style;
    if (emoji) {
      set = new SimpleAttributeSet(style);
      StyleConstants.setFontFamily(set, Fonts.emojiFamily());
    }
    doc.insertString(doc.getLength(), s, set);
  }

  /** Zero-width joiner and variation selectors: parts of an emoji, drawn with it. */
  private static boolean isJoiner(int cp) {
    return cp == 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f);
  }

  /** The colour the panel's background is painted in, for tests of painting. */
  Color background() {
    Color color = text.getBackground();
    return color != null ? color : UIManager.getColor("TextPane.background");
  }
}
