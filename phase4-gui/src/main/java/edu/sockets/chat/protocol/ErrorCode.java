package edu.sockets.chat.protocol;

/** The codes of {@code ERR <CODE> <text>}: what a program reads, while people read the text. */
public enum ErrorCode {
  NAME_TAKEN, // another user has this name (ignoring case)
  NAME_INVALID, // not 1 to 16 of A-Z a-z 0-9 _ -, or reserved (server)
  NAME_UNCHANGED, // /name to the name the user already has, spelled the same
  NOT_REGISTERED, // anything but /name, /help, /exit before registering
  NO_SUCH_USER, // a private message to a name nobody has
  NO_SUCH_ROOM, // rooms exist while they have members
  ROOM_INVALID, // not # followed by 1 to 24 allowed characters
  ALREADY_IN_ROOM, // /join of a room the user is already in
  NOT_IN_ROOM, // /leave of, or /msg to, a room the user is not in
  UNKNOWN_COMMAND,
  USAGE, // a known command with missing or extra arguments
  LINE_TOO_LONG, // over 8,192 bytes: discarded, and the connection goes on
  KICKED, // the administrator removed this user; the connection closes next
  // Version 2: accounts, TLS, limits (chapter 4c)
  TLS_REQUIRED, // a plain-text client reached a TLS server; the connection closes next
  NAME_PROTECTED, // /name of an account's name: /login takes it
  PASSWORD_INVALID, // not 8 to 128 characters
  AUTH_FAILED, // a wrong password, or no such account (one answer for both)
  AUTH_LOCKED, // too many failed sign-ins for this name or from this address
  QUEUE_FULL, // the offline user's queue is full; nothing was stored
  RATE_LIMITED, // lines came faster than the rate limit; the excess was not handled
  SERVER_FULL, // all the connections it takes, in total or from this address; it closes
  TIMEOUT // a line too slow to finish, a name too slow to come, or a PING unanswered
}
