package edu.sockets.chat.server;

/**
 * What chapter 5 adds to the chat, each part through one interface; {@link #NONE} is the chat of
 * chapter 4. {@code storage} (the database) is closed once the server has stopped.
 */
public record Extensions(
    Accounts accounts,
    MessageHistory history,
    Guard guard,
    Transport transport,
    AutoCloseable storage) {

  public static final Extensions NONE =
      new Extensions(Accounts.NONE, MessageHistory.NONE, Guard.NONE, Transport.PLAIN, () -> {});
}
