package edu.sockets.chat.server;

import java.util.function.Consumer;

/**
 * What chapter 4c adds to the chat, each part through one interface; {@link #NONE} is the chat of
 * chapter 4a.
 */
public record Extensions(
    Accounts accounts,
    MessageHistory history,
    Guard guard,
    Transport transport,
    AutoCloseable storage) {

  public static final Extensions NONE =
      new Extensions(Accounts.NONE, MessageHistory.NONE, Guard.NONE, Transport.PLAIN, () -> {});

  /** Once the server has stopped: waiting history is written, then the database closed. */
  void closeStorage(Consumer<String> log) {
    try {
      storage.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.accept("closing the data: " + e.getMessage());
    }
  }
}
