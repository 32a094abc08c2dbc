package edu.sockets.chat.server;

import java.io.InputStream;
import java.net.Socket;
import java.util.concurrent.ThreadFactory;

/**
 * The server's defences against dead, flooding, slow and greedy clients (chapter 5): the accept
 * loop asks it about each new connection, and each connection's reader shows it every line. Each
 * default is a server without limits, which {@link #NONE} is.
 */
public interface Guard {

  Guard NONE = new Guard() {};

  /** Starts what watches the connections over time: when the server starts serving. */
  default void start() {}

  /** Stops it: the server has stopped. */
  default void close() {}

  /**
   * Asked by the accept loop about each new connection: true to serve it. False when it is refused:
   * the guard has then taken the socket, tells the client why on a thread from {@code threads}, and
   * closes it.
   */
  default boolean admit(Socket socket, String address, ThreadFactory threads) {
    return true;
  }

  /** A connection {@link #admit} let in has ended. */
  default void release(Socket socket) {}

  /** Watches one connection from its banner to its end; {@code chat} knows it as {@code peer}. */
  default Watch watch(ChatState chat, Peer peer) {
    return Watch.NONE;
  }

  /** One connection's watch, told by the connection's reader thread what arrives. */
  interface Watch {

    /** Sees nothing, lets every line through. */
    Watch NONE = new Watch() {};

    /** The socket's input, as the reader reads it: a watch may note when bytes arrive. */
    default InputStream input(InputStream in) {
      return in;
    }

    /**
     * A line was read (or discarded for being too long): true to handle it.
     *
     * @param nextLineStarted bytes of the next line came with it
     */
    default boolean lineRead(boolean nextLineStarted) {
      return true;
    }

    /** The client sent {@code /pong}: it answers heartbeats. */
    default void heartbeat() {}

    /** The connection has ended. */
    default void close() {}
  }
}
