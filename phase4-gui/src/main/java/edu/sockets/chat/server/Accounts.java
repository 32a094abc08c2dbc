package edu.sockets.chat.server;

import edu.sockets.chat.protocol.Command;
import edu.sockets.chat.protocol.Replies;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Err;
import edu.sockets.chat.protocol.ServerMessage.Msg;
import edu.sockets.chat.protocol.ServerMessage.Offline;
import java.util.List;

/**
 * What the chat asks of accounts (chapter 5): which names are protected, signing in, and private
 * messages kept for an account while it is offline. Each default is the chat without accounts
 * (protocol version 1), which {@link #NONE} is.
 */
public interface Accounts {

  /** Names only: nothing is protected, {@code /register} and {@code /login} are unknown. */
  Accounts NONE = new Accounts() {};

  /** What a sign-in comes to: the account's name as spelled at registration, or an error. */
  sealed interface Outcome {}

  record SignedIn(String name) implements Outcome {}

  record Refused(Err error) implements Outcome {}

  /** True if no guest may take {@code name}: it is an account's, or one being created. */
  default boolean isProtected(String name) {
    return false;
  }

  /**
   * Holds {@code name} for the account {@code /register} is about to create, so that no guest takes
   * it meanwhile; false if it is an account's already. Called with the chat's lock held.
   */
  default boolean reserve(String name) {
    return true;
  }

  /**
   * {@code /register} (of a name {@link #reserve} held) or {@code /login}. Slow, as it hashes a
   * password: called on the connection's own thread, never with the chat's lock held.
   */
  default Outcome signIn(Command command, String address) {
    return new Refused(
        Replies.unknownCommand(command instanceof Command.Register ? "/register" : "/login"));
  }

  /**
   * A private message to {@code message.to()}, who is not online: what its sender gets. Called with
   * the chat's lock held, so that the message cannot slip in between the account's sign-in taking
   * its waiting messages and the account being online.
   */
  default List<ServerMessage> sendOffline(Msg message) {
    return List.of(Replies.noSuchUser(message.to()));
  }

  /** Removes and returns the private messages that waited for the account {@code name}. */
  default List<Offline> takeWaiting(String name) {
    return List.of();
  }
}
