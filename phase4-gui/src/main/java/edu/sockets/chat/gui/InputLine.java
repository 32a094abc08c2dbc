package edu.sockets.chat.gui;

import edu.sockets.chat.client.InputHistory;
import edu.sockets.chat.client.Typed;
import java.awt.BorderLayout;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JTextField;

/**
 * Where the user types: a text field, a Send button (Enter does the same), and the Up and Down keys
 * for what was typed before.
 */
final class InputLine extends JPanel {

  private static final long serialVersionUID = 1L;

  private final JTextField field = new JTextField();
  private final transient InputHistory history = new InputHistory();

  /** {@code submit} gets the text when Enter or Send is pressed; it calls {@link #taken}. */
  InputLine(Consumer<String> submit) {
    super(new BorderLayout(6, 0));
    field.setName("input");
    field.addActionListener(e -> submit.accept(field.getText()));
    field.addKeyListener(
        new KeyAdapter() {
          @Override
          public void keyPressed(KeyEvent e) {
            if (e.getKeyCode() == KeyEvent.VK_UP) {
              field.setText(history.previous(field.getText()));
            } else if (e.getKeyCode() == KeyEvent.VK_DOWN) {
              field.setText(history.next());
            }
          }
        });
    JButton send = new JButton("Send");
    send.setName("send");
    send.addActionListener(e -> submit.accept(field.getText()));
    setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
    add(field, BorderLayout.CENTER);
    add(send, BorderLayout.EAST);
  }

  JTextField field() {
    return field;
  }

  /** The text was handled: it goes into the history (unless it may hold a password), and away. */
  void taken(String text) {
    String word = Typed.command(text);
    if (!word.equals("/login") && !word.equals("/register")) { // no password for the arrow keys
      history.add(text);
    }
    field.setText("");
  }

  /** The grey text in the empty field: who reads what is typed. */
  void setPlaceholder(String text) {
    field.putClientProperty("JTextField.placeholderText", text);
    field.repaint();
  }
}
