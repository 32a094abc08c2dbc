package edu.sockets.chat.limits;

import edu.sockets.chat.protocol.Replies;
import edu.sockets.chat.protocol.ServerMessage.Err;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One thread that looks at every connection a few times a second and acts on the timeouts: sends
 * {@code PING} to a quiet heartbeat client and drops it when no line follows, drops a connection
 * whose line has been arriving for too long (slowloris) or that has not chosen a name in time. One
 * scheduled thread for all rather than a timer per connection: ten thousand connections cost ten
 * thousand cheap checks per tick, not ten thousand timers to create and cancel at every line.
 *
 * <p>{@link #check} decides, from the times in an {@link Activity} and the clock; it is pure, so
 * the tests run it on a fake clock. {@link #tick} applies the decisions.
 */
final class Watchdog implements AutoCloseable {

  /** What to do about one connection now. */
  enum Action {
    NOTHING,
    PING,
    HEARTBEAT_TIMEOUT,
    LINE_TIMEOUT,
    REGISTER_TIMEOUT,
    /** It was told to go a while ago and is still open: close it. */
    CLOSE
  }

  /** How long a connection told to go has to read its ERR and close before we close it. */
  static final Duration CLOSING_TIME = Duration.ofSeconds(2);

  private final Limits limits;
  private final LongSupplier clock;
  private final Consumer<String> log;
  private final Set<ConnectionWatch> watched = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService timer;
  private long pings;

  Watchdog(Limits limits, LongSupplier clock, Consumer<String> log) {
    this.limits = limits;
    this.clock = clock;
    this.log = log;
  }

  /** Starts ticking; the period is a quarter of the shortest timeout, between 10 ms and 1 s. */
  void start() {
    long period = TimeUnit.SECONDS.toNanos(1);
    for (Duration d :
        new Duration[] {
          limits.pingInterval(),
          limits.pingTimeout(),
          limits.lineTimeout(),
          limits.registerTimeout()
        }) {
      if (!d.isZero()) {
        period = Math.min(period, d.toNanos() / 4);
      }
    }
    period = Math.max(period, TimeUnit.MILLISECONDS.toNanos(10));
    timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().daemon().name("watchdog").unstarted(task));
    timer.scheduleAtFixedRate(this::tickSafely, period, period, TimeUnit.NANOSECONDS);
  }

  void watch(ConnectionWatch connection) {
    watched.add(connection);
  }

  void unwatch(ConnectionWatch connection) {
    watched.remove(connection);
  }

  /** Looks at every connection once. */
  void tick() {
    long now = clock.getAsLong();
    for (ConnectionWatch connection : watched) {
      Activity a = connection.activity();
      switch (check(a, now)) {
        case NOTHING -> {}
        case PING -> {
          a.pingSentAt = now;
          connection.ping(Long.toString(++pings, 36));
        }
        case HEARTBEAT_TIMEOUT ->
            timeOut(a, now, connection, Replies.pingTimeout(limits.pingTimeout()));
        case LINE_TIMEOUT -> timeOut(a, now, connection, Replies.lineTimeout(limits.lineTimeout()));
        case REGISTER_TIMEOUT -> {
          if (connection.isRegistered()) {
            a.registered = true; // ask the chat once; after that we know
          } else {
            timeOut(a, now, connection, Replies.registerTimeout(limits.registerTimeout()));
          }
        }
        case CLOSE -> connection.abort();
      }
    }
  }

  /** What to do about the connection {@code a} describes at {@code now}. Pure. */
  Action check(Activity a, long now) {
    if (a.closingSince != Activity.NONE) {
      return now - a.closingSince >= CLOSING_TIME.toNanos() ? Action.CLOSE : Action.NOTHING;
    }
    long lineTimeout = limits.lineTimeout().toNanos();
    long started = a.lineStartedAt;
    // Only while the reader waits for the client: a line held up by a busy server is not late.
    if (lineTimeout > 0 && started != Activity.NONE && a.waitingForBytes) {
      if (now - started >= lineTimeout) {
        return Action.LINE_TIMEOUT;
      }
    }
    long registerTimeout = limits.registerTimeout().toNanos();
    if (registerTimeout > 0 && !a.registered && now - a.connectedAt >= registerTimeout) {
      return Action.REGISTER_TIMEOUT;
    }
    long interval = limits.pingInterval().toNanos();
    if (interval > 0 && a.heartbeat) {
      long lastLine = a.lastLineAt;
      boolean unanswered = a.pingSentAt != Activity.NONE && lastLine - a.pingSentAt < 0;
      if (unanswered) {
        return now - a.pingSentAt >= limits.pingTimeout().toNanos()
            ? Action.HEARTBEAT_TIMEOUT
            : Action.NOTHING;
      }
      if (now - lastLine >= interval) {
        return Action.PING;
      }
    }
    return Action.NOTHING;
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  private void timeOut(Activity a, long now, ConnectionWatch connection, Err why) {
    a.closingSince = now;
    connection.timeOut(why);
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: log it and keep watching.
      log.accept("watchdog: " + e);
    }
  }
}
