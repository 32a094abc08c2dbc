package edu.sockets.chat.server;

import edu.sockets.chat.protocol.Command;
import edu.sockets.chat.protocol.Names;
import edu.sockets.chat.protocol.Replies;
import edu.sockets.chat.protocol.ServerMessage.Err;
import java.util.function.Consumer;

/** What {@code /register} and {@code /login} do to the chat (chapter 4c). */
final class SignIns {

  private final ChatState chat;
  private final Users users;
  private final Delivery delivery;
  private final Accounts accounts;
  private final Consumer<String> log;

  SignIns(ChatState chat, Users users, Delivery delivery, Accounts accounts, Consumer<String> log) {
    this.chat = chat;
    this.users = users;
    this.delivery = delivery;
    this.accounts = accounts;
    this.log = log;
  }

  /**
   * The password is hashed on the connection's reader thread, between two short turns with the
   * chat's lock, so that the chat goes on meanwhile.
   */
  void signIn(Peer peer, Command command) {
    boolean mayTry =
        chat.locked(() -> {
          Session session = users.session(peer);
          return session != null && mayTry(session, command);
        });
    if (mayTry) {
      Accounts.Outcome outcome = accounts.signIn(command, peer.address());
      chat.withSession(peer, session -> finish(session, outcome)); // unless it left meanwhile
    }
  }

  /** Whether {@code session} may go on with this command; if not, it is told why. */
  private boolean mayTry(Session session, Command command) {
    Err refused = refusal(session, command);
    if (refused != null) {
      delivery.send(session, refused);
    }
    return refused == null;
  }

  private Err refusal(Session session, Command command) {
    return switch (command) {
      case Command.Register c -> {
        Session holder = users.named(c.name());
        boolean taken = (holder != null && holder != session) || !accounts.reserve(c.name());
        yield taken ? Replies.nameTaken(c.name()) : null;
      }
      case Command.Login c ->
          session.account && Names.key(c.name()).equals(Names.key(session.name))
              ? Replies.alreadySignedIn(session.name)
              : null;
      default -> throw new IllegalArgumentException("not a sign-in: " + command);
    };
  }

  /** What the accounts answered: an error, or the session becomes the account's. */
  private void finish(Session session, Accounts.Outcome outcome) {
    switch (outcome) {
      case Accounts.Refused r -> delivery.send(session, r.error());
      case Accounts.SignedIn s -> signedIn(session, s.name());
    }
  }

  private void signedIn(Session session, String name) {
    Session holder = users.named(name);
    if (holder == session) { // a guest who just registered the name it had
      session.account = true;
      delivery.send(session, Replies.nameIsYours(name));
      return;
    }
    if (holder != null) {
      // The account is online on another connection (a window left open elsewhere, a connection
      // not yet known to be dead): the newer sign-in wins, as the owner is the one asking.
      log.accept(
          holder.peer.address() + " " + holder.name + " replaced by " + session.peer.address());
      users.expel(holder, Replies.replaced(), "replaced");
    }
    users.take(session, name);
    session.account = true;
    delivery.send(session, accounts.takeWaiting(session.name));
  }
}
