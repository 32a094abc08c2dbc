package edu.sockets.chat.store;

/** The database failed: a full disk, a file another program broke. Says which, in words. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
