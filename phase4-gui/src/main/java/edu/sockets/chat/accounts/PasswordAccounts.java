package edu.sockets.chat.accounts;

import edu.sockets.chat.protocol.Command;
import edu.sockets.chat.protocol.Names;
import edu.sockets.chat.protocol.Replies;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Msg;
import edu.sockets.chat.protocol.ServerMessage.Offline;
import edu.sockets.chat.protocol.ServerMessage.Queued;
import edu.sockets.chat.server.Accounts;
import edu.sockets.chat.store.ChatStore;
import edu.sockets.chat.store.PasswordHash;
import edu.sockets.chat.store.StoreException;
import edu.sockets.chat.store.Stored;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Accounts with passwords, kept in the {@link ChatStore}: protected names, creating accounts and
 * checking passwords, and the private messages that wait for an account while it is offline.
 *
 * <p>Hashing a password is the slow part of signing in: it runs on the calling connection's own
 * thread and never with the chat's lock held, so that a storm of sign-ins slows down only the
 * sign-ins. At most one hash per processor runs at a time.
 */
public final class PasswordAccounts implements Accounts {

  /** How long a sign-in waits for its turn to hash before it is refused as "busy". */
  private static final Duration HASH_QUEUE_WAIT = Duration.ofSeconds(10);

  private final ChatStore store;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final Clock clock;
  private final Consumer<String> log;
  private final Semaphore hashing = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

  /** Accounts that exist (committed), key to spelling; and with them those being created. */
  private final Map<String, String> existing = new ConcurrentHashMap<>();

  private final Set<String> taken = ConcurrentHashMap.newKeySet();

  /**
   * @param iterations PBKDF2 iterations for new passwords (tests use few, to stay fast)
   * @param policy when failed sign-ins are slowed down and refused
   */
  public PasswordAccounts(
      ChatStore store,
      int iterations,
      LoginThrottle.Policy policy,
      Clock clock,
      Consumer<String> log) {
    this.store = store;
    this.hasher = new PasswordHasher(iterations);
    this.throttle = new LoginThrottle(policy, clock);
    this.clock = clock;
    this.log = log;
    store.accountNames().forEach(name -> existing.put(Names.key(name), name));
    taken.addAll(existing.keySet());
  }

  /** How many accounts exist, for the server's first lines. */
  public int count() {
    return existing.size();
  }

  @Override
  public boolean isProtected(String name) {
    return taken.contains(Names.key(name));
  }

  @Override
  public boolean reserve(String name) {
    return taken.add(Names.key(name));
  }

  @Override
  public Outcome signIn(Command command, String address) {
    return switch (command) {
      case Command.Register c -> create(c.name(), c.password(), address);
      case Command.Login c -> login(c.name(), c.password(), address);
      default -> throw new IllegalArgumentException("not a sign-in: " + command);
    };
  }

  /**
   * Stores the message for the account, committed to disk before the sender hears it was sent. The
   * store's commit does not wait for the disk (WAL, synchronous NORMAL), so holding the chat's lock
   * for it costs microseconds, not a disk's latency.
   */
  @Override
  public List<ServerMessage> sendOffline(Msg message) {
    String account = existing.get(Names.key(message.to()));
    if (account == null) {
      return List.of(); // a guest's name: nobody keeps it, and the chat says so
    }
    try {
      if (!store.queue(new Stored(message.ts(), message.from(), account, message.text()))) {
        return List.of(Replies.queueFull(account, ChatStore.QUEUE_LIMIT));
      }
    } catch (StoreException e) {
      log.accept(e.getMessage());
      return List.of(Replies.notStored());
    }
    return List.of(
        new Msg(message.ts(), message.from(), account, message.text()),
        new Queued(message.ts(), account));
  }

  @Override
  public List<Offline> takeWaiting(String name) {
    try {
      return store.takeQueued(Names.key(name)).stream()
          .map(m -> new Offline(m.ts(), m.from(), m.to(), m.text()))
          .toList();
    } catch (StoreException e) {
      log.accept(e.getMessage()); // they stay stored; the next sign-in tries again
      return List.of();
    }
  }

  /** Creates the account reserved by {@link #reserve}. Slow: hashes the password. */
  private Outcome create(String name, String password, String address) {
    boolean created = false;
    try {
      PasswordHash hash;
      if (!hashing.tryAcquire(HASH_QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        return busy();
      }
      long started = System.nanoTime();
      try {
        hash = hasher.hash(password);
      } finally {
        hashing.release();
      }
      created = store.createAccount(name, hash, clock.instant());
      if (!created) {
        return new Refused(Replies.nameTaken(name));
      }
      existing.put(Names.key(name), name);
      log.accept(address + " created the account " + name + " (" + millis(started) + ")");
      return new SignedIn(name);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return busy();
    } finally {
      if (!created && !existing.containsKey(Names.key(name))) {
        taken.remove(Names.key(name));
      }
    }
  }

  /**
   * Checks a password. Wrong password and unknown name get the same answer after the same work and
   * the same delay, so neither the text nor the time tells whether the account exists.
   */
  private Outcome login(String name, String password, String address) {
    String key = Names.key(name);
    String from = host(address);
    Duration locked = throttle.lockedFor(key, from);
    if (!locked.isZero()) {
      return new Refused(Replies.authLocked(locked));
    }
    ChatStore.Account account = store.account(key);
    boolean right;
    long started;
    try {
      if (!hashing.tryAcquire(HASH_QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        return busy();
      }
      started = System.nanoTime();
      try {
        right = hasher.verify(password, account == null ? null : account.hash());
      } finally {
        hashing.release();
      }
      if (right) {
        throttle.succeeded(key);
        log.accept(address + " signed in to " + account.name() + " (" + millis(started) + ")");
        return new SignedIn(account.name());
      }
      Duration delay = throttle.failed(key, from);
      log.accept(address + " failed to sign in as " + name + " (" + millis(started) + ")");
      // The wait is on this connection's own thread: it slows this guesser, nobody else.
      Thread.sleep(delay.toMillis());
      return new Refused(Replies.authFailed());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return busy();
    }
  }

  private static Refused busy() {
    return new Refused(Replies.tooManySignIns());
  }

  /** The address without its port: one machine, whatever port it comes from. */
  static String host(String address) {
    int colon = address.lastIndexOf(':');
    return colon < 0 ? address : address.substring(0, colon);
  }

  private static String millis(long started) {
    return "password hashed in " + (System.nanoTime() - started) / 1_000_000 + " ms";
  }
}
