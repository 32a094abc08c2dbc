package edu.sockets.chat.load;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one run's threads share: the clock the senders keep, the counts the readers add to, and the
 * first failure any of them meets. The users report here; the generator waits here.
 */
final class LoadRun {

  final LoadSettings settings;

  /** Messages each user must receive: every user's, its own included. */
  final long expectedEach;

  private final LongAdder delivered = new LongAdder();
  private final CountDownLatch registered; // one count per user not yet welcomed
  private final CountDownLatch done; // one count per user still missing messages
  private volatile boolean stopping;
  private volatile long start;
  private volatile long lastDelivery;
  private volatile String failure;

  LoadRun(LoadSettings settings) {
    this.settings = settings;
    this.expectedEach = (long) settings.clients() * settings.messages();
    this.registered = new CountDownLatch(settings.clients());
    this.done = new CountDownLatch(settings.clients());
  }

  /** The {@link System#nanoTime()} when sending started; messages carry their time since. */
  long start() {
    return start;
  }

  void startClock() {
    start = System.nanoTime();
    lastDelivery = start;
  }

  boolean stopping() {
    return stopping;
  }

  /** From now on the readers and senders stop, and a lost connection is no failure. */
  void stop() {
    stopping = true;
  }

  void welcomed() {
    registered.countDown();
  }

  /** A user's inbox went from {@code before} to {@code after} messages, read at {@code now}. */
  void delivered(long before, long after, long now) {
    delivered.add(after - before);
    lastDelivery = now; // once per read: a shared variable written per line is slow
    if (before < expectedEach && after >= expectedEach) {
      done.countDown();
    }
  }

  long delivered() {
    return delivered.sum();
  }

  long lastDelivery() {
    return lastDelivery;
  }

  /** Ends the run with this message (the last one reported wins). */
  void fail(String why) {
    failure = why;
  }

  void throwIfFailed() {
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }

  /** Waits until every user is welcomed; gives up after three idle timeouts, or on a failure. */
  void awaitRegistered() throws InterruptedException {
    long deadline = System.nanoTime() + settings.idleTimeout().toNanos() * 3;
    while (!registered.await(50, TimeUnit.MILLISECONDS)) {
      throwIfFailed();
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "gave up registering: " + registered.getCount() + " users still waiting");
      }
    }
  }

  /** Waits until every user has everything, or nothing has arrived for the idle timeout. */
  void awaitDeliveries() throws InterruptedException {
    double rate = settings.rate();
    long sending = rate > 0 ? (long) (settings.messages() / rate * 1e9) : 0;
    while (!done.await(50, TimeUnit.MILLISECONDS) && failure == null) {
      long quiet = System.nanoTime() - Math.max(lastDelivery, start + sending);
      if (quiet > settings.idleTimeout().toNanos()) {
        return; // what has not arrived by now is lost
      }
    }
  }
}
