package edu.sockets.chat.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts failed sign-ins per account name and per address, so that guessing passwords gets slow,
 * then impossible for a while. Pure bookkeeping with a clock (a fake one in tests); the caller does
 * the waiting and the answering.
 *
 * <p>Per name, so that an attacker with many addresses cannot try many passwords on one account;
 * per address, so that one machine cannot try one password on many accounts.
 */
public final class LoginThrottle {

  /**
   * @param nameFailures failures for one name before it is locked
   * @param addressFailures failures from one address before it is locked
   * @param lockFor how long a lock lasts
   * @param forgetAfter failures older than this no longer count
   * @param firstDelay the wait before answering the first failure; it doubles with each failure
   * @param maxDelay the longest such wait
   */
  public record Policy(
      int nameFailures,
      int addressFailures,
      Duration lockFor,
      Duration forgetAfter,
      Duration firstDelay,
      Duration maxDelay) {

    public static final Policy DEFAULT =
        new Policy(
            5,
            20,
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            Duration.ofMillis(250),
            Duration.ofSeconds(2));
  }

  /** Above this many entries, a failure first forgets the stale ones: memory stays bounded. */
  private static final int PRUNE_ABOVE = 10_000;

  private static final class Entry {
    int failures;
    Instant lastFailure = Instant.EPOCH;
    Instant lockedUntil = Instant.EPOCH;
  }

  private final Policy policy;
  private final Clock clock;
  private final Map<String, Entry> entries = new HashMap<>(); // guarded by this

  /**
   * The size at which the next pruning happens: twice what is left after one, so that a flood of
   * live entries costs one scan per doubling rather than one per failure.
   */
  private int pruneAt = PRUNE_ABOVE;

  LoginThrottle(Policy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /** How long sign-ins for {@code nameKey} or from {@code address} stay refused; zero if not. */
  synchronized Duration lockedFor(String nameKey, String address) {
    Instant now = clock.instant();
    Duration name = remaining(entries.get(nameEntry(nameKey)), now);
    Duration from = remaining(entries.get(addressEntry(address)), now);
    return name.compareTo(from) >= 0 ? name : from;
  }

  /** Counts a failure; returns how long to wait before answering it. */
  synchronized Duration failed(String nameKey, String address) {
    Instant now = clock.instant();
    if (entries.size() >= pruneAt) {
      entries.values().removeIf(e -> isStale(e, now));
      pruneAt = Math.max(PRUNE_ABOVE, 2 * entries.size());
    }
    int name = count(nameEntry(nameKey), policy.nameFailures(), now);
    int from = count(addressEntry(address), policy.addressFailures(), now);
    int failures = Math.max(name, from);
    Duration delay = policy.firstDelay().multipliedBy(1L << Math.min(failures - 1, 20));
    return delay.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : delay;
  }

  /** How many names and addresses are tracked, for tests. */
  synchronized int size() {
    return entries.size();
  }

  /** The right password: the name's failures are forgotten (the address's are not). */
  synchronized void succeeded(String nameKey) {
    entries.remove(nameEntry(nameKey));
  }

  private int count(String key, int limit, Instant now) {
    Entry entry = entries.computeIfAbsent(key, k -> new Entry());
    if (isStale(entry, now)) {
      entry.failures = 0;
    }
    entry.failures++;
    entry.lastFailure = now;
    if (entry.failures >= limit) {
      entry.lockedUntil = now.plus(policy.lockFor());
      entry.failures = 0; // after the lock, the count starts again
      return limit;
    }
    return entry.failures;
  }

  private boolean isStale(Entry entry, Instant now) {
    return !entry.lockedUntil.isAfter(now)
        && entry.lastFailure.plus(policy.forgetAfter()).isBefore(now);
  }

  private static Duration remaining(Entry entry, Instant now) {
    return entry == null || !entry.lockedUntil.isAfter(now)
        ? Duration.ZERO
        : Duration.between(now, entry.lockedUntil);
  }

  private static String nameEntry(String nameKey) {
    return "name " + nameKey;
  }

  private static String addressEntry(String address) {
    return "address " + address;
  }
}
