package edu.sockets.chat.protocol;

import edu.sockets.chat.protocol.ServerMessage.Err;
import edu.sockets.chat.protocol.ServerMessage.Info;
import java.time.Duration;
import java.util.List;

/** Every {@code INFO} and {@code ERR} text the server sends, each written once. */
public final class Replies {

  public static final String KICKED_BY_ADMIN = "kicked by the administrator";

  private Replies() {}

  // ---- notes for people ----
  public static Info banner() {
    return new Info(
        "Welcome to the chat. Choose a name with /name <name>; /help lists the commands.");
  }

  public static List<Info> help() {
    return Command.HELP.stream().map(Info::new).toList();
  }

  public static Info shuttingDown() {
    return new Info("The server is shutting down.");
  }

  // ---- names ----
  public static Err nameTaken(String name) {
    return Err.of(ErrorCode.NAME_TAKEN, name + " is taken; choose another name");
  }

  public static Err nameInvalid(String name) {
    return Err.of(
        ErrorCode.NAME_INVALID, Names.isReserved(name) ? name + " is reserved" : Names.nameRule());
  }

  public static Err nameUnchanged(String name) {
    return Err.of(ErrorCode.NAME_UNCHANGED, name + " is already " + name + "'s name");
  }

  public static Err notRegistered() {
    return Err.of(ErrorCode.NOT_REGISTERED, "choose a name first: /name <name>");
  }

  // ---- messages and rooms ----
  public static Err noSuchUser(String name) {
    return Err.of(ErrorCode.NO_SUCH_USER, "no user is called " + name);
  }

  public static Err noSuchRoom(String room) {
    return Err.of(
        ErrorCode.NO_SUCH_ROOM, "there is no room " + room + "; /join " + room + " creates it");
  }

  public static Err roomInvalid() {
    return Err.of(ErrorCode.ROOM_INVALID, Names.roomRule());
  }

  public static Err alreadyInRoom(String room) {
    return Err.of(ErrorCode.ALREADY_IN_ROOM, "you are already in " + room);
  }

  public static Err notInRoom(String room) {
    return Err.of(ErrorCode.NOT_IN_ROOM, "you are not in " + room);
  }

  public static Err joinFirst(String room) {
    return Err.of(ErrorCode.NOT_IN_ROOM, "join " + room + " first: /join " + room);
  }

  // ---- lines and commands that break the rules; the administrator's kick ----
  public static Err lineTooLong(int limit) {
    return Err.of(
        ErrorCode.LINE_TOO_LONG, "lines are at most " + limit + " bytes; that one was discarded");
  }

  public static Err unknownCommand(String word) {
    return Err.of(
        ErrorCode.UNKNOWN_COMMAND, "unknown command " + word + "; /help lists the commands");
  }

  public static Err usage(String word, String arguments) {
    return Err.of(ErrorCode.USAGE, "usage: " + word + " " + arguments);
  }

  public static Err kicked(String reason) {
    return Err.of(ErrorCode.KICKED, ControlCharacters.strip(reason));
  }

  // ---- chapter 4c: accounts ----
  /** A guest registered the name it had: the name is protected from now on. */
  public static Info nameIsYours(String name) {
    return new Info(
        "The name " + name + " is now yours: sign in with /login " + name + " next time.");
  }

  public static Err nameProtected(String name) {
    return Err.of(
        ErrorCode.NAME_PROTECTED,
        name + " belongs to an account; sign in with /login " + name + " <password>");
  }

  public static Err alreadySignedIn(String name) {
    return Err.of(ErrorCode.NAME_UNCHANGED, "you are signed in as " + name);
  }

  public static Err passwordInvalid() {
    return Err.of(ErrorCode.PASSWORD_INVALID, Passwords.rule());
  }

  /** A wrong password and an unknown name get the same answer. */
  public static Err authFailed() {
    return Err.of(ErrorCode.AUTH_FAILED, "wrong name or password");
  }

  public static Err authLocked(Duration remaining) {
    long seconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
    return Err.of(
        ErrorCode.AUTH_LOCKED, "too many failed sign-ins; try again in " + seconds + " seconds");
  }

  public static Err tooManySignIns() {
    return Err.of(ErrorCode.AUTH_LOCKED, "too many sign-ins at once; try again in a few seconds");
  }

  public static Err replaced() {
    return Err.of(ErrorCode.KICKED, "signed in from another connection");
  }

  public static Err queueFull(String account, int limit) {
    return Err.of(
        ErrorCode.QUEUE_FULL,
        account + " has " + limit + " messages waiting already; nothing was stored");
  }

  public static Err notStored() {
    return Err.of(ErrorCode.QUEUE_FULL, "the server could not store it; try again later");
  }

  // ---- chapter 4c: limits, timeouts, TLS ----
  public static Err rateLimited(double linesPerSecond, int burst) {
    return Err.of(
        ErrorCode.RATE_LIMITED,
        "slow down: at most %s lines a second (%d at once); lines are being dropped"
            .formatted(number(linesPerSecond), burst));
  }

  public static Err flooding() {
    return Err.of(ErrorCode.KICKED, "flooding: too many lines after RATE_LIMITED");
  }

  public static Err serverFull(int maxClients) {
    return Err.of(
        ErrorCode.SERVER_FULL,
        "the server has its maximum of " + maxClients + " connections; try again later");
  }

  public static Err tooManyFrom(String host, int maxPerAddress) {
    return Err.of(
        ErrorCode.SERVER_FULL,
        "already " + maxPerAddress + " connections from " + host + "; close one first");
  }

  public static Err pingTimeout(Duration timeout) {
    return Err.of(ErrorCode.TIMEOUT, "no answer to PING within " + seconds(timeout));
  }

  public static Err lineTimeout(Duration timeout) {
    return Err.of(
        ErrorCode.TIMEOUT, "a line must end within " + seconds(timeout) + " of its first byte");
  }

  public static Err registerTimeout(Duration timeout) {
    return Err.of(
        ErrorCode.TIMEOUT, "no name chosen within " + seconds(timeout) + "; /name <name>");
  }

  public static Err tlsRequired() {
    return Err.of(
        ErrorCode.TLS_REQUIRED,
        "This server speaks TLS: connect with --tls (or tick \"Use TLS\").");
  }

  /** A duration as people read it: {@code 15 s}, {@code 0.5 s}. */
  static String seconds(Duration d) {
    return number(d.toNanos() / 1e9) + " s";
  }

  /** {@code 50}, {@code 2.5}: no {@code .0} on whole numbers. */
  static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
