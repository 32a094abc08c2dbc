package edu.sockets.chat.client.tls;

import edu.sockets.chat.protocol.trust.Fingerprints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The servers this user trusts, like SSH's {@code known_hosts}: a text file with one {@code
 * host:port FINGERPRINT} a line, which people can read and edit. Trust on first use writes a line;
 * a server whose certificate no longer matches its lines is refused.
 *
 * <p>The file is read again at each check (it is small, and another client may have added to it); a
 * line that is not an entry (a comment, a typo, garbage) is skipped, never trusted.
 */
public final class KnownServers {

  /** What the file says about a server and the fingerprint it shows. */
  public enum Verdict {
    /** A line for this server has this fingerprint. */
    KNOWN,
    /** The server has lines, none with this fingerprint: its certificate changed. */
    CHANGED,
    /** No line for this server. */
    UNKNOWN
  }

  /** One entry, with its line number, so a message can say which line to remove. */
  record Entry(String server, String fingerprint, int line) {}

  /** A known-servers file is a few lines; a huge one is not ours. */
  static final long MAX_BYTES = 1 << 20;

  private static final String HEADER =
      """
      # Chat servers this client trusts (trust on first use), one a line:
      #   host:port SHA-256-fingerprint
      # A server whose certificate changes is refused. If the change is expected (the server's
      # certificate was made again), remove its line here and connect again.
      """;

  private final Path file;

  public KnownServers(Path file) {
    this.file = file;
  }

  /**
   * The user's file: {@code $XDG_CONFIG_HOME/socket-course/known-servers} (usually {@code
   * ~/.config/...}) on Linux, {@code ~/Library/Application Support/socket-course/...} on macOS,
   * {@code %APPDATA%\socket-course\...} on Windows.
   */
  public static Path defaultPath() {
    return defaultPath(
        System.getProperty("os.name"), System.getProperty("user.home"), System.getenv());
  }

  static Path defaultPath(String osName, String home, Map<String, String> env) {
    String os = osName.toLowerCase(Locale.ROOT);
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base =
        os.startsWith("windows") && env.get("APPDATA") != null
            ? Path.of(env.get("APPDATA"))
            : os.startsWith("mac")
                ? Path.of(home, "Library", "Application Support")
                : xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config");
    return base.resolve("socket-course").resolve("known-servers");
  }

  public Path file() {
    return file;
  }

  /** How a server is written in the file: {@code host:port}, host in lower case. */
  public static String key(String host, int port) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    return (h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h) + ":" + port;
  }

  /** Compares {@code fingerprint} with what the file holds for {@code server}. */
  public Verdict check(String server, String fingerprint) throws IOException {
    List<Entry> lines = entries(server);
    if (lines.isEmpty()) {
      return Verdict.UNKNOWN;
    }
    return lines.stream().anyMatch(e -> e.fingerprint().equals(fingerprint))
        ? Verdict.KNOWN
        : Verdict.CHANGED;
  }

  /** The entries for {@code server}, in file order. */
  List<Entry> entries(String server) throws IOException {
    return parse(read()).stream().filter(e -> e.server().equals(server)).toList();
  }

  /** Adds a line: the user trusts {@code fingerprint} for {@code server}. */
  public void remember(String server, String fingerprint) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    String line = server + " " + fingerprint + "\n";
    String text = Files.exists(file) ? line : HEADER + line;
    // One write of one short line in append mode: two clients trusting at once do not mix lines.
    Files.writeString(
        file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private String read() throws IOException {
    if (!Files.exists(file)) {
      return "";
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new IOException(file + " is over 1 MiB: is it really a known-servers file?");
    }
    // Bytes that are not UTF-8 become U+FFFD instead of failing: such a line is simply not valid.
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  /**
   * The entries of a file's text. A line is {@code host:port FINGERPRINT [comment]}; blank lines,
   * {@code #} comments and anything malformed are skipped.
   */
  static List<Entry> parse(String text) {
    List<Entry> entries = new ArrayList<>();
    String[] lines = text.split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()
          || line.startsWith("#")
          || line.chars().anyMatch(c -> c != '\t' && Character.isISOControl(c))) {
        continue;
      }
      String[] fields = line.split("[ \t]+", 3);
      if (fields.length < 2 || !isServer(fields[0])) {
        continue;
      }
      String fingerprint = Fingerprints.parse(fields[1]);
      if (fingerprint != null) {
        entries.add(new Entry(fields[0].toLowerCase(Locale.ROOT), fingerprint, i + 1));
      }
    }
    return entries;
  }

  /** {@code host:port}: a host of visible characters and a port from 1 to 65535. */
  private static boolean isServer(String field) {
    int colon = field.lastIndexOf(':');
    if (colon < 1 || colon == field.length() - 1 || field.length() > 300) {
      return false;
    }
    String port = field.substring(colon + 1);
    if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    int number = Integer.parseInt(port);
    return number >= 1 && number <= 65535 && field.chars().noneMatch(c -> c == 0xFFFD);
  }
}
