package edu.sockets.chat.gui;

import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.prefs.Preferences;

/**
 * What the client remembers between runs, with {@code java.util.prefs} (on Linux a file under
 * {@code ~/.java}, on Windows the registry, on macOS a property list): the last server, name and
 * theme. Tests give it a node of their own, so they never touch the user's.
 */
final class Settings {

  static final String DEFAULT_HOST = "127.0.0.1";
  static final int DEFAULT_PORT = 5004;

  /**
   * The JDK's preferences logger. On a machine's first run it logs, with a date, that it created
   * its folder: a line the user did not ask for. Held here, since a logger nobody holds can be
   * collected, and its level with it.
   */
  private static final Logger PREFERENCES_LOG = Logger.getLogger("java.util.prefs");

  private final Preferences node;

  Settings(Preferences node) {
    this.node = node;
  }

  /** The user's own settings. */
  static Settings forUser() {
    PREFERENCES_LOG.setLevel(Level.WARNING); // before the first use: warnings still show
    return new Settings(Preferences.userNodeForPackage(Settings.class));
  }

  String host() {
    return node.get("host", DEFAULT_HOST);
  }

  int port() {
    return node.getInt("port", DEFAULT_PORT);
  }

  String name() {
    return node.get("name", "");
  }

  Theme theme() {
    try {
      return Theme.of(node.get("theme", Theme.SYSTEM.name()));
    } catch (IllegalArgumentException e) {
      return Theme.SYSTEM; // written by another version: start from the default
    }
  }

  void rememberServer(String host, int port, String name) {
    node.put("host", host);
    node.putInt("port", port);
    node.put("name", name);
  }

  /** Whether the last connection used TLS ("Use TLS" in the connect dialog). */
  boolean tls() {
    return node.getBoolean("tls", false);
  }

  void rememberTls(boolean tls) {
    node.putBoolean("tls", tls);
  }

  void rememberTheme(Theme theme) {
    node.put("theme", theme.name());
    // No flush() here, on the event thread: Preferences writes to disk in the background, and at
    // the latest when the program exits. A read-only home only means nothing is remembered.
  }
}
