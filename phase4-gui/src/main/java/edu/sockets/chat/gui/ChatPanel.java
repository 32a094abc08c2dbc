package edu.sockets.chat.gui;

import com.formdev.flatlaf.util.UIScale;
import edu.sockets.chat.client.ChatModel;
import edu.sockets.chat.client.Conversation;
import edu.sockets.chat.client.Conversation.Kind;
import edu.sockets.chat.client.Line;
import edu.sockets.chat.client.Line.Style;
import edu.sockets.chat.client.Status;
import edu.sockets.chat.client.Status.State;
import edu.sockets.chat.client.Typed;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BiConsumer;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextField;
import javax.swing.KeyStroke;

/**
 * Everything inside the chat window: the conversations as tabs, the online list, the input line and
 * the status bar. It shows a {@link ChatModel} and hands what the user does to the session through
 * plain callbacks, so it can be built, and painted to an image, without a network or even a screen.
 */
final class ChatPanel extends JPanel implements ChatModel.Listener {

  private static final long serialVersionUID = 1L;

  /** What the panel asks of the session. Called on the event thread; each returns at once. */
  interface Actions {
    void send(String line);

    void reconnectNow();

    void quit();
  }

  private final transient ChatModel model;
  private final transient Actions actions;
  private final ZoneId zone;
  private final JTabbedPane tabs = new JTabbedPane();
  private final UserListPanel users;
  private final InputLine input;
  private final StatusPanel status;
  private transient Status lastStatus;

  ChatPanel(ChatModel model, Actions actions, ZoneId zone) {
    super(new BorderLayout());
    this.model = model;
    this.actions = actions;
    this.zone = zone;
    this.users = new UserListPanel(this::openPrivate);
    this.status = new StatusPanel(actions::reconnectNow);
    this.input = new InputLine(this::submit);
    tabs.setName("conversations");
    // FlatLaf draws a close button on closable tabs and calls back when it is clicked.
    tabs.putClientProperty(
        "JTabbedPane.tabCloseCallback", (BiConsumer<JTabbedPane, Integer>) this::closeTab);
    tabs.putClientProperty("JTabbedPane.tabCloseToolTipText", "Close (leaves a room)");
    tabs.addChangeListener(e -> selected());
    add(split(), BorderLayout.CENTER);
    add(status, BorderLayout.SOUTH);
    // Ctrl+Page Up / Page Down: the previous or next conversation, wherever the focus is.
    bind(KeyEvent.VK_PAGE_UP, "previous conversation", -1);
    bind(KeyEvent.VK_PAGE_DOWN, "next conversation", +1);
    model.conversations().forEach(this::conversationOpened);
    model.conversations().forEach(this::conversationChanged);
    usersChanged(model.users());
    meChanged(model.me());
    model.addListener(this);
    selected();
  }

  /** The conversations with the input line below them, beside the online list. */
  private JSplitPane split() {
    JPanel left = new JPanel(new BorderLayout());
    left.add(tabs, BorderLayout.CENTER);
    left.add(input, BorderLayout.SOUTH);
    // UIScale: the sizes grow with the screen's scale factor, as FlatLaf's own do.
    users.setPreferredSize(UIScale.scale(new Dimension(170, 100)));
    users.setMinimumSize(UIScale.scale(new Dimension(120, 50)));
    JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, left, users);
    split.setResizeWeight(1); // a wider window widens the conversation, not the list
    split.setBorder(BorderFactory.createEmptyBorder());
    return split;
  }

  JTextField input() {
    return input.field();
  }

  /** Shows the connection's state in the status bar, and a notice in the conversations. */
  void setStatus(Status status) {
    boolean wasOnline = lastStatus != null && lastStatus.state() == State.ONLINE;
    lastStatus = status;
    this.status.setStatus(status);
    users.setOnline(status.state() == State.ONLINE);
    if (wasOnline && status.state() != State.ONLINE) {
      // Said once, where the user is reading; the status bar keeps counting down.
      model.noticeEverywhere(
          status.text()
              + (status.state() == State.WAITING ? ". Reconnecting; the conversation stays." : ""));
    }
  }

  /** Stops the status bar's timer. */
  void stop() {
    status.stop();
  }

  /** Selects {@code conversation}'s tab. */
  void select(Conversation conversation) {
    int index = indexOf(conversation);
    if (index >= 0) {
      tabs.setSelectedIndex(index);
    }
  }

  /** The tab of {@code conversation}, for tests. */
  ConversationPanel panelOf(Conversation conversation) {
    int index = indexOf(conversation);
    return index < 0 ? null : (ConversationPanel) tabs.getComponentAt(index);
  }

  // ---- ChatModel.Listener: the model changed; show it. All on the event thread. ----

  @Override
  public void conversationOpened(Conversation conversation) {
    if (indexOf(conversation) >= 0) {
      return;
    }
    ConversationPanel panel = new ConversationPanel(conversation, zone);
    tabs.addTab(conversation.title(), panel);
    int index = tabs.getTabCount() - 1;
    if (conversation.kind() != Kind.EVERYONE) {
      ((JPanel) tabs.getComponentAt(index)).putClientProperty("JTabbedPane.tabClosable", true);
    }
    conversationChanged(conversation);
  }

  @Override
  public void conversationClosed(Conversation conversation) {
    int index = indexOf(conversation);
    if (index >= 0) {
      tabs.removeTabAt(index);
    }
  }

  @Override
  public void conversationChanged(Conversation conversation) {
    int index = indexOf(conversation);
    if (index >= 0) {
      String title = (conversation.kind() == Kind.PRIVATE ? "@" : "") + conversation.title();
      tabs.setTitleAt(
          index, conversation.unread() > 0 ? title + " (" + conversation.unread() + ")" : title);
      tabs.setToolTipTextAt(
          index,
          switch (conversation.kind()) {
            case EVERYONE -> "Everyone online";
            case ROOM -> "Room " + conversation.title();
            case PRIVATE -> "Private conversation with " + conversation.title();
          });
    }
  }

  @Override
  public void lineAdded(Conversation conversation, Line line) {
    ConversationPanel panel = panelOf(conversation);
    if (panel != null) {
      panel.append(line);
    }
  }

  @Override
  public void usersChanged(List<String> online) {
    users.setUsers(online);
  }

  @Override
  public void meChanged(String me) {
    users.setMe(me);
  }

  // ---- What the user does. ----

  private void submit(String text) {
    switch (model.typed(text)) {
      case Typed.ToServer t -> {
        if (lastStatus == null || lastStatus.state() != State.ONLINE) {
          // Kept in the field, so nothing typed is lost; sent once back online.
          model.note(Style.ERROR, "Not connected: not sent. Press Enter again once back online.");
          return;
        }
        actions.send(t.line());
      }
      case Typed.Quit q -> actions.quit();
      case Typed.Nothing n -> {}
    }
    input.taken(text);
  }

  private void openPrivate(String user) {
    if (!user.equalsIgnoreCase(model.me())) {
      select(model.openPrivate(user));
      input.field().requestFocusInWindow();
    }
  }

  private void closeTab(JTabbedPane pane, int index) {
    Conversation conversation = ((ConversationPanel) pane.getComponentAt(index)).conversation();
    if (conversation.kind() == Kind.ROOM) {
      actions.send("/leave " + conversation.title()); // the tab goes when the server confirms
    } else {
      model.close(conversation);
    }
  }

  private void selected() {
    Component shown = tabs.getSelectedComponent();
    if (shown instanceof ConversationPanel panel) {
      Conversation conversation = panel.conversation();
      model.select(conversation);
      input.setPlaceholder(
          switch (conversation.kind()) {
            case EVERYONE -> "Message everyone (/help lists the commands)";
            case ROOM -> "Message " + conversation.title();
            case PRIVATE -> "Private message to " + conversation.title();
          });
    }
  }

  private void bind(int key, String name, int step) {
    getInputMap(WHEN_IN_FOCUSED_WINDOW)
        .put(KeyStroke.getKeyStroke(key, InputEvent.CTRL_DOWN_MASK), name);
    getActionMap()
        .put(
            name,
            new AbstractAction() {
              private static final long serialVersionUID = 1L;

              @Override
              public void actionPerformed(ActionEvent e) {
                int count = tabs.getTabCount();
                tabs.setSelectedIndex(Math.floorMod(tabs.getSelectedIndex() + step, count));
              }
            });
  }

  private int indexOf(Conversation conversation) {
    for (int i = 0; i < tabs.getTabCount(); i++) {
      if (tabs.getComponentAt(i) instanceof ConversationPanel panel
          && panel.conversation() == conversation) {
        return i;
      }
    }
    return -1;
  }
}
