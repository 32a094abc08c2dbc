package edu.sockets.chat.server;

import java.io.IOException;
import java.net.Socket;

/**
 * What an accepted socket goes through before the chat speaks on it: TLS (chapter 5), or nothing,
 * as {@link #PLAIN}. It runs on the connection's own thread, never in the accept loop, which a slow
 * client would otherwise stall for everyone.
 */
public interface Transport {

  /** Plain TCP: the chat speaks on the accepted socket itself. */
  Transport PLAIN = (tcp, address) -> tcp;

  /**
   * Returns the socket to speak on, over {@code tcp}.
   *
   * @throws IOException with a message for the server's log: the connection is then closed
   */
  Socket open(Socket tcp, String address) throws IOException;

  /** What the log says after "connected": empty, or what happens next. */
  default String whatNext() {
    return "";
  }
}
