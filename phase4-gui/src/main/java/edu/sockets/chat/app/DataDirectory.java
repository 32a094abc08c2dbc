package edu.sockets.chat.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the server keeps what must outlive it (accounts, queued messages, history, its TLS
 * certificate): {@code --data DIR}, or by default the per-user data folder each system has.
 */
final class DataDirectory {

  private DataDirectory() {}

  /**
   * The default folder: {@code $XDG_DATA_HOME/socket-course/chat} (usually {@code
   * ~/.local/share/socket-course/chat}) on Linux, {@code ~/Library/Application
   * Support/socket-course/chat} on macOS, {@code %APPDATA%\socket-course\chat} on Windows.
   */
  static Path defaultPath() {
    return defaultPath(
        System.getProperty("os.name"), System.getProperty("user.home"), System.getenv());
  }

  static Path defaultPath(String osName, String home, Map<String, String> env) {
    String os = osName.toLowerCase(Locale.ROOT);
    Path base;
    if (os.startsWith("windows") && env.get("APPDATA") != null) {
      base = Path.of(env.get("APPDATA"));
    } else if (os.startsWith("mac")) {
      base = Path.of(home, "Library", "Application Support");
    } else if (env.get("XDG_DATA_HOME") != null && !env.get("XDG_DATA_HOME").isBlank()) {
      base = Path.of(env.get("XDG_DATA_HOME"));
    } else {
      base = Path.of(home, ".local", "share");
    }
    return base.resolve("socket-course").resolve("chat");
  }

  /** Creates {@code dir} (and its parents) on first use; says in plain words when it cannot. */
  static Path prepare(Path dir) throws IOException {
    try {
      return Files.createDirectories(dir).toAbsolutePath();
    } catch (IOException e) {
      throw new IOException("Cannot use " + dir + " for the server's data (" + e + ")", e);
    }
  }
}
