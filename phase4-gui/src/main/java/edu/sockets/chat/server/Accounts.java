package edu.sockets.chat.server;

import edu.sockets.chat.protocol.Command;
import edu.sockets.chat.protocol.Replies;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Err;
import edu.sockets.chat.protocol.ServerMessage.Msg;
import edu.sockets.chat.protocol.ServerMessage.Offline;
import java.util.List;

/**
 * What the chat asks of accounts (chapter 4c). Each default is the chat without them, protocol
 * version 1, which {@link #NONE} is.
 */
public interface Accounts {

  Accounts NONE = new Accounts() {};

  /** What a sign-in comes to: the account's name as spelled at registration, or an error. */
  sealed interface Outcome {}

  record SignedIn(String name) implements Outcome {}

  record Refused(Err error) implements Outcome {}

  /** True if no guest may take {@code name}: it is an account's, or one being created. */
  default boolean isProtected(String name) {
    return false;
  }

  /** Holds {@code name} for the account {@code /register} creates; false if it has an owner. */
  default boolean reserve(String name) {
    return true;
  }

  /** {@code /register} or {@code /login}: slow (it hashes), so never called with the lock held. */
  default Outcome signIn(Command command, String address) {
    return new Refused(
        Replies.unknownCommand(command instanceof Command.Register ? "/register" : "/login"));
  }

  /**
   * A private message to someone offline: what its sender gets, or nothing if no account has that
   * name. Called with the chat's lock held, so that it cannot slip in between a sign-in taking the
   * waiting messages and going online.
   */
  default List<ServerMessage> sendOffline(Msg message) {
    return List.of();
  }

  /** Removes and returns the private messages that waited for the account {@code name}. */
  default List<Offline> takeWaiting(String name) {
    return List.of();
  }
}
