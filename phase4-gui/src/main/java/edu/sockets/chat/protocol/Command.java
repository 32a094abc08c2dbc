package edu.sockets.chat.protocol;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A line from a client, parsed: pure, so every rule it follows is tested without a network. */
public sealed interface Command {

  /** What {@code /help} shows, on the server ({@code INFO} lines) and in the clients. */
  List<String> HELP =
      List.of(
          "Commands:",
          "  /name <name>          choose your name, or change it",
          "  /register <name> <pw> create an account (password: 8 to 128 characters)",
          "  /login <name> <pw>    sign in to your account",
          "  <text>                message to everyone (//text sends /text)",
          "  /pm <user> <text>     private message (also /msg <user> <text>)",
          "  /msg #room <text>     message to a room you are in",
          "  /who [#room]          who is online, or in a room",
          "  /join #room           join a room (created if new)",
          "  /leave #room          leave a room",
          "  /rooms                every room and how many are in it",
          "  /exit                 leave the chat");

  /** {@code /name <name>}: registers, or renames once registered. */
  record SetName(String name) implements Command {}

  /** {@code /register <name> <password>}; toString hides the password, so no log shows it. */
  record Register(String name, String password) implements Command {
    @Override
    public String toString() {
      return "Register[name=" + name + ", password=(hidden)]";
    }
  }

  /** {@code /login <name> <password>}. */
  record Login(String name, String password) implements Command {
    @Override
    public String toString() {
      return "Login[name=" + name + ", password=(hidden)]";
    }
  }

  /** A line that is not a command: a message to everyone. */
  record Say(String text) implements Command {}

  /** {@code /pm <user> <text>}, {@code /msg <user> <text>} or {@code /msg #room <text>}. */
  record Send(String to, String text) implements Command {}

  /** {@code /who} (room is null: everyone online) or {@code /who #room}. */
  record Who(String room) implements Command {}

  record Join(String room) implements Command {}

  record Leave(String room) implements Command {}

  record ListRooms() implements Command {}

  record Help() implements Command {}

  record Exit() implements Command {}

  /** {@code /pong}: this client answers {@code PING}; {@code /pong <token>}: the answer. */
  record Pong(String token) implements Command {}

  /** An empty or blank line: ignored, so that pressing Enter in {@code nc} does nothing. */
  record Blank() implements Command {}

  /** A line that breaks a rule of the command {@code word}: the server answers {@code ERR}. */
  record Invalid(String word, ErrorCode code, String text) implements Command {
    Invalid(String word, ServerMessage.Err reply) {
      this(word, ErrorCode.valueOf(reply.code()), reply.text());
    }
  }

  /**
   * Parses one line. Control characters go first, so no name or text can carry one; command words
   * ignore case; {@code <text>} is the rest of the line, kept as typed.
   */
  static Command parse(String rawLine) {
    String line = ControlCharacters.strip(rawLine);
    if (line.isBlank()) {
      return new Blank();
    }
    if (!line.startsWith("/")) {
      return new Say(line);
    }
    if (line.startsWith("//")) {
      return new Say(line.substring(1)); // "//etc" says "/etc": the escape for a leading slash
    }
    int space = line.indexOf(' ');
    String word = (space < 0 ? line : line.substring(0, space)).toLowerCase(Locale.ROOT);
    String rest = space < 0 ? "" : line.substring(space + 1);
    return switch (word) {
      case "/name" -> name(rest.strip());
      case "/register" -> account(word, rest, Register::new);
      case "/login" -> account(word, rest, Login::new);
      case "/pm", "/msg" -> send(word, rest);
      case "/who" -> who(rest.strip());
      case "/join" -> room(rest.strip(), "/join", Join::new);
      case "/leave" -> room(rest.strip(), "/leave", Leave::new);
      case "/rooms" -> noArguments(rest, "/rooms", new ListRooms());
      case "/help" -> noArguments(rest, "/help", new Help());
      case "/exit" -> noArguments(rest, "/exit", new Exit());
      case "/pong" -> new Pong(rest.strip());
      default -> new Invalid(word, Replies.unknownCommand(word));
    };
  }

  /** The line a client sends for this command; {@code parse(toLine())} gives it back. */
  default String toLine() {
    return switch (this) {
      case SetName c -> "/name " + c.name();
      case Register c -> "/register " + c.name() + " " + c.password();
      case Login c -> "/login " + c.name() + " " + c.password();
      case Say c -> c.text().startsWith("/") ? "/" + c.text() : c.text();
      case Send c -> "/msg " + c.to() + " " + c.text();
      case Who c -> c.room() == null ? "/who" : "/who " + c.room();
      case Join c -> "/join " + c.room();
      case Leave c -> "/leave " + c.room();
      case ListRooms c -> "/rooms";
      case Help c -> "/help";
      case Exit c -> "/exit";
      case Pong c -> c.token().isEmpty() ? "/pong" : "/pong " + c.token();
      case Blank c -> "";
      case Invalid c -> throw new IllegalArgumentException("an invalid command has no line: " + c);
    };
  }

  /** Whether this may come before a name; anything else gets {@code ERR NOT_REGISTERED}. */
  default boolean isAllowedBeforeRegistering() {
    return switch (this) {
      case SetName c -> true;
      case Register c -> true;
      case Login c -> true;
      case Help c -> true;
      case Exit c -> true;
      case Blank c -> true;
      case Pong c -> true;
      case Invalid c ->
          List.of("/name", "/register", "/login", "/help", "/exit").contains(c.word());
      default -> false;
    };
  }

  private static Command name(String name) {
    return Names.isValidName(name)
        ? new SetName(name)
        : new Invalid("/name", Replies.nameInvalid(name));
  }

  /** The password is the rest of the line, spaces included; no error text repeats it. */
  private static Command account(
      String word, String arguments, BiFunction<String, String, Command> command) {
    int space = arguments.indexOf(' ');
    if (space <= 0) {
      return new Invalid(word, Replies.usage(word, "<name> <password>"));
    }
    String name = arguments.substring(0, space);
    String password = arguments.substring(space + 1);
    if (!Names.isValidName(name)) {
      return new Invalid(word, Replies.nameInvalid(name));
    }
    if (!Passwords.isValid(password)) {
      return new Invalid(word, Replies.passwordInvalid());
    }
    return command.apply(name, password);
  }

  private static Command send(String word, String arguments) {
    String rest = arguments.stripLeading();
    int space = rest.indexOf(' ');
    String text = space < 0 ? "" : rest.substring(space + 1);
    if (space < 0 || text.isBlank()) {
      return new Invalid(word, Replies.usage(word, "<user> <text> or /msg #room <text>"));
    }
    String to = rest.substring(0, space);
    if (to.startsWith("#")) {
      return Names.isValidRoom(to) ? new Send(to, text) : new Invalid(word, Replies.roomInvalid());
    }
    return Names.isValidName(to) ? new Send(to, text) : new Invalid(word, Replies.noSuchUser(to));
  }

  private static Command who(String where) {
    if (where.isEmpty() || where.equals(Names.EVERYONE)) {
      return new Who(null);
    }
    return Names.isValidRoom(where) ? new Who(where) : new Invalid("/who", Replies.roomInvalid());
  }

  private static Command room(String room, String word, Function<String, Command> command) {
    if (room.isEmpty()) {
      return new Invalid(word, Replies.usage(word, "#room"));
    }
    return Names.isValidRoom(room) ? command.apply(room) : new Invalid(word, Replies.roomInvalid());
  }

  private static Command noArguments(String rest, String word, Command command) {
    return rest.isBlank()
        ? command
        : new Invalid(word, Replies.usage(word, "(it takes no arguments)"));
  }
}
