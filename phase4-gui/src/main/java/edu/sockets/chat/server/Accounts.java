package edu.sockets.chat.server;

import edu.sockets.chat.protocol.ErrorCode;
import edu.sockets.chat.protocol.Names;
import edu.sockets.chat.protocol.ServerMessage.Err;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Creating accounts and checking passwords: the slow part of signing in, done on the calling
 * connection's own thread and never with the chat's lock held, so that a storm of sign-ins slows
 * down only the sign-ins. At most one hash per processor runs at a time.
 */
final class Accounts {

  /** How long a sign-in waits for its turn to hash before it is refused as "busy". */
  private static final Duration HASH_QUEUE_WAIT = Duration.ofSeconds(10);

  /** What a sign-in comes to: the account's name as spelled at registration, or an error. */
  sealed interface Outcome {}

  record SignedIn(String name) implements Outcome {}

  record Refused(Err error) implements Outcome {}

  private final ChatStore store;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final Clock clock;
  private final Consumer<String> log;
  private final Semaphore hashing = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

  /** Accounts that exist (committed), key to spelling; and with them those being created. */
  private final Map<String, String> existing = new ConcurrentHashMap<>();

  private final Set<String> taken = ConcurrentHashMap.newKeySet();

  Accounts(
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

  /** The account's name as spelled at registration, or null if there is no such account. */
  String spelling(String name) {
    return existing.get(Names.key(name));
  }

  /** True if the name is an account's, or one being created: no guest may take it. */
  boolean isProtected(String name) {
    return taken.contains(Names.key(name));
  }

  int count() {
    return existing.size();
  }

  /**
   * Holds the name for an account about to be created, so no guest takes it while the password is
   * hashed; false if it is an account's already. Called with the chat's lock held.
   */
  boolean reserve(String name) {
    return taken.add(Names.key(name));
  }

  /** Creates the account reserved by {@link #reserve}. Slow: hashes the password. */
  Outcome create(String name, String password, String address) {
    boolean created = false;
    try {
      PasswordHasher.Hash hash;
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
        return new Refused(Err.of(ErrorCode.NAME_TAKEN, name + " is taken; choose another name"));
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
  Outcome login(String name, String password, String address) {
    String key = Names.key(name);
    String from = host(address);
    Duration locked = throttle.lockedFor(key, from);
    if (!locked.isZero()) {
      return locked(locked);
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
      return new Refused(Err.of(ErrorCode.AUTH_FAILED, "wrong name or password"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return busy();
    }
  }

  private static Refused locked(Duration remaining) {
    long seconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
    return new Refused(
        Err.of(
            ErrorCode.AUTH_LOCKED,
            "too many failed sign-ins; try again in " + seconds + " seconds"));
  }

  private static Refused busy() {
    return new Refused(
        Err.of(ErrorCode.AUTH_LOCKED, "too many sign-ins at once; try again in a few seconds"));
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
