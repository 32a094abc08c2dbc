package edu.sockets.chat.gui;

import edu.sockets.chat.client.Status;
import edu.sockets.chat.client.Status.State;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.time.Duration;
import java.time.Instant;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.Timer;

/**
 * The status bar: the connection's state in words, with a countdown while waiting to reconnect and
 * a "Reconnect now" button that skips the wait.
 */
final class StatusPanel extends JPanel {

  private static final long serialVersionUID = 1L;

  private final JLabel state = new JLabel(" ");
  private final JButton reconnect = new JButton("Reconnect now");

  /** Ticks once a second while waiting, on the event thread (a Swing timer), for the countdown. */
  private final Timer countdown;

  private transient Status status;
  private transient Instant retryAt;

  StatusPanel(Runnable reconnectNow) {
    super(new BorderLayout());
    state.setName("status");
    reconnect.setName("reconnect");
    reconnect.setVisible(false);
    reconnect.addActionListener(e -> reconnectNow.run());
    countdown = new Timer(1000, e -> refresh());
    setBorder(BorderFactory.createEmptyBorder(2, 8, 2, 4));
    JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, 0, 0));
    right.setOpaque(false);
    right.add(reconnect);
    add(state, BorderLayout.CENTER);
    add(right, BorderLayout.EAST);
  }

  void setStatus(Status status) {
    this.status = status;
    retryAt = Instant.now().plus(status.retryIn());
    if (status.state() == State.WAITING) {
      countdown.start();
    } else {
      countdown.stop();
    }
    refresh();
  }

  String text() {
    return state.getText();
  }

  private void refresh() {
    if (status == null) {
      return;
    }
    reconnect.setVisible(status.state() == State.WAITING);
    switch (status.state()) {
      case ONLINE -> {
        state.setText("\u25cf " + status.text());
        state.setForeground(Palette.online());
      }
      case CONNECTING -> {
        state.setText("\u25cb " + status.text());
        state.setForeground(Palette.warning());
      }
      case WAITING -> {
        long seconds = Math.max(0, Duration.between(Instant.now(), retryAt).toSeconds() + 1);
        state.setText(
            "\u25cb %s. Reconnecting in %d s (attempt %d)."
                .formatted(status.text(), seconds, status.attempt()));
        state.setForeground(Palette.warning());
      }
      case CLOSED -> {
        state.setText("\u25cb " + status.text());
        state.setForeground(Palette.error());
      }
    }
  }

  @Override
  public void updateUI() {
    super.updateUI();
    if (state != null) {
      refresh(); // colours follow the theme
    }
  }

  /** Stops the countdown, when the window closes. */
  void stop() {
    countdown.stop();
  }
}
