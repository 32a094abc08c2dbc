package edu.sockets.chat.server;

import edu.sockets.chat.protocol.Replies;
import edu.sockets.chat.server.ChatState.UserView;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The administrator's commands, typed on the server's standard input. */
public final class AdminConsole {

  static final List<String> HELP =
      List.of(
          "Admin commands (a leading / or : is optional):",
          "  list                     everyone online: name, ip:port, rooms, since when",
          "  kick <name> [reason]     disconnect a user (it gets ERR KICKED <reason>)",
          "  rename <old> <new>       change a user's name",
          "  say <text>               a message from server to everyone",
          "  shutdown                 say goodbye to everyone and stop the server");

  private static final DateTimeFormatter SINCE =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private final ChatServer server;
  private final Consumer<String> out;

  public AdminConsole(ChatServer server, Consumer<String> out) {
    this.server = server;
    this.out = out;
  }

  /** Runs commands until {@code shutdown}, or until {@code in} ends and the server serves on. */
  public void run(InputStream in) {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!execute(line)) {
          return;
        }
      }
    } catch (IOException e) {
      out.accept("Cannot read standard input (" + e.getMessage() + ")");
    }
    out.accept("Admin console closed (end of standard input); the server keeps serving.");
  }

  /** Runs one command line; false after {@code shutdown}. */
  boolean execute(String line) {
    String command = line.strip();
    if (command.startsWith("/") || command.startsWith(":")) {
      command = command.substring(1);
    }
    if (command.isEmpty()) {
      return true;
    }
    String[] words = command.split("\\s+", 2);
    String rest = words.length > 1 ? words[1].strip() : "";
    switch (words[0].toLowerCase(Locale.ROOT)) {
      case "help", "?" -> HELP.forEach(out);
      case "list", "who" -> list();
      case "kick" -> kick(rest);
      case "rename" -> rename(rest);
      case "say" -> say(rest);
      case "shutdown", "quit", "exit" -> {
        out.accept("Shutting down");
        server.shutdown();
        return false;
      }
      default -> out.accept("Unknown admin command: " + words[0] + ". Type help for the list.");
    }
    return true;
  }

  private void list() {
    List<UserView> users = server.state().list();
    out.accept(users.size() + (users.size() == 1 ? " user online" : " users online"));
    Instant now = Instant.now();
    for (UserView user : users) {
      String rooms = user.rooms().isEmpty() ? "-" : String.join(",", user.rooms());
      Duration online = Duration.between(user.since(), now);
      out.accept(
          "  %-16s %-22s %-24s since %s (%s)"
              .formatted(
                  user.name(), user.address(), rooms, SINCE.format(user.since()), ago(online)));
    }
  }

  private void kick(String arguments) {
    String[] words = arguments.split("\\s+", 2);
    if (words[0].isEmpty()) {
      out.accept("Usage: kick <name> [reason]");
      return;
    }
    String reason = words.length > 1 ? words[1] : Replies.KICKED_BY_ADMIN;
    out.accept(
        server.state().kick(words[0], reason)
            ? "Kicked " + words[0]
            : "No user is called " + words[0]);
  }

  private void rename(String arguments) {
    String[] words = arguments.split("\\s+");
    if (words.length != 2) {
      out.accept("Usage: rename <old> <new>");
      return;
    }
    String refused = server.state().rename(words[0], words[1]);
    out.accept(refused == null ? "Renamed " + words[0] + " to " + words[1] : "Cannot: " + refused);
  }

  private void say(String text) {
    if (text.isEmpty()) {
      out.accept("Usage: say <text>");
      return;
    }
    server.state().say(text);
  }

  private static String ago(Duration online) {
    long seconds = online.toSeconds();
    if (seconds < 60) {
      return seconds + " s";
    }
    return seconds < 3600
        ? seconds / 60 + " min"
        : seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }
}
