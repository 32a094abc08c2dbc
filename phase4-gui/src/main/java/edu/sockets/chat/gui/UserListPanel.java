package edu.sockets.chat.gui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;

/**
 * Who is online, updated live. Double-clicking a name, or selecting it and pressing Enter, opens
 * the private conversation with that user.
 */
final class UserListPanel extends JPanel {

  private static final long serialVersionUID = 1L;

  private final DefaultListModel<String> names = new DefaultListModel<>();
  private final JList<String> list = new JList<>(names);
  private final JLabel title = new JLabel("Online");
  private String me;

  UserListPanel(Consumer<String> openPrivate) {
    super(new BorderLayout());
    list.setName("users");
    list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
    list.setCellRenderer(new NameRenderer());
    list.addMouseListener(
        new MouseAdapter() {
          @Override
          public void mouseClicked(MouseEvent e) {
            int index = list.locationToIndex(e.getPoint());
            if (e.getClickCount() == 2 && index >= 0) {
              openPrivate.accept(names.get(index));
            }
          }
        });
    list.getInputMap(JComponent.WHEN_FOCUSED)
        .put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "open private");
    list.getActionMap()
        .put(
            "open private",
            new AbstractAction() {
              private static final long serialVersionUID = 1L;

              @Override
              public void actionPerformed(java.awt.event.ActionEvent e) {
                String selected = list.getSelectedValue();
                if (selected != null) {
                  openPrivate.accept(selected);
                }
              }
            });
    list.setToolTipText("Double-click a name (or press Enter) to talk in private");
    title.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
    title.putClientProperty("FlatLaf.styleClass", "h4");
    JScrollPane scroll = new JScrollPane(list);
    scroll.setBorder(BorderFactory.createEmptyBorder());
    add(title, BorderLayout.NORTH);
    add(scroll, BorderLayout.CENTER);
  }

  /** Greys the list out while offline: who is online is not known then. */
  void setOnline(boolean online) {
    list.setEnabled(online);
    title.setEnabled(online);
  }

  void setMe(String me) {
    this.me = me;
    list.repaint();
  }

  /** Replaces the list, keeping the selection on the same user if still online. */
  void setUsers(List<String> users) {
    String selected = list.getSelectedValue();
    names.clear();
    names.addAll(users);
    title.setText("Online (" + users.size() + ")");
    if (selected != null) {
      list.setSelectedValue(selected, false);
    }
  }

  /** Each name in its colour, the user's own marked "(you)". */
  private final class NameRenderer extends DefaultListCellRenderer {
    private static final long serialVersionUID = 1L;

    @Override
    public Component getListCellRendererComponent(
        JList<?> list, Object value, int index, boolean selected, boolean focused) {
      String name = (String) value;
      boolean mine = name.equalsIgnoreCase(me);
      super.getListCellRendererComponent(
          list, mine ? name + "  (you)" : name, index, selected, focused);
      setBorder(BorderFactory.createEmptyBorder(3, 10, 3, 10));
      if (!selected && list.isEnabled()) {
        setForeground(Palette.name(name));
      }
      return this;
    }
  }
}
