package edu.sockets.chat.server;

/**
 * What chapter 5 adds to the chat of chapter 4, each part reached through one interface: accounts,
 * history, the defences against abuse, and TLS. {@link #NONE} is the chat alone, as protocol
 * version 1 describes it.
 *
 * @param storage what keeps data beyond the server (the database), closed once the server has
 *     stopped and its history is written
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
