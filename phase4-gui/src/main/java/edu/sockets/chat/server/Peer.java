package edu.sockets.chat.server;

/**
 * One connection as {@link ChatState} sees it: somewhere to queue lines, and a way to end it. The
 * server's {@link ClientConnection} is one; tests use a plain list instead of a socket.
 */
public interface Peer {

  /** The other end, {@code ip:port}, for the log and the admin console. */
  String address();

  /**
   * Queues one encoded line (ending in LF) without waiting, and returns false when the queue is
   * full: the client has stopped reading, and waiting for it would stall everyone else.
   */
  boolean send(byte[] line);

  /** Writes what is queued, then closes: the goodbye ({@code BYE}, {@code ERR KICKED}) arrives. */
  void closeAfterSending();

  /** Closes at once and forgets what is queued: for a client that does not read. */
  void abort();

  /** The client sent {@code /pong}: it answers heartbeats, so it may be sent {@code PING}. */
  default void pong() {}
}
