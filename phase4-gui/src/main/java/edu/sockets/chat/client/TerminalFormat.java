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
      case Leave m -> notice(m.ts(), who(m.name(), me) + " left" + place(m.where()) + reason(m));
      case Nick m -> nick(m, me);
      case Users m -> Phrases.users(m, this::name);
      case Rooms m -> Phrases.rooms(m);
      case Info m -> style(DIM, m.text());
      case Err m -> style(RED, "error: " + m.text());
      case Welcome m -> Phrases.welcome(name(m.name()));
      case History m -> history(m);
      case Offline m ->
          time(m.ts())
              + name(m.from())
              + " -> you "
              + style(PRIVATE, "(private, sent while you were offline): " + m.text());
      case Queued m -> notice(m.ts(), Phrases.queued(name(m.user())));
      case Bye m -> null;
      case Ping m -> null; // ChatConnection answers it; nothing for people
      case Unknown m -> m.line();
    };
  }

  private String nick(Nick m, String me) {
    return notice(
        m.ts(),
        same(m.oldName(), me) || same(m.newName(), me)
            ? "you are now " + name(m.newName())
            : name(m.oldName()) + " is now " + name(m.newName()));
  }

  /** All dim: it was said before the user arrived. */
  private String history(History m) {
    String where = place(m.where());
    return style(DIM, time(m.ts()) + "earlier" + where + " " + m.from() + ": " + m.text());
  }

  private String message(Msg m, String me) {
    String time = time(m.ts());
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
    return style(DIM, time(ts) + "* ") + text;
  }

  /** {@code [10:15] }, in local time. */
  private String time(Instant ts) {
    return "[" + clock.format(ts) + "] ";
  }

  private static String reason(Leave m) {
    return m.reason() == null ? "" : " (" + m.reason() + ")";
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
