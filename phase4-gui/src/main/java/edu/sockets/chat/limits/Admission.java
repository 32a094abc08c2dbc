package edu.sockets.chat.limits;

import edu.sockets.chat.protocol.Replies;
import edu.sockets.chat.protocol.ServerMessage.Err;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection caps: how many connections the server holds in total, and from one IP address. The
 * accept loop asks {@link #admit} for each new connection; the connection's end calls {@link
 * #release}. Connections from this machine (loopback) are not capped per address unless the limits
 * say so: whoever can connect from here can also stop the server, so a cap protects nothing, and
 * the load generator opens a thousand connections from here.
 */
final class Admission {

  private final Limits limits;
  private final AtomicInteger total = new AtomicInteger();
  private final Map<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();

  Admission(Limits limits) {
    this.limits = limits;
  }

  /**
   * Counts a new connection from {@code address} and returns null, or returns the {@code ERR
   * SERVER_FULL} that says why it is refused (and counts nothing). Called by the accept loop only,
   * so two admissions never race.
   */
  Err admit(InetAddress address) {
    int max = limits.maxClients();
    if (max > 0 && total.get() >= max) {
      return Replies.serverFull(max);
    }
    int perAddressMax = limits.maxPerAddress();
    boolean capped = perAddressMax > 0 && (limits.limitLoopback() || !address.isLoopbackAddress());
    if (capped && perAddress.getOrDefault(address, 0) >= perAddressMax) {
      return Replies.tooManyFrom(address.getHostAddress(), perAddressMax);
    }
    total.incrementAndGet();
    perAddress.merge(address, 1, Integer::sum);
    return null;
  }

  /** A connection that {@link #admit} counted has ended. */
  void release(InetAddress address) {
    total.decrementAndGet();
    // Removing the entry at zero keeps the map as small as the set of addresses connected now.
    perAddress.computeIfPresent(address, (a, count) -> count == 1 ? null : count - 1);
  }

  /** Connections counted now. */
  int connections() {
    return total.get();
  }
}
