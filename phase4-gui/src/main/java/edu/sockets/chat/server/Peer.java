package edu.sockets.chat.server;

/** One connection as {@link ChatState} sees it; tests use a list instead of a socket. */
public interface Peer {

  /** The other end, {@code ip:port}. */
  String address();

  /** Queues an encoded line without waiting, which would stall everyone; false when it is full. */
  boolean send(byte[] line);

  /** Writes what is queued, then closes: the goodbye ({@code BYE}, {@code ERR KICKED}) arrives. */
  void closeAfterSending();

  /** Closes at once and forgets what is queued: for a client that does not read. */
  void abort();

  /** The client sent {@code /pong}: it may be sent {@code PING} (chapter 4c). */
  default void pong() {}
}
