package edu.sockets.chat.client;

import edu.sockets.chat.protocol.Names;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Bye;
import edu.sockets.chat.protocol.ServerMessage.Err;
import edu.sockets.chat.protocol.ServerMessage.History;
import edu.sockets.chat.protocol.ServerMessage.Info;
import edu.sockets.chat.protocol.ServerMessage.Join;
import edu.sockets.chat.protocol.ServerMessage.Leave;
import edu.sockets.chat.protocol.ServerMessage.Msg;
import edu.sockets.chat.protocol.ServerMessage.Nick;
import edu.sockets.chat.protocol.ServerMessage.Offline;
import edu.sockets.chat.protocol.ServerMessage.Ping;
import edu.sockets.chat.protocol.ServerMessage.Queued;
import edu.sockets.chat.protocol.ServerMessage.Rooms;
import edu.sockets.chat.protocol.ServerMessage.Unknown;
import edu.sockets.chat.protocol.ServerMessage.Users;
import edu.sockets.chat.protocol.ServerMessage.Welcome;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns server messages into lines for people: {@code [10:15] alice: hi}, in local time, each name
 * in a colour of its own. Pure: the terminal client prints what this returns.
 */
public final class TerminalFormat {

  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String RED = "\u001b[31m";
  private static final String PRIVATE = "\u001b[1;35m"; // bold magenta: hard to miss

  /** Foreground colours for names: readable on dark and light backgrounds; no red (errors). */
  private static final List<String> NAME_COLOURS =
      List.of("32", "33", "34", "36", "92", "93", "94", "96", "35", "95").stream()
          .map(code -> "\u001b[" + code + "m")
          .toList();

  private final DateTimeFormatter clock;
  private final boolean colour;

  /**
   * @param zone the user's time zone: the server stamps UTC, people read local time
   * @param colour whether to use ANSI colours (false when not a terminal, or NO_COLOR is set)
   */
  public TerminalFormat(ZoneId zone, boolean colour) {
    this.clock = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
    this.colour = colour;
  }

  /** The colour index of a name: the same name (in any case) always gets the same colour. */
  static int colourOf(String name) {
    return NameColour.index(name, NAME_COLOURS.size());
  }

  /**
   * The line to show for {@code message}, or null for nothing.
   *
   * @param me the user's own name, null before registering
   */
  public String format(ServerMessage message, String me) {
    return switch (message) {
      case Msg m -> message(m, me);
      case Join m -> notice(m.ts(), who(m.name(), me) + " joined" + place(m.where()));
      case Leave m ->
          notice(
              m.ts(),
              who(m.name(), me)
                  + " left"
                  + place(m.where())
                  + (m.reason() == null ? "" : " (" + m.reason() + ")"));
      case Nick m ->
          notice(
              m.ts(),
              same(m.oldName(), me) || same(m.newName(), me)
                  ? "you are now " + name(m.newName())
                  : name(m.oldName()) + " is now " + name(m.newName()));
      case Users m ->
          (m.where().equals(Names.EVERYONE) ? "Online" : "In " + m.where())
              + " ("
              + m.names().size()
              + "): "
              + m.names().stream().map(this::name).collect(Collectors.joining(", "));
      case Rooms m ->
          m.rooms().isEmpty()
              ? "No rooms yet; /join #name creates one."
              : "Rooms: "
                  + m.rooms().stream()
                      .map(r -> r.room() + " (" + r.members() + ")")
                      .collect(Collectors.joining(", "));
      case Info m -> style(DIM, m.text());
      case Err m -> style(RED, "error: " + m.text());
      case Welcome m ->
          "You are "
              + name(m.name())
              + ". Type a message and press Enter; /help lists the commands.";
      case History m -> // all dim: it was said before you arrived
          style(
              DIM,
              "["
                  + clock.format(m.ts())
                  + "] earlier"
                  + place(m.where())
                  + " "
                  + m.from()
                  + ": "
                  + m.text());
      case Offline m ->
          "["
              + clock.format(m.ts())
              + "] "
              + name(m.from())
              + " -> you "
              + style(PRIVATE, "(private, sent while you were offline): " + m.text());
      case Queued m ->
          notice(m.ts(), name(m.user()) + " is offline: your message waits until they sign in");
      case Bye m -> null;
      case Ping m -> null; // ChatConnection answers it; nothing for people
      case Unknown m -> m.line();
    };
  }

  private String message(Msg m, String me) {
    String time = "[" + clock.format(m.ts()) + "] ";
    if (m.from().equals(Names.SERVER)) {
      return time + style(BOLD, "server: " + m.text());
    }
    if (m.to().equals(Names.EVERYONE)) {
      return time + name(m.from()) + ": " + m.text();
    }
    if (m.to().startsWith("#")) {
      return time + m.to() + " " + name(m.from()) + ": " + m.text();
    }
    String from = same(m.from(), me) ? "you" : name(m.from());
    String to = same(m.to(), me) ? "you" : name(m.to());
    return time + from + " -> " + to + " " + style(PRIVATE, "(private): " + m.text());
  }

  private String notice(Instant ts, String text) {
    return style(DIM, "[" + clock.format(ts) + "] * ") + text;
  }

  private String who(String name, String me) {
    return same(name, me) ? "you" : name(name);
  }

  private static String place(String where) {
    return where.equals(Names.EVERYONE) ? "" : " " + where;
  }

  private static boolean same(String name, String me) {
    return me != null && name.equalsIgnoreCase(me);
  }

  private String name(String name) {
    return colour ? NAME_COLOURS.get(colourOf(name)) + name + RESET : name;
  }

  private String style(String ansi, String text) {
    return colour ? ansi + text + RESET : text;
  }
}
