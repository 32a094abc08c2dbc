package edu.sockets.chat.gui;

import edu.sockets.chat.client.Credentials;
import edu.sockets.chat.protocol.Names;
import edu.sockets.chat.protocol.Passwords;

/**
 * What the connect dialog's fields say, checked before anything goes on the network. Pure: each
 * rule is tested with strings, without a window.
 *
 * @param password empty: a guest
 * @param create "Create account" is ticked
 */
record ConnectFields(String host, String port, String name, String password, boolean create) {

  /** The field a problem is in: the dialog puts the cursor there. */
  enum Field {
    HOST,
    PORT,
    NAME,
    PASSWORD
  }

  /** What is wrong, in words for the dialog. */
  record Problem(Field field, String text) {}

  ConnectFields {
    host = host.strip();
    port = port.strip();
    name = name.strip();
  }

  /** The first problem with the server's address or the name, or null: they can be remembered. */
  Problem serverProblem() {
    if (host.isEmpty()) {
      return new Problem(Field.HOST, "Enter the server's address: 127.0.0.1 for this computer.");
    }
    if (portNumber() < 1 || portNumber() > 65535) {
      return new Problem(
          Field.PORT, "The port is a number from 1 to 65535 (the chat server's is 5004).");
    }
    if (name.isEmpty()) {
      return new Problem(Field.NAME, "Choose a name: " + Names.nameRule() + ".");
    }
    if (Names.isReserved(name)) {
      return new Problem(Field.NAME, "\"" + name + "\" is reserved. Choose another name.");
    }
    if (!Names.isValidName(name)) {
      return new Problem(
          Field.NAME, "\"" + name + "\" is not a valid name: " + Names.nameRule() + ".");
    }
    return null;
  }

  /** The first problem with the password and "Create account", or null. */
  Problem passwordProblem() {
    if (!password.isEmpty() && !Passwords.isValid(password)) {
      return new Problem(Field.PASSWORD, "Check the password: " + Passwords.rule() + ".");
    }
    if (password.isEmpty() && create) {
      return new Problem(Field.PASSWORD, "To create an account, choose its password.");
    }
    return null;
  }

  /** The port as a number, or -1 if it is none. */
  int portNumber() {
    try {
      return Integer.parseInt(port);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A guest without a password; with one, the account to sign in to or to create. */
  Credentials credentials() {
    return password.isEmpty() ? Credentials.guest(name) : new Credentials(name, password, create);
  }
}
