package edu.sockets.chat.server;

import edu.sockets.chat.protocol.Command;
import edu.sockets.chat.protocol.ControlCharacters;
import edu.sockets.chat.protocol.ErrorCode;
import edu.sockets.chat.protocol.Names;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Bye;
import edu.sockets.chat.protocol.ServerMessage.Err;
import edu.sockets.chat.protocol.ServerMessage.History;
import edu.sockets.chat.protocol.ServerMessage.Info;
import edu.sockets.chat.protocol.ServerMessage.Join;
import edu.sockets.chat.protocol.ServerMessage.Leave;
import edu.sockets.chat.protocol.ServerMessage.Msg;
import edu.sockets.chat.protocol.ServerMessage.Nick;
import edu.sockets.chat.protocol.ServerMessage.Offline;
import edu.sockets.chat.protocol.ServerMessage.Queued;
import edu.sockets.chat.protocol.ServerMessage.RoomCount;
import edu.sockets.chat.protocol.ServerMessage.Rooms;
import edu.sockets.chat.protocol.ServerMessage.Users;
import edu.sockets.chat.protocol.ServerMessage.Welcome;
import edu.sockets.chat.server.ChatStore.Stored;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The chat itself: who is connected, under which name, in which rooms, and who gets each line. It
 * knows nothing of sockets (it talks to {@link Peer}s), so every rule is tested without a network.
 *
 * <p>Every reader thread calls in here. One lock guards all of the state: an event touches several
 * maps at once (a rename changes the name index and what every room shows; a leave empties rooms),
 * and they must change together. Holding the lock while lines are queued also gives every event one
 * place in one order, the same for every receiver, with timestamps in that order. The lock is held
 * for microseconds: queueing never waits (see {@link Peer#send}).
 */
public final class ChatState implements AutoCloseable {

  static final String BANNER =
      "Welcome to the chat. Choose a name with /name <name>; /help lists the commands.";

  /** The refusal of a sign-in whose connection has closed: never sent. */
  private static final Err CLOSED = Err.of(ErrorCode.USAGE, "the connection is closed");

  /** A registered user's view for the admin console. */
  public record UserView(String name, String address, List<String> rooms, Instant since) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Clock clock;
  private final Consumer<String> log;
  private final ChatStore store;
  private final Accounts accounts;
  private final HistoryLog history;

  // All guarded by lock.
  private final Map<Peer, Session> sessions = new HashMap<>(); // every open connection
  private final Map<String, Session> users = new HashMap<>(); // registered, by Names.key(name)
  private final Map<String, Room> rooms = new HashMap<>(); // rooms with members, by key
  private final List<Session> overflowed = new ArrayList<>(); // to drop once the event is done
  private Instant lastStamp = Instant.EPOCH;
  private boolean shutDown;

  /** One connection's place in the chat; its name is null until it registers. */
  private static final class Session {
    final Peer peer;
    final Instant since;
    final Set<Room> rooms = new LinkedHashSet<>();
    String name;
    boolean account; // signed in with the password of the account called name

    Session(Peer peer, Instant since) {
      this.peer = peer;
      this.since = since;
    }
  }

  /** A room exists while someone is in it; it keeps the spelling of its first member. */
  private static final class Room {
    final String name;
    final Set<Session> members = new LinkedHashSet<>();

    Room(String name) {
      this.name = name;
    }
  }

  /**
   * @param clock where timestamps come from (a fixed clock in tests)
   * @param log where registrations, renames, kicks and departures are reported
   */
  /** A chat as in protocol version 1: no history; accounts live in memory only. */
  public ChatState(Clock clock, Consumer<String> log) {
    this(clock, log, ChatStore.inMemory(), StoreOptions.inMemory().withHistory(0));
  }

  /**
   * @param store where accounts, queued messages and history are kept; closed by {@link #close()}
   * @param options how much history, how many hash iterations, when sign-ins are throttled
   */
  public ChatState(Clock clock, Consumer<String> log, ChatStore store, StoreOptions options) {
    this.clock = clock;
    this.log = log;
    this.store = store;
    this.accounts = new Accounts(store, options.hashIterations(), options.throttle(), clock, log);
    this.history = new HistoryLog(options.history(), store, log);
  }

  /** How many accounts exist, for the server's first lines. */
  public int accountCount() {
    return accounts.count();
  }

  /** Writes the history still waiting, and closes the store: after {@link #shutdown()}. */
  @Override
  public void close() throws InterruptedException {
    history.close();
    store.close();
  }

  /** A connection opened: it gets the banner, and may register. */
  public void connect(Peer peer) {
    locked(() -> {
      Session session = new Session(peer, clock.instant());
      if (shutDown) {
        send(session, new Info("The server is shutting down."));
        send(session, new Bye());
        peer.closeAfterSending();
        return;
      }
      sessions.put(peer, session);
      send(session, new Info(BANNER));
    });
  }

  /** A line arrived from {@code peer}. Lines from a connection that is closing are ignored. */
  public void receive(Peer peer, String line) {
    Command command = Command.parse(line);
    if (command instanceof Command.Register || command instanceof Command.Login) {
      signIn(peer, command); // takes the lock itself, twice, and hashes in between
      return;
    }
    locked(() -> {
      Session session = sessions.get(peer);
      if (session != null) {
        handle(session, command);
      }
    });
  }

  /** The peer sent a line over the limit; it was discarded. */
  public void lineTooLong(Peer peer, int limit) {
    locked(() -> {
      Session session = sessions.get(peer);
      if (session != null) {
        send(
            session,
            Err.of(
                ErrorCode.LINE_TOO_LONG,
                "lines are at most " + limit + " bytes; that one was discarded"));
      }
    });
  }

  /** The connection ended without {@code /exit} (end of stream, reset, error). */
  public void disconnect(Peer peer) {
    locked(() -> {
      Session session = sessions.get(peer);
      if (session != null) {
        remove(session, "disconnected");
      }
    });
  }

  // ---- accounts ----

  /**
   * {@code /register} or {@code /login}. The password is hashed on the caller's thread (the
   * connection's reader) between two short turns with the lock: first the checks that need the
   * chat's state, then, once the hash is known, the sign-in itself. Meanwhile the chat goes on.
   */
  private void signIn(Peer peer, Command command) {
    boolean creating = command instanceof Command.Register;
    String name;
    String password;
    switch (command) {
      case Command.Register c -> {
        name = c.name();
        password = c.password();
      }
      case Command.Login c -> {
        name = c.name();
        password = c.password();
      }
      default -> throw new IllegalArgumentException("not a sign-in: " + command);
    }
    Err refused =
        locked(() -> {
          Session session = sessions.get(peer);
          if (session == null) {
            return CLOSED; // nobody will read the answer: the last step finds no session
          }
          boolean own = session.name != null && Names.key(name).equals(Names.key(session.name));
          if (creating) {
            Session holder = users.get(Names.key(name));
            if ((holder != null && holder != session) || !accounts.reserve(name)) {
              return Err.of(ErrorCode.NAME_TAKEN, name + " is taken; choose another name");
            }
          } else if (own && session.account) {
            return Err.of(ErrorCode.NAME_UNCHANGED, "you are signed in as " + session.name);
          }
          return null;
        });
    Accounts.Outcome outcome =
        refused != null
            ? new Accounts.Refused(refused)
            : creating
                ? accounts.create(name, password, peer.address())
                : accounts.login(name, password, peer.address());
    locked(() -> {
      Session session = sessions.get(peer);
      if (session == null) {
        return; // the connection ended while its password was being checked
      }
      switch (outcome) {
        case Accounts.Refused r -> send(session, r.error());
        case Accounts.SignedIn s -> signedIn(session, s.name());
      }
    });
  }

  // ---- the connection's guards (heartbeat, flood limit, timeouts) ----

  /** Sends one line to a connection, registered or not, unless it is closing. */
  public void tell(Peer peer, ServerMessage message) {
    locked(() -> {
      Session session = sessions.get(peer);
      if (session != null) {
        send(session, message);
      }
    });
  }

  /** The password was right (or the account is new): the session becomes the account's. */
  private void signedIn(Session session, String name) {
    Session holder = users.get(Names.key(name));
    if (holder == session) { // a guest who just registered the name it had
      session.account = true;
      send(
          session,
          new Info(
              "The name " + name + " is now yours: sign in with /login " + name + " next time."));
      return;
    }
    if (holder != null) {
      // The account is online on another connection (a window left open elsewhere, a connection
      // not yet known to be dead): the newer sign-in wins, as the owner is the one asking.
      send(holder, Err.of(ErrorCode.KICKED, "signed in from another connection"));
      log.accept(
          holder.peer.address() + " " + holder.name + " replaced by " + session.peer.address());
      remove(holder, "replaced");
      holder.peer.closeAfterSending();
    }
    if (session.name == null) {
      register(session, name);
    } else {
      rename(session, name);
    }
    session.account = true;
    deliverQueued(session);
  }

  /** The private messages that waited for this account, oldest first, as {@code OFFLINE}. */
  private void deliverQueued(Session session) {
    List<Stored> waiting;
    try {
      waiting = store.takeQueued(Names.key(session.name));
    } catch (ChatStore.StoreException e) {
      log.accept(e.getMessage()); // they stay stored; the next sign-in tries again
      return;
    }
    for (Stored m : waiting) {
      send(session, new Offline(m.ts(), m.from(), m.to(), m.text()));
    }
  }

  /**
   * Sends {@code why} to the connection and closes it; the others get {@code LEAVE <ts> <name> *
   * <reason>} if it had registered. False if it was already leaving.
   */
  public boolean expel(Peer peer, Err why, String reason) {
    return locked(() -> {
      Session session = sessions.get(peer);
      if (session == null) {
        return false;
      }
      send(session, why);
      remove(session, reason);
      peer.closeAfterSending();
      return true;
    });
  }

  /** Whether the connection has chosen a name. */
  public boolean registered(Peer peer) {
    return locked(() -> {
      Session session = sessions.get(peer);
      return session != null && session.name != null;
    });
  }

  // ---- the administrator's commands ----

  /** Everyone registered, sorted by name. */
  public List<UserView> list() {
    return locked(() ->
        users.values().stream()
            .map(s ->
                new UserView(
                    s.name, s.peer.address(), s.rooms.stream().map(r -> r.name).toList(), s.since))
            .sorted(Comparator.comparing(UserView::name, Names.READING_ORDER))
            .toList());
  }

  /** Sends {@code ERR KICKED <reason>} to the user and disconnects it; false if nobody has it. */
  public boolean kick(String name, String reason) {
    return locked(() -> {
      Session session = users.get(Names.key(name));
      if (session == null) {
        return false;
      }
      send(session, Err.of(ErrorCode.KICKED, ControlCharacters.strip(reason)));
      log.accept(session.peer.address() + " " + session.name + " kicked: " + reason);
      remove(session, "kicked");
      session.peer.closeAfterSending();
      return true;
    });
  }

  /** Renames a user as if it had sent {@code /name}; returns why not, or null when done. */
  public String rename(String oldName, String newName) {
    return locked(() -> {
      Session session = users.get(Names.key(oldName));
      if (session == null) {
        return "no user is called " + oldName;
      }
      if (!Names.isValidName(newName)) {
        return Names.isReserved(newName) ? newName + " is reserved" : Names.nameRule();
      }
      Err refused = renameRefusal(session, newName);
      if (refused != null) {
        return refused.text();
      }
      rename(session, newName);
      return null;
    });
  }

  /** A message from {@code server} to everyone. */
  public void say(String text) {
    locked(() -> toEveryone(Names.SERVER, clean(text)));
  }

  /** Everyone gets {@code INFO} and {@code BYE}, then each connection closes. */
  public void shutdown() {
    locked(() -> {
      shutDown = true;
      byte[] info = encode(new Info("The server is shutting down."));
      byte[] bye = encode(new Bye());
      for (Session session : sessions.values()) {
        deliver(session, info);
        deliver(session, bye);
        session.peer.closeAfterSending();
      }
      sessions.clear();
      users.clear();
      rooms.clear();
      overflowed.clear(); // closing anyway
    });
  }

  // ---- handling one command ----

  private void handle(Session session, Command command) {
    if (session.name == null && !allowedBeforeRegistering(command)) {
      send(session, Err.of(ErrorCode.NOT_REGISTERED, "choose a name first: /name <name>"));
      return;
    }
    switch (command) {
      case Command.SetName c -> setName(session, c.name());
      case Command.Say c -> toEveryone(session.name, c.text());
      case Command.Send c when c.to().startsWith("#") -> toRoom(session, c.to(), c.text());
      case Command.Send c -> toUser(session, c.to(), c.text());
      case Command.Who c -> who(session, c.room());
      case Command.Join c -> join(session, c.room());
      case Command.Leave c -> leave(session, c.room());
      case Command.ListRooms c -> listRooms(session);
      case Command.Help c -> Command.HELP.forEach(line -> send(session, new Info(line)));
      case Command.Exit c -> {
        remove(session, "quit");
        send(session, new Bye());
        session.peer.closeAfterSending();
      }
      case Command.Blank c -> {} // nothing to say, nothing to answer
      case Command.Register c -> throw new IllegalStateException("signIn handles " + c);
      case Command.Login c -> throw new IllegalStateException("signIn handles " + c);
      case Command.Pong c -> session.peer.pong(); // any line is a sign of life; no answer
      case Command.Invalid c -> send(session, Err.of(c.code(), c.text()));
    }
  }

  private static boolean allowedBeforeRegistering(Command command) {
    return switch (command) {
      case Command.SetName c -> true;
      case Command.Register c -> true;
      case Command.Login c -> true;
      case Command.Help c -> true;
      case Command.Exit c -> true;
      case Command.Blank c -> true;
      case Command.Pong c -> true;
      case Command.Invalid c ->
          switch (c.word()) {
            case "/name", "/register", "/login", "/help", "/exit" -> true;
            default -> false;
          };
      default -> false;
    };
  }

  private void setName(Session session, String name) {
    if (session.name == null) {
      if (accounts.isProtected(name)) {
        send(session, protectedName(name));
        return;
      }
      if (users.containsKey(Names.key(name))) {
        send(session, Err.of(ErrorCode.NAME_TAKEN, name + " is taken; choose another name"));
        return;
      }
      register(session, name);
      return;
    }
    Err refused = renameRefusal(session, name);
    if (refused != null) {
      send(session, refused);
    } else {
      rename(session, name);
    }
  }

  /** Registers a session under a free name: WELCOME, JOIN to the others, then history. */
  private void register(Session session, String name) {
    session.name = name;
    users.put(Names.key(name), session);
    log.accept(session.peer.address() + " registered as " + name);
    send(session, new Welcome(name));
    toUsers(new Join(stamp(), name, Names.EVERYONE), session);
    sendHistory(session, Names.EVERYONE);
  }

  private Err renameRefusal(Session session, String name) {
    if (name.equals(session.name)) {
      return Err.of(ErrorCode.NAME_UNCHANGED, session.name + " is already " + name + "'s name");
    }
    boolean ownAccount = session.account && Names.key(name).equals(Names.key(session.name));
    if (accounts.isProtected(name) && !ownAccount) {
      return protectedName(name);
    }
    Session holder = users.get(Names.key(name));
    if (holder != null && holder != session) { // a change of case only is a rename to oneself
      return Err.of(ErrorCode.NAME_TAKEN, name + " is taken; choose another name");
    }
    return null;
  }

  private void rename(Session session, String name) {
    String old = session.name;
    users.remove(Names.key(old));
    session.name = name;
    users.put(Names.key(name), session);
    session.account = session.account && Names.key(old).equals(Names.key(name));
    log.accept(session.peer.address() + " " + old + " is now " + name);
    toUsers(new Nick(stamp(), old, name), null);
  }

  private void toRoom(Session sender, String roomName, String text) {
    Room room = rooms.get(Names.key(roomName));
    if (room == null) {
      send(sender, noSuchRoom(roomName));
    } else if (!room.members.contains(sender)) {
      send(
          sender,
          Err.of(ErrorCode.NOT_IN_ROOM, "join " + room.name + " first: /join " + room.name));
    } else {
      Msg message = new Msg(stamp(), sender.name, room.name, text);
      byte[] line = encode(message);
      room.members.forEach(member -> deliver(member, line));
      history.record(new Stored(message.ts(), message.from(), room.name, text));
    }
  }

  /** A public message: to every registered user, and into history. */
  private void toEveryone(String from, String text) {
    Msg message = new Msg(stamp(), from, Names.EVERYONE, text);
    toUsers(message, null);
    history.record(new Stored(message.ts(), from, Names.EVERYONE, text));
  }

  private void toUser(Session sender, String name, String text) {
    Session receiver = users.get(Names.key(name));
    if (receiver == null) {
      String account = accounts.spelling(name);
      if (account == null) {
        send(sender, Err.of(ErrorCode.NO_SUCH_USER, "no user is called " + name));
      } else {
        toOffline(sender, account, text);
      }
      return;
    }
    byte[] line = encode(new Msg(stamp(), sender.name, receiver.name, text));
    deliver(receiver, line);
    if (receiver != sender) { // a note to oneself arrives once
      deliver(sender, line);
    }
  }

  /**
   * A private message to an account that is offline: stored, and committed to disk, before the
   * sender hears it was sent. The store's commit does not wait for the disk (WAL, synchronous
   * NORMAL), so holding the chat's lock for it costs microseconds, not a disk's latency.
   */
  private void toOffline(Session sender, String account, String text) {
    Instant ts = stamp();
    boolean stored;
    try {
      stored = store.queue(new Stored(ts, sender.name, account, text));
    } catch (ChatStore.StoreException e) {
      log.accept(e.getMessage());
      send(sender, Err.of(ErrorCode.QUEUE_FULL, "the server could not store it; try again later"));
      return;
    }
    if (!stored) {
      send(
          sender,
          Err.of(
              ErrorCode.QUEUE_FULL,
              account
                  + " has "
                  + ChatStore.QUEUE_LIMIT
                  + " messages waiting already; nothing was stored"));
      return;
    }
    send(sender, new Msg(ts, sender.name, account, text));
    send(sender, new Queued(ts, account));
  }

  private void who(Session session, String roomName) {
    if (roomName == null) {
      send(session, new Users(Names.EVERYONE, sortedNames(users.values())));
      return;
    }
    Room room = rooms.get(Names.key(roomName));
    send(
        session,
        room == null ? noSuchRoom(roomName) : new Users(room.name, sortedNames(room.members)));
  }

  private void join(Session session, String roomName) {
    Room room = rooms.computeIfAbsent(Names.key(roomName), key -> new Room(roomName));
    if (!room.members.add(session)) {
      send(session, Err.of(ErrorCode.ALREADY_IN_ROOM, "you are already in " + room.name));
      return;
    }
    session.rooms.add(room);
    // To every member, the newcomer included: that is the newcomer's confirmation.
    byte[] line = encode(new Join(stamp(), session.name, room.name));
    room.members.forEach(member -> deliver(member, line));
    sendHistory(session, room.name);
  }

  private void leave(Session session, String roomName) {
    Room room = rooms.get(Names.key(roomName));
    if (room == null) {
      send(session, noSuchRoom(roomName));
    } else if (!room.members.contains(session)) {
      send(session, Err.of(ErrorCode.NOT_IN_ROOM, "you are not in " + room.name));
    } else {
      // Sent before leaving, so the one who leaves gets it too, as its confirmation.
      byte[] line = encode(new Leave(stamp(), session.name, room.name, null));
      room.members.forEach(member -> deliver(member, line));
      leaveRoom(session, room);
    }
  }

  private void listRooms(Session session) {
    List<RoomCount> counts =
        rooms.values().stream()
            .map(room -> new RoomCount(room.name, room.members.size()))
            .sorted(Comparator.comparing(RoomCount::room, Names.READING_ORDER))
            .toList();
    send(session, new Rooms(counts));
  }

  /**
   * Takes the session out of the chat. Leaving the server means leaving every room too: the others
   * get one {@code LEAVE <ts> <name> * <reason>} and no LEAVE per room.
   */
  private void remove(Session session, String reason) {
    sessions.remove(session.peer);
    if (session.name == null) {
      return; // never registered: nobody knew it was there
    }
    users.remove(Names.key(session.name));
    for (Room room : List.copyOf(session.rooms)) {
      leaveRoom(session, room);
    }
    log.accept(session.peer.address() + " " + session.name + " left (" + reason + ")");
    toUsers(new Leave(stamp(), session.name, Names.EVERYONE, reason), null);
  }

  private void leaveRoom(Session session, Room room) {
    room.members.remove(session);
    session.rooms.remove(room);
    if (room.members.isEmpty()) {
      rooms.remove(Names.key(room.name));
    }
  }

  // ---- delivery ----

  /** Encodes once and queues the same bytes for every registered user but {@code except}. */
  private void toUsers(ServerMessage message, Session except) {
    // One encoding shared by every receiver: at 100 users this is 100 times less work and memory
    // than formatting the line for each of them.
    byte[] line = encode(message);
    for (Session user : users.values()) {
      if (user != except) {
        deliver(user, line);
      }
    }
  }

  private void send(Session session, ServerMessage message) {
    deliver(session, encode(message));
  }

  private void deliver(Session session, byte[] line) {
    if (!session.peer.send(line)) {
      overflowed.add(session); // dropped after this event, not in the middle of a loop over users
    }
  }

  /** Drops the clients whose queue overflowed during the last event. */
  private void dropOverflowed() {
    while (!overflowed.isEmpty()) {
      Session session = overflowed.removeLast();
      if (sessions.containsKey(session.peer)) {
        log.accept(session.peer.address() + " dropped: it stopped reading (queue full)");
        session.peer.abort();
        remove(session, "dropped"); // may overflow more queues: the loop goes on
      }
    }
  }

  private static byte[] encode(ServerMessage message) {
    return (message.toLine() + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The time of the event now being handled: never earlier than the previous one. */
  private Instant stamp() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (now.isAfter(lastStamp)) {
      lastStamp = now;
    }
    return lastStamp;
  }

  private void sendHistory(Session session, String place) {
    for (Stored line : history.recent(place)) {
      send(session, new History(line.ts(), line.from(), line.to(), line.text()));
    }
  }

  private static Err protectedName(String name) {
    return Err.of(
        ErrorCode.NAME_PROTECTED,
        name + " belongs to an account; sign in with /login " + name + " <password>");
  }

  private static Err noSuchRoom(String room) {
    return Err.of(
        ErrorCode.NO_SUCH_ROOM, "there is no room " + room + "; /join " + room + " creates it");
  }

  private static List<String> sortedNames(Iterable<Session> sessions) {
    List<String> names = new ArrayList<>();
    sessions.forEach(s -> names.add(s.name));
    names.sort(Names.READING_ORDER);
    return names;
  }

  private static String clean(String text) {
    return ControlCharacters.strip(text);
  }

  private void locked(Runnable action) {
    locked(() -> {
      action.run();
      return null;
    });
  }

  private <T> T locked(Supplier<T> action) {
    lock.lock();
    try {
      T result = action.get();
      dropOverflowed();
      return result;
    } finally {
      lock.unlock();
    }
  }
}
