package edu.sockets.chat.gui;

import com.formdev.flatlaf.util.UIScale;
import edu.sockets.chat.client.ChatModel;
import edu.sockets.chat.client.ChatSession;
import edu.sockets.chat.client.Conversation;
import java.awt.Dimension;
import java.awt.Toolkit;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.ZoneId;
import javax.swing.ButtonGroup;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.KeyStroke;
import javax.swing.SwingWorker;
import javax.swing.WindowConstants;

/**
 * The chat window of one signed-in user: a {@link ChatPanel} and its menus (Chat, View, Help).
 * Closing it leaves the chat.
 */
final class ChatFrame extends JFrame {

  private static final long serialVersionUID = 1L;

  private final transient ChatSession session;
  private final transient Settings settings;
  private final ChatPanel panel;

  ChatFrame(ChatModel model, ChatSession session, SessionRelay relay, Settings settings) {
    this.session = session;
    this.settings = settings;
    this.panel = new ChatPanel(model, actions(session), ZoneId.systemDefault());
    setName("chat " + model.me());
    title(model.me());
    model.addListener(
        new ChatModel.Listener() {
          @Override
          public void meChanged(String me) {
            title(me);
          }
        });
    relay.showStatusIn(panel::setStatus);
    setContentPane(panel);
    JMenuBar menus = new JMenuBar();
    menus.add(chatMenu(model));
    menus.add(viewMenu());
    menus.add(helpMenu(model));
    setJMenuBar(menus);
    setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
    addWindowListener(
        new WindowAdapter() {
          @Override
          public void windowClosing(WindowEvent e) {
            leave();
          }

          @Override
          public void windowOpened(WindowEvent e) {
            panel.input().requestFocusInWindow();
          }
        });
    setMinimumSize(UIScale.scale(new Dimension(520, 360)));
    setSize(UIScale.scale(new Dimension(760, 520)));
  }

  /** What the panel asks of the session: each call is queued for the session thread. */
  private ChatPanel.Actions actions(ChatSession session) {
    return new ChatPanel.Actions() {
      @Override
      public void send(String line) {
        session.send(line); // queued for the session thread: returns at once
      }

      @Override
      public void reconnectNow() {
        session.reconnectNow();
      }

      @Override
      public void quit() {
        leave();
      }
    };
  }

  ChatPanel panel() {
    return panel;
  }

  /** Says goodbye to the server (on the session thread) and closes the window at once. */
  void leave() {
    session.close();
    panel.stop();
    dispose();
  }

  private void title(String me) {
    setTitle("Chat \u2014 " + me + " @ " + session.server());
  }

  private JMenu chatMenu(ChatModel model) {
    int shortcut = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx(); // Ctrl, or Cmd on a Mac
    JMenu chat = new JMenu("Chat");
    chat.setMnemonic(KeyEvent.VK_C);
    chat.add(item("Reconnect now", null, e -> session.reconnectNow()));
    chat.add(
        item(
            "Close conversation",
            KeyStroke.getKeyStroke(KeyEvent.VK_W, shortcut),
            e -> {
              if (model.current().kind() == Conversation.Kind.ROOM) {
                session.send("/leave " + model.current().title());
              } else {
                model.close(model.current());
              }
            }));
    chat.addSeparator();
    chat.add(item("Leave the chat", KeyStroke.getKeyStroke(KeyEvent.VK_Q, shortcut), e -> leave()));
    return chat;
  }

  private JMenu viewMenu() {
    JMenu view = new JMenu("View");
    view.setMnemonic(KeyEvent.VK_V);
    ButtonGroup themes = new ButtonGroup();
    for (Theme theme : Theme.values()) {
      JRadioButtonMenuItem item = new JRadioButtonMenuItem(theme.label);
      item.setSelected(theme == settings.theme());
      item.addActionListener(e -> switchTo(theme));
      themes.add(item);
      view.add(item);
    }
    return view;
  }

  private static JMenu helpMenu(ChatModel model) {
    JMenu help = new JMenu("Help");
    help.setMnemonic(KeyEvent.VK_H);
    help.add(
        item("Commands", KeyStroke.getKeyStroke(KeyEvent.VK_F1, 0), e -> model.typed("/help")));
    return help;
  }

  /** Asking the system for its theme runs a program: off the event thread, then apply on it. */
  private void switchTo(Theme theme) {
    settings.rememberTheme(theme);
    new SwingWorker<Void, Void>() {
      @Override
      protected Void doInBackground() {
        theme.isDark(); // SYSTEM asks the system once; later calls are instant
        return null;
      }

      @Override
      protected void done() {
        theme.apply();
      }
    }.execute();
  }

  private static JMenuItem item(
      String text, KeyStroke key, java.util.function.Consumer<ActionEvent> action) {
    JMenuItem item = new JMenuItem(text);
    item.setAccelerator(key);
    item.addActionListener(action::accept);
    return item;
  }
}
