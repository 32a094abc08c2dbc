package edu.sockets.chat.server;

import java.io.IOException;
import java.net.Socket;

/**
 * What an accepted socket goes through before the chat speaks on it: TLS (chapter 4c), or nothing.
 * It runs on the connection's own thread: in the accept loop, a slow client would stall everyone.
 */
public interface Transport {

  Transport PLAIN = (tcp, address) -> tcp;

  /** The socket to speak on; an exception's message goes to the log, and the connection closes. */
  Socket open(Socket tcp, String address) throws IOException;

  /** What the log says after "connected": empty, or what happens next. */
  default String whatNext() {
    return "";
  }
}
