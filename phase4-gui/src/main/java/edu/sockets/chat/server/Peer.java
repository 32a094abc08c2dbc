package edu.sockets.chat.server;

/**
 * One connection as {@link ChatState} sees it: somewhere to queue lines, and a way to end it. The
 * server's is a {@link ClientConnection}; tests use a list.
 */
public interface Peer {

  /** The other end, {@code ip:port}. */
  String address();

  /**
   * Queues one encoded line without waiting; false when the queue is full: the client has stopped
   * reading, and waiting for it would stall everyone else.
   */
  boolean send(byte[] line);

  /** Writes what is queued, then closes: the goodbye ({@code BYE}, {@code ERR KICKED}) arrives. */
  void closeAfterSending();

  /** Closes at once and forgets what is queued: for a client that does not read. */
  void abort();

  /** The client sent {@code /pong}: it may be sent {@code PING} (chapter 5). */
  default void pong() {}
}
