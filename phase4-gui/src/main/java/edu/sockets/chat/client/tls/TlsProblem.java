package edu.sockets.chat.client.tls;

import edu.sockets.chat.client.ConnectProblem;

/**
 * A TLS connection that was not made, with a message for the user: the server does not speak TLS,
 * its certificate changed, the user did not trust it. Reconnecting would give the same answer.
 */
public final class TlsProblem extends ConnectProblem {
  private static final long serialVersionUID = 1L;

  TlsProblem(String message) {
    super(message, true);
  }
}
