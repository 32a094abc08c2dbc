package edu.sockets.chat.server;

import java.io.InputStream;
import java.net.Socket;
import java.util.concurrent.ThreadFactory;

/**
 * The defences against dead, flooding, slow and greedy clients (chapter 4c). Each default is a
 * server without limits, which {@link #NONE} is.
 */
public interface Guard {

  Guard NONE = new Guard() {};

  /** The server starts serving. */
  default void start() {}

  /** The server has stopped. */
  default void close() {}

  /**
   * Asked by the accept loop about each new connection: true to serve it. If not, the guard tells
   * the client why, on a thread from {@code threads}, and closes the socket.
   */
  default boolean admit(Socket socket, String address, ThreadFactory threads) {
    return true;
  }

  /** A connection {@link #admit} let in has ended. */
  default void release(Socket socket) {}

  /** Watches one connection, which {@code chat} knows as {@code peer}. */
  default Watch watch(ChatState chat, Peer peer) {
    return Watch.NONE;
  }

  /** One connection's watch, told by its reader thread what arrives. */
  interface Watch {

    Watch NONE = new Watch() {};

    /** The socket's input, as the reader reads it: a watch may note when bytes arrive. */
    default InputStream input(InputStream in) {
      return in;
    }

    /**
     * A line was read, or discarded as too long: true to handle it. {@code nextLineStarted}: bytes
     * of the next line came with it.
     */
    default boolean lineRead(boolean nextLineStarted) {
      return true;
    }

    /**
     * The last line was refused: says so to the client, if it should. A separate step, so that the
     * reader first hands over the lines it read before that one, and the client hears in order.
     */
    default void refused() {}

    /** The client sent {@code /pong}: it answers heartbeats. */
    default void heartbeat() {}

    /** The connection has ended. */
    default void close() {}
  }
}
