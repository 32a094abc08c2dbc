package edu.sockets.chat.limits;

import java.time.Duration;

/**
 * What the server puts up with from one connection, and how many it takes: the options of {@code
 * server} that defend it against dead, flooding, slow and greedy clients. A zero turns that defence
 * off.
 *
 * @param pingInterval quiet time after which a heartbeat client gets {@code PING}
 * @param pingTimeout how long it then has to send any line
 * @param rateLimit lines per second a connection may send in the long run
 * @param burst lines a connection may send at once before the rate applies; also how many refused
 *     lines (forgiven at a tenth of the rate) end the connection
 * @param maxClients connections in total
 * @param maxPerAddress connections from one IP address
 * @param limitLoopback whether {@code maxPerAddress} applies to this machine's own connections
 * @param lineTimeout how long a line may take from its first byte to its LF
 * @param registerTimeout how long a connection may stay without a name
 */
public record Limits(
    Duration pingInterval,
    Duration pingTimeout,
    double rateLimit,
    int burst,
    int maxClients,
    int maxPerAddress,
    boolean limitLoopback,
    Duration lineTimeout,
    Duration registerTimeout) {

  /**
   * The defaults, chosen so that part 1's load benchmarks pass against a default server: the 100 x
   * 100 blast sends 101 lines per connection at once (under the burst of 200), the steady runs 10
   * lines a second (under 50), and the 1,000 users come from loopback, which the per-address cap
   * leaves alone unless told otherwise.
   */
  public static final Limits DEFAULTS =
      new Limits(
          Duration.ofSeconds(30),
          Duration.ofSeconds(15),
          50,
          200,
          10_000,
          20,
          false,
          Duration.ofSeconds(10),
          Duration.ofSeconds(60));

  /** No limit at all: the server of parts 1 and 2. */
  public static final Limits NONE =
      new Limits(Duration.ZERO, Duration.ZERO, 0, 0, 0, 0, false, Duration.ZERO, Duration.ZERO);

  public Limits {
    requireNotNegative("pingInterval", pingInterval);
    requireNotNegative("pingTimeout", pingTimeout);
    requireNotNegative("lineTimeout", lineTimeout);
    requireNotNegative("registerTimeout", registerTimeout);
    if (!(rateLimit >= 0) || burst < 0 || maxClients < 0 || maxPerAddress < 0) {
      throw new IllegalArgumentException(
          "limits must be 0 or more: rate %s, burst %d, max %d, per address %d"
              .formatted(rateLimit, burst, maxClients, maxPerAddress));
    }
    if (rateLimit > 0 && burst < 1) {
      throw new IllegalArgumentException("a rate limit needs a burst of 1 or more, not " + burst);
    }
    if (!pingInterval.isZero() && pingTimeout.isZero()) {
      throw new IllegalArgumentException("heartbeats need a ping timeout above 0");
    }
  }

  private static void requireNotNegative(String name, Duration value) {
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must be 0 or more, not " + value);
    }
  }
}
