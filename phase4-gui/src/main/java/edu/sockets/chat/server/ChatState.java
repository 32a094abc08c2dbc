package edu.sockets.chat.server;

import edu.sockets.chat.protocol.Command;
import edu.sockets.chat.protocol.ControlCharacters;
import edu.sockets.chat.protocol.Names;
import edu.sockets.chat.protocol.Replies;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Bye;
import edu.sockets.chat.protocol.ServerMessage.Err;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The chat's rules: who is connected, under which name, in which rooms, and who gets each line. It
 * talks to {@link Peer}s, not sockets, so every rule is tested without a network.
 *
 * <p>Every reader thread calls in here, and one lock guards all of the state: an event changes
 * several maps at once (a rename, the name index and every room), and holding the lock while lines
 * are queued gives every event one place in one order, the same for every receiver. It is held for
 * microseconds, as queueing never waits ({@link Peer#send}).
 */
public final class ChatState {

  /** A registered user, as the admin console lists it. */
  public record UserView(String name, String address, List<String> rooms, Instant since) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Clock clock;
  private final Consumer<String> log;

  // All guarded by lock.
  private final Delivery delivery;
  private final Rooms rooms;
  private final Users users;
  private final SignIns signIns;
  private boolean shutDown;

  /** The chat of chapter 4a: no accounts, no history. */
  public ChatState(Clock clock, Consumer<String> log) {
    this(clock, log, Accounts.NONE, MessageHistory.NONE);
  }

  public ChatState(Clock clock, Consumer<String> log, Accounts accounts, MessageHistory history) {
    this.clock = clock;
    this.log = log;
    this.delivery = new Delivery(clock);
    this.rooms = new Rooms(delivery, history);
    this.users = new Users(delivery, rooms, accounts, history, log);
    this.signIns = new SignIns(this, users, delivery, accounts, log);
  }

  /** A connection opened: it gets the banner, and may register. */
  public void connect(Peer peer) {
    locked(() -> {
      Session session = users.open(peer, clock.instant());
      if (shutDown) {
        users.sayGoodbye(); // too late: it hears what the others heard
      } else {
        delivery.send(session, Replies.banner());
      }
    });
  }

  /** A line arrived from {@code peer}. Lines from a connection that is closing are ignored. */
  public void receive(Peer peer, String line) {
    receive(peer, List.of(line));
  }

  /**
   * Lines that arrived together from {@code peer}, handled in order in one turn of the lock, so
   * each receiver gets them in one piece. A sign-in is handled on its own, outside the lock.
   */
  public void receive(Peer peer, List<String> lines) {
    List<Command> commands = new ArrayList<>(lines.size());
    for (String line : lines) {
      Command command = Command.parse(line);
      if (command instanceof Command.Register || command instanceof Command.Login) {
        handleAll(peer, commands); // the lines before it first
        commands.clear();
        signIns.signIn(peer, command); // chapter 4c: the password is hashed outside the lock
      } else {
        commands.add(command);
      }
    }
    handleAll(peer, commands);
  }

  /** The connection ended without {@code /exit} (end of stream, reset, error). */
  public void disconnect(Peer peer) {
    withSession(peer, session -> users.remove(session, "disconnected"));
  }

  /** Sends one line to a connection, registered or not, unless it is closing. */
  public void tell(Peer peer, ServerMessage message) {
    withSession(peer, session -> delivery.send(session, message));
  }

  /** Sends {@code why}, then closes; the others get {@code LEAVE <ts> <name> * <reason>}. */
  public void expel(Peer peer, Err why, String reason) {
    withSession(peer, session -> users.expel(session, why, reason));
  }

  /** Whether the connection has chosen a name. */
  public boolean registered(Peer peer) {
    return locked(() -> {
      Session session = users.session(peer);
      return session != null && session.name != null;
    });
  }

  // ---- the administrator's commands ----

  public List<UserView> list() {
    return locked(users::list);
  }

  /** Sends {@code ERR KICKED <reason>} to the user and disconnects it; false if nobody has it. */
  public boolean kick(String name, String reason) {
    return locked(() -> {
      Session session = users.named(name);
      if (session != null) {
        log.accept(session.peer.address() + " " + session.name + " kicked: " + reason);
        users.expel(session, Replies.kicked(reason), "kicked");
      }
      return session != null;
    });
  }

  /** Renames a user as if it had sent {@code /name}; returns why not, or null when done. */
  public String rename(String oldName, String newName) {
    return locked(() -> {
      Session session = users.named(oldName);
      if (session == null) {
        return Replies.noSuchUser(oldName).text();
      }
      Err refused = users.nameRefusal(session, newName);
      if (refused != null) {
        return refused.text();
      }
      users.rename(session, newName);
      return null;
    });
  }

  /** A message from {@code server} to everyone. */
  public void say(String text) {
    locked(() -> users.toEveryone(Names.SERVER, ControlCharacters.strip(text)));
  }

  /** Everyone gets {@code INFO} and {@code BYE}, then each connection closes. */
  public void shutdown() {
    locked(() -> {
      shutDown = true;
      users.sayGoodbye();
      rooms.clear();
    });
  }

  private void handleAll(Peer peer, List<Command> commands) {
    if (!commands.isEmpty()) {
      withSession(
          peer,
          session -> {
            for (Command command : commands) {
              if (users.session(peer) != session) {
                return; // it has left (/exit, kicked): the lines after that are ignored
              }
              handle(session, command);
            }
          });
    }
  }

  private void handle(Session session, Command command) {
    if (session.name == null && !command.isAllowedBeforeRegistering()) {
      delivery.send(session, Replies.notRegistered());
      return;
    }
    switch (command) {
      case Command.SetName c -> users.setName(session, c.name());
      case Command.Say c -> users.toEveryone(session.name, c.text());
      case Command.Send c when c.to().startsWith("#") -> rooms.say(session, c.to(), c.text());
      case Command.Send c -> users.toUser(session, c.to(), c.text());
      case Command.Who c when c.room() != null -> rooms.who(session, c.room());
      case Command.Who c -> users.who(session);
      case Command.Join c -> rooms.join(session, c.room());
      case Command.Leave c -> rooms.leave(session, c.room());
      case Command.ListRooms c -> rooms.list(session);
      case Command.Help c -> delivery.send(session, Replies.help());
      case Command.Exit c -> users.expel(session, new Bye(), "quit");
      case Command.Blank c -> {} // nothing to say, nothing to answer
      case Command.Pong c -> session.peer.pong(); // any line is a sign of life; no answer
      case Command.Invalid c -> delivery.send(session, Err.of(c.code(), c.text()));
      case Command.Register c -> throw new IllegalStateException("signIn handles " + c);
      case Command.Login c -> throw new IllegalStateException("signIn handles " + c);
    }
  }

  /** Runs {@code action} with the lock held, unless the connection is leaving. */
  void withSession(Peer peer, Consumer<Session> action) {
    locked(() -> {
      Session session = users.session(peer);
      if (session != null) {
        action.accept(session);
      }
    });
  }

  private void locked(Runnable action) {
    locked(() -> {
      action.run();
      return null;
    });
  }

  <T> T locked(Supplier<T> action) {
    lock.lock();
    try {
      T result = action.get();
      users.flushAndDropOverflowed();
      return result;
    } finally {
      lock.unlock();
    }
  }
}
