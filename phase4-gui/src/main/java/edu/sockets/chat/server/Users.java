package edu.sockets.chat.server;

import edu.sockets.chat.protocol.Names;
import edu.sockets.chat.protocol.Replies;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Bye;
import edu.sockets.chat.protocol.ServerMessage.Err;
import edu.sockets.chat.protocol.ServerMessage.Join;
import edu.sockets.chat.protocol.ServerMessage.Leave;
import edu.sockets.chat.protocol.ServerMessage.Msg;
import edu.sockets.chat.protocol.ServerMessage.Nick;
import edu.sockets.chat.protocol.ServerMessage.Welcome;
import edu.sockets.chat.server.ChatState.UserView;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Everyone connected and their names; used by {@link ChatState} with its lock held. */
final class Users {

  private final Map<Peer, Session> sessions = new HashMap<>(); // every open connection
  private final Map<String, Session> byName = new HashMap<>(); // registered, by Names.key(name)
  private List<Session> registered = List.of(); // byName's sessions; a new list at each change
  private final Delivery delivery;
  private final Rooms rooms;
  private final Accounts accounts;
  private final MessageHistory history;
  private final Consumer<String> log;

  Users(
      Delivery delivery,
      Rooms rooms,
      Accounts accounts,
      MessageHistory history,
      Consumer<String> log) {
    this.delivery = delivery;
    this.rooms = rooms;
    this.accounts = accounts;
    this.history = history;
    this.log = log;
  }

  /** A connection opened: it has a session, and no name yet. */
  Session open(Peer peer, Instant since) {
    Session session = new Session(peer, since);
    sessions.put(peer, session);
    return session;
  }

  /** The session of an open connection, or null once it is leaving. */
  Session session(Peer peer) {
    return sessions.get(peer);
  }

  /** The session registered under {@code name} (ignoring case), or null. */
  Session named(String name) {
    return byName.get(Names.key(name));
  }

  /** Everyone registered, sorted by name. */
  List<UserView> list() {
    return byName.values().stream()
        .map(Session::view)
        .sorted(Comparator.comparing(UserView::name, Names.READING_ORDER))
        .toList();
  }

  void who(Session session) {
    delivery.send(
        session, new ServerMessage.Users(Names.EVERYONE, Session.sortedNames(byName.values())));
  }

  /** {@code /name}: registers, or renames once registered. */
  void setName(Session session, String name) {
    Err refused = nameRefusal(session, name);
    if (refused != null) {
      delivery.send(session, refused);
    } else {
      take(session, name);
    }
  }

  /** Why {@code session} may not take {@code name}, or null. */
  Err nameRefusal(Session session, String name) {
    if (!Names.isValidName(name)) {
      return Replies.nameInvalid(name); // the admin's rename: Command has checked a /name
    }
    if (name.equals(session.name)) {
      return Replies.nameUnchanged(name);
    }
    boolean ownAccount = session.account && Names.key(name).equals(Names.key(session.name));
    if (accounts.isProtected(name) && !ownAccount) {
      return Replies.nameProtected(name);
    }
    Session holder = named(name);
    if (holder != null && holder != session) { // a change of case only is a rename to oneself
      return Replies.nameTaken(name);
    }
    return null;
  }

  /** Registers {@code session} under a free name, or renames it. */
  void take(Session session, String name) {
    if (session.name == null) {
      register(session, name);
    } else {
      rename(session, name);
    }
  }

  void rename(Session session, String name) {
    String old = session.name;
    byName.remove(Names.key(old));
    session.name = name;
    byName.put(Names.key(name), session);
    session.account = session.account && Names.key(old).equals(Names.key(name));
    log.accept(session.peer.address() + " " + old + " is now " + name);
    delivery.toEveryone(registered, new Nick(delivery.stamp(), old, name));
  }

  /** To every registered user, and into history. */
  void toEveryone(String from, String text) {
    Msg message = new Msg(delivery.stamp(), from, Names.EVERYONE, text);
    delivery.toEveryone(registered, message);
    history.record(message);
  }

  void toUser(Session sender, String name, String text) {
    Session receiver = named(name);
    if (receiver == null) {
      Msg message = new Msg(delivery.stamp(), sender.name, name, text);
      List<ServerMessage> kept = accounts.sendOffline(message); // an account may keep it
      delivery.send(sender, kept.isEmpty() ? List.of(Replies.noSuchUser(name)) : kept);
      return;
    }
    byte[] line = Delivery.encode(new Msg(delivery.stamp(), sender.name, receiver.name, text));
    delivery.deliver(receiver, line);
    if (receiver != sender) { // a note to oneself arrives once
      delivery.deliver(sender, line);
    }
  }

  /** Sends {@code why}, takes the session out of the chat, and closes it once that is sent. */
  void expel(Session session, ServerMessage why, String reason) {
    delivery.send(session, why);
    remove(session, reason);
    delivery.flush(); // a closing queue takes no more lines: the goodbye must be in it
    session.peer.closeAfterSending();
  }

  /** Leaving the server leaves every room too: one {@code LEAVE <ts> <name> * <reason>}. */
  void remove(Session session, String reason) {
    sessions.remove(session.peer);
    if (session.name == null) {
      return; // never registered: nobody knew it was there
    }
    byName.remove(Names.key(session.name));
    registered = List.copyOf(byName.values());
    rooms.leaveAll(session);
    log.accept(session.peer.address() + " " + session.name + " left (" + reason + ")");
    delivery.toEveryone(
        registered, new Leave(delivery.stamp(), session.name, Names.EVERYONE, reason));
  }

  /** Queues the lines of this turn, then drops the clients whose queue overflowed. */
  void flushAndDropOverflowed() {
    delivery.flush();
    Session session = delivery.takeOverflowed();
    while (session != null) {
      if (sessions.containsKey(session.peer)) { // not gone already
        log.accept(session.peer.address() + " dropped: it stopped reading (queue full)");
        session.peer.abort();
        remove(session, "dropped"); // may overflow more queues: the loop goes on
        delivery.flush();
      }
      session = delivery.takeOverflowed();
    }
  }

  /** Everyone gets {@code INFO} and {@code BYE}, then each connection closes, and is forgotten. */
  void sayGoodbye() {
    delivery.toAll(sessions.values(), Replies.shuttingDown(), null);
    delivery.toAll(sessions.values(), new Bye(), null);
    delivery.flush(); // a closing queue takes no more lines: the goodbye must be in it
    sessions.keySet().forEach(Peer::closeAfterSending);
    sessions.clear();
    byName.clear();
    registered = List.of();
  }

  /** WELCOME, JOIN to the others, then history. */
  private void register(Session session, String name) {
    session.name = name;
    byName.put(Names.key(name), session);
    registered = List.copyOf(byName.values());
    log.accept(session.peer.address() + " registered as " + name);
    delivery.send(session, new Welcome(name));
    delivery.toAll(registered, new Join(delivery.stamp(), name, Names.EVERYONE), session);
    delivery.send(session, history.recent(Names.EVERYONE));
  }
}
