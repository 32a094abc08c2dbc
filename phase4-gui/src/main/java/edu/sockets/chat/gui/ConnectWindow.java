package edu.sockets.chat.gui;

import edu.sockets.chat.client.tls.KnownServers;
import java.awt.Component;
import java.awt.Window;
import java.nio.file.Path;
import java.time.Duration;
import javax.swing.JDialog;
import javax.swing.JOptionPane;

/** The connect dialog, for programs that drive it from their own thread: the screenshots. */
public final class ConnectWindow {
  private final ConnectDialog dialog;

  ConnectWindow(ConnectDialog dialog) {
    this.dialog = dialog;
  }

  /** Ticks "Use TLS"; new servers are remembered in {@code knownServers} (not the user's file). */
  public void useTls(Path knownServers) {
    EventThread.run(() -> {
      dialog.setKnownServers(new KnownServers(knownServers));
      dialog.useTls();
    });
  }

  /** Waits for the question about a new server's fingerprint, and returns its window. */
  public Window awaitTrustQuestion(Duration timeout) throws InterruptedException {
    EventThread.await(() -> trustQuestion() != null, timeout, "no question about a new server");
    return EventThread.call(ConnectWindow::trustQuestion);
  }

  /** Answers the question about a new server: Trust, or Cancel. */
  public void answerTrustQuestion(boolean trust) {
    EventThread.run(() -> {
      JDialog question = trustQuestion();
      if (question != null) {
        for (Component c : question.getContentPane().getComponents()) {
          if (c instanceof JOptionPane pane) {
            pane.setValue(trust ? "Trust" : "Cancel"); // closes it, as a click would
          }
        }
      }
    });
  }

  /** Types a password, and ticks "Create account" or not. */
  public void fillPassword(String password, boolean create) {
    EventThread.run(() -> dialog.fillPassword(password, create));
  }

  /** Presses Connect. */
  public void connect() {
    EventThread.run(dialog::connect);
  }

  /** Waits until the dialog's message contains {@code text}. */
  public void awaitMessage(String text, Duration timeout) throws InterruptedException {
    EventThread.await(
        () -> dialog.message().contains(text), timeout, "the dialog never said \"" + text + "\"");
  }

  public Window window() {
    return dialog;
  }

  public void close() {
    EventThread.run(dialog::dispose);
  }

  /** The question about a new server, if it is showing. */
  private static JDialog trustQuestion() {
    for (Window window : Window.getWindows()) {
      if (window instanceof JDialog d && TrustDialog.TITLE.equals(d.getTitle()) && d.isShowing()) {
        return d;
      }
    }
    return null;
  }
}
