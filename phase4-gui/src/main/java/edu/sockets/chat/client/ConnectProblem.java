package edu.sockets.chat.client;

import java.io.IOException;

/**
 * A connection that was not made, for a reason its message already tells the user in words: a
 * transport knows more than "connection refused" (the server is full, is not trusted, does not
 * speak TLS).
 */
public class ConnectProblem extends IOException {
  private static final long serialVersionUID = 1L;

  /** Trying again gives the same answer, so a session stops rather than reconnect. */
  private final boolean lasting;

  public ConnectProblem(String message, boolean lasting) {
    super(message);
    this.lasting = lasting;
  }

  public boolean isLasting() {
    return lasting;
  }
}
