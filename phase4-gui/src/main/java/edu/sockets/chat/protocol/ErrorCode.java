package edu.sockets.chat.protocol;

/** The codes of {@code ERR <CODE> <text>}: what a program reads, while people read the text. */
public enum ErrorCode {
  /** Another user has this name (ignoring case). */
  NAME_TAKEN,
  /** Not 1 to 16 of {@code A-Z a-z 0-9 _ -}, or reserved ({@code server}). */
  NAME_INVALID,
  /** {@code /name} to the name the user already has, spelled the same. */
  NAME_UNCHANGED,
  /** Anything but {@code /name}, {@code /help}, {@code /exit} before registering. */
  NOT_REGISTERED,
  /** A private message to a name nobody has. */
  NO_SUCH_USER,
  /** A room that does not exist (rooms exist while they have members). */
  NO_SUCH_ROOM,
  /** A room argument that is not {@code #} followed by 1 to 24 allowed characters. */
  ROOM_INVALID,
  /** {@code /join} of a room the user is already in. */
  ALREADY_IN_ROOM,
  /** {@code /leave} of, or {@code /msg} to, a room the user is not in. */
  NOT_IN_ROOM,
  /** A command word the server does not know. */
  UNKNOWN_COMMAND,
  /** A known command with missing or extra arguments. */
  USAGE,
  /** A line over 8,192 bytes; it was discarded, the connection goes on. */
  LINE_TOO_LONG,
  /** The administrator removed this user; the connection closes next. */
  KICKED,
  /**
   * Version 2: a plain-text client reached a server that speaks TLS; the connection closes next.
   */
  TLS_REQUIRED,
  /** {@code /name} of a name that belongs to an account: {@code /login} takes it. */
  NAME_PROTECTED,
  /** A password that is not 8 to 128 characters. */
  PASSWORD_INVALID,
  /** {@code /login} with a wrong password, or for an account that does not exist (one answer). */
  AUTH_FAILED,
  /** Too many failed sign-ins for this name or from this address: refused for a while. */
  AUTH_LOCKED,
  /** The offline user's queue of private messages is full; nothing was stored. */
  QUEUE_FULL,
  /** Lines came faster than the server's rate limit allows; the excess was not handled. */
  RATE_LIMITED,
  /** The server has all the connections it takes (in total, or from this address); it closes. */
  SERVER_FULL,
  /** A line took too long to finish, a name too long to choose, or a PING went unanswered. */
  TIMEOUT
}
