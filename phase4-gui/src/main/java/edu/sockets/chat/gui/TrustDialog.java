package edu.sockets.chat.gui;

import edu.sockets.chat.client.tls.ServerTrust;
import java.awt.Component;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;

/**
 * Trust on first use in the Swing client: shows a new server's fingerprint and asks. The session
 * thread calls {@link #trust}, and waits while the question is asked on the event thread, so the
 * windows stay alive while the user compares fingerprints.
 */
final class TrustDialog implements ServerTrust.FirstUse {

  /** The question's title, by which programs that drive the windows find it. */
  static final String TITLE = "A new server";

  private final Component parent;

  TrustDialog(Component parent) {
    this.parent = parent;
  }

  @Override
  public boolean trust(String server, String fingerprint) {
    AtomicBoolean yes = new AtomicBoolean();
    try {
      SwingUtilities.invokeAndWait(() -> yes.set(ask(server, fingerprint)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (InvocationTargetException e) {
      return false; // the dialog failed: not a yes
    }
    return yes.get();
  }

  private boolean ask(String server, String fingerprint) {
    // One line: JOptionPane cuts a message at each newline, and only a whole string is HTML.
    String text =
        ("<html><body style='width: 420px'>"
                + "<p>The server at <b>%s</b> is not known yet. Its certificate's SHA-256"
                + " fingerprint is</p><p style='margin-top: 6px; margin-bottom: 6px'><tt>%s</tt></p>"
                + "<p>Compare it with the one the server printed when it started (ask whoever runs"
                + " it). Trust it, and remember it for %s?</p></body></html>")
            .formatted(server, fingerprint, server);
    Object[] options = {"Trust", "Cancel"};
    int answer =
        JOptionPane.showOptionDialog(
            parent,
            text,
            TITLE,
            JOptionPane.YES_NO_OPTION,
            JOptionPane.WARNING_MESSAGE,
            null,
            options,
            options[1]); // the safe answer is the default one
    return answer == 0;
  }
}
