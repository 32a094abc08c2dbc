package edu.sockets.chat.protocol;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * A line from the server: formatted by the server with {@link #toLine()}, read by clients with
 * {@link #parse(String)}. {@code <ts>} is the instant the server handled the event, in UTC.
 */
public sealed interface ServerMessage {

  /** {@code INFO <text>}: a note for people (banner, help); it carries no state. */
  record Info(String text) implements ServerMessage {}

  /** {@code WELCOME <name>}: registration succeeded under this name. */
  record Welcome(String name) implements ServerMessage {}

  /** {@code ERR <CODE> <text>}: the last command failed; nothing changed. */
  record Err(String code, String text) implements ServerMessage {
    public static Err of(ErrorCode code, String text) {
      return new Err(code.name(), text);
    }
  }

  /** {@code MSG <ts> <from> <to> <text>}: {@code to} is {@code *}, a {@code #room} or a user. */
  record Msg(Instant ts, String from, String to, String text) implements ServerMessage {}

  /** {@code JOIN <ts> <name> <where>}: {@code where} is {@code *} (the server) or a room. */
  record Join(Instant ts, String name, String where) implements ServerMessage {}

  /** {@code LEAVE <ts> <name> <where> [<reason>]}; reason is null when there is none. */
  record Leave(Instant ts, String name, String where, String reason) implements ServerMessage {}

  record Nick(Instant ts, String oldName, String newName) implements ServerMessage {}

  /** {@code USERS <where> <name>...}, names sorted ignoring case. */
  record Users(String where, List<String> names) implements ServerMessage {
    public Users {
      names = List.copyOf(names);
    }
  }

  record Rooms(List<RoomCount> rooms) implements ServerMessage {
    public Rooms {
      rooms = List.copyOf(rooms);
    }
  }

  /** One room of {@link Rooms}: its name and how many are in it. */
  record RoomCount(String room, int members) {
    /** Reads {@code #room:count}. */
    static RoomCount parse(String item) {
      int colon = item.lastIndexOf(':');
      return new RoomCount(item.substring(0, colon), Integer.parseInt(item.substring(colon + 1)));
    }
  }

  /** {@code HISTORY <ts> <from> <where> <text>}: sent before you arrived where you are. */
  record History(Instant ts, String from, String where, String text) implements ServerMessage {}

  /** {@code OFFLINE <ts> <from> <to> <text>}: a private message sent while you were offline. */
  record Offline(Instant ts, String from, String to, String text) implements ServerMessage {}

  /** {@code QUEUED <ts> <user>}: your private message waits for {@code user} to sign in. */
  record Queued(Instant ts, String user) implements ServerMessage {}

  /** {@code BYE}: the server is about to close this connection. */
  record Bye() implements ServerMessage {}

  /** {@code PING <token>}: a client that sent {@code /pong} answers, or is disconnected. */
  record Ping(String token) implements ServerMessage {}

  /** A line this client does not understand, kept whole: newer servers may send new types. */
  record Unknown(String line) implements ServerMessage {}

  /** The line, without its LF. */
  default String toLine() {
    return switch (this) {
      case Info m -> "INFO " + m.text();
      case Welcome m -> "WELCOME " + m.name();
      case Err m -> "ERR " + m.code() + " " + m.text();
      case Msg m -> stamped("MSG", m.ts(), m.from(), m.to(), m.text());
      case Join m -> stamped("JOIN", m.ts(), m.name(), m.where());
      case Leave m when m.reason() == null -> stamped("LEAVE", m.ts(), m.name(), m.where());
      case Leave m -> stamped("LEAVE", m.ts(), m.name(), m.where(), m.reason());
      case Nick m -> stamped("NICK", m.ts(), m.oldName(), m.newName());
      case Users m -> withItems("USERS " + m.where(), m.names());
      case Rooms m ->
          withItems("ROOMS", m.rooms().stream().map(r -> r.room() + ":" + r.members()).toList());
      case History m -> stamped("HISTORY", m.ts(), m.from(), m.where(), m.text());
      case Offline m -> stamped("OFFLINE", m.ts(), m.from(), m.to(), m.text());
      case Queued m -> stamped("QUEUED", m.ts(), m.user());
      case Bye m -> "BYE";
      case Ping m -> "PING " + m.token();
      case Unknown m -> m.line();
    };
  }

  /** Reads a server line; anything it cannot make sense of comes back as {@link Unknown}. */
  static ServerMessage parse(String line) {
    try {
      return parseOrFail(line);
    } catch (IndexOutOfBoundsException | DateTimeParseException | NumberFormatException e) {
      return new Unknown(line);
    }
  }

  private static ServerMessage parseOrFail(String line) {
    String type = line.contains(" ") ? line.substring(0, line.indexOf(' ')) : line;
    return switch (type) {
      case "INFO" -> new Info(rest(line, 1));
      case "WELCOME" -> new Welcome(rest(line, 1));
      case "ERR" -> new Err(line.split(" ", 3)[1], rest(line, 2));
      case "MSG", "HISTORY", "OFFLINE" -> message(type, line.split(" ", 5)); // text keeps spaces
      case "JOIN" -> {
        String[] f = exactly(line, 4);
        yield new Join(Instant.parse(f[1]), f[2], f[3]);
      }
      case "LEAVE" -> {
        String[] f = line.split(" ", 5);
        yield new Leave(Instant.parse(f[1]), f[2], f[3], f.length > 4 ? f[4] : null);
      }
      case "NICK" -> {
        String[] f = exactly(line, 4);
        yield new Nick(Instant.parse(f[1]), f[2], f[3]);
      }
      case "USERS" -> {
        String[] f = line.split(" ");
        yield new Users(f[1], Arrays.asList(f).subList(2, f.length));
      }
      case "ROOMS" ->
          new Rooms(Arrays.stream(line.split(" ")).skip(1).map(RoomCount::parse).toList());
      case "QUEUED" -> {
        String[] f = exactly(line, 3);
        yield new Queued(Instant.parse(f[1]), f[2]);
      }
      case "BYE" -> new Bye();
      case "PING" -> new Ping(exactly(line, 2)[1]);
      default -> new Unknown(line);
    };
  }

  /** The three lines shaped {@code <TYPE> <ts> <from> <to> <text>}. */
  private static ServerMessage message(String type, String[] f) {
    Instant ts = Instant.parse(f[1]);
    return switch (type) {
      case "MSG" -> new Msg(ts, f[2], f[3], f[4]);
      case "HISTORY" -> new History(ts, f[2], f[3], f[4]);
      default -> new Offline(ts, f[2], f[3], f[4]);
    };
  }

  private static String rest(String line, int fieldsBefore) {
    String[] f = line.split(" ", fieldsBefore + 1);
    return f.length > fieldsBefore ? f[fieldsBefore] : "";
  }

  private static String[] exactly(String line, int count) {
    String[] f = line.split(" ");
    if (f.length != count) {
      throw new IndexOutOfBoundsException(line);
    }
    return f;
  }

  /** {@code <TYPE> <ts> <field>...}. */
  private static String stamped(String type, Instant ts, String... fields) {
    return type + " " + Timestamps.format(ts) + " " + String.join(" ", fields);
  }

  private static String withItems(String head, List<String> items) {
    return items.isEmpty() ? head : head + " " + String.join(" ", items);
  }
}
