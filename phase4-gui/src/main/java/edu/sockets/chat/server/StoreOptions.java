package edu.sockets.chat.server;

import java.nio.file.Path;

/**
 * How the server keeps accounts, queued messages and history.
 *
 * @param dataDir the data folder holding {@code chat.db}; null keeps everything in memory only
 *     (demos, tests), gone when the server stops
 * @param history how many public messages, and how many of each room, an arrival gets (0: none)
 * @param hashIterations PBKDF2 iterations for new passwords (tests use few, to stay fast)
 * @param throttle when failed sign-ins are slowed down and refused
 */
public record StoreOptions(
    Path dataDir, int history, int hashIterations, LoginThrottle.Policy throttle) {

  public static final int DEFAULT_HISTORY = 20;
  public static final int MAX_HISTORY = ChatStore.HISTORY_KEPT;

  public StoreOptions {
    if (history < 0 || history > MAX_HISTORY) {
      throw new IllegalArgumentException(
          "history must be 0 to " + MAX_HISTORY + ", not " + history);
    }
    if (hashIterations < 1) {
      throw new IllegalArgumentException("hashIterations must be positive, not " + hashIterations);
    }
  }

  /** In memory, with the defaults. */
  public static StoreOptions inMemory() {
    return new StoreOptions(
        null, DEFAULT_HISTORY, PasswordHasher.RECOMMENDED_ITERATIONS, LoginThrottle.Policy.DEFAULT);
  }

  /** In {@code dataDir}, with {@code history} lines and {@code hashIterations}. */
  public static StoreOptions in(Path dataDir, int history, int hashIterations) {
    return new StoreOptions(dataDir, history, hashIterations, LoginThrottle.Policy.DEFAULT);
  }

  /** The same, with {@code lines} of history. */
  public StoreOptions withHistory(int lines) {
    return new StoreOptions(dataDir, lines, hashIterations, throttle);
  }

  /** The same, with another throttle policy (tests lock out after fewer, shorter waits). */
  public StoreOptions withThrottle(LoginThrottle.Policy policy) {
    return new StoreOptions(dataDir, history, hashIterations, policy);
  }

  /** The default number of PBKDF2 iterations: OWASP's recommendation. */
  public static int recommendedIterations() {
    return PasswordHasher.RECOMMENDED_ITERATIONS;
  }
}
