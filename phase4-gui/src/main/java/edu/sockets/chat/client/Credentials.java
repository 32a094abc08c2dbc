package edu.sockets.chat.client;

import edu.sockets.chat.protocol.Command;

/**
 * Who a client signs in as: a guest name, or an account's name and password (to create, or to sign
 * in to). Its {@link #toString()} hides the password, so no log or exception message shows it.
 *
 * @param password null for a guest
 * @param create true to create the account ({@code /register}), false to sign in ({@code /login})
 */
public record Credentials(String name, String password, boolean create) {

  /** A guest: a name without a password, as in protocol version 1. */
  public static Credentials guest(String name) {
    return new Credentials(name, null, false);
  }

  public boolean isGuest() {
    return password == null;
  }

  /** The line that signs in the first time: {@code /name}, {@code /register} or {@code /login}. */
  public String firstLine() {
    if (isGuest()) {
      return new Command.SetName(name).toLine();
    }
    return create
        ? new Command.Register(name, password).toLine()
        : new Command.Login(name, password).toLine();
  }

  /** The line that signs in again after a drop: the account exists by then. */
  public String againLine() {
    return isGuest() ? firstLine() : new Command.Login(name, password).toLine();
  }

  /** The same person under a new name (after a NICK): an account's password no longer fits. */
  public Credentials renamed(String newName) {
    return name.equalsIgnoreCase(newName) ? this : guest(newName);
  }

  /**
   * The warning both clients show before sending a password, or null when there is nothing to warn
   * about: over a plain TCP connection the password crosses the network as typed.
   *
   * @param secure whether the connection is encrypted (TLS)
   */
  public static String clearTextWarning(boolean secure) {
    return secure
        ? null
        : "Warning: this connection is not encrypted. Your password crosses the network as you"
            + " typed it, and anyone on the way can read it. Use a password you use nowhere else.";
  }

  @Override
  public String toString() {
    return "Credentials[name=" + name + (isGuest() ? ", guest]" : ", password=(hidden)]");
  }
}
