package edu.sockets.broadcast.load;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What a load run saw. Bad lines are corrupted ones and ones that should not have come (a sender's
 * own line). Latencies in microseconds.
 */
public record LoadResult(
    long expected,
    long received,
    long bad,
    long outOfOrder,
    int cutOff,
    long elapsedNanos,
    long p50Micros,
    long p99Micros,
    long maxMicros) {

  public long lost() {
    return expected - received;
  }

  /** Adds up what the receivers saw; {@code origin} is when sending started. */
  static LoadResult sum(long expected, List<Receiver> receivers, long origin) {
    long received = 0;
    long bad = 0;
    long outOfOrder = 0;
    int cutOff = 0;
    long last = origin;
    Histogram latency = new Histogram();
    for (Receiver receiver : receivers) {
      received += receiver.received;
      bad += receiver.bad;
      outOfOrder += receiver.outOfOrder;
      cutOff += receiver.cutOff ? 1 : 0;
      last = Math.max(last, receiver.lastDelivery);
      latency.add(receiver.latency);
    }
    return new LoadResult(
        expected,
        received,
        bad,
        outOfOrder,
        cutOff,
        last - origin,
        latency.percentile(50),
        latency.percentile(99),
        latency.max());
  }

  public boolean ok() {
    return received == expected && bad == 0 && outOfOrder == 0 && cutOff == 0;
  }

  public double deliveriesPerSecond() {
    return elapsedNanos == 0 ? 0 : received * 1e9 / elapsedNanos;
  }

  /** Prints this result the way the report quotes it. */
  public void print(Consumer<String> out) {
    out.accept(format("Deliveries expected: %,d", expected()));
    out.accept(format("Deliveries received: %,d", received()));
    out.accept(
        format("Lost: %,d (%.3f%%)", lost(), expected() == 0 ? 0.0 : 100.0 * lost() / expected()));
    if (cutOff() > 0) {
      out.accept(format("Clients the server disconnected before the end: %,d", cutOff()));
    }
    out.accept(
        format(
            "Bad lines (corrupted, or the sender's own): %,d; out of order: %,d",
            bad(), outOfOrder()));
    out.accept(
        format(
            "Time: %.3f s (first send to last delivery), %,.0f deliveries/s",
            elapsedNanos() / 1e9, deliveriesPerSecond()));
    out.accept(
        format(
            "Latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms",
            p50Micros() / 1e3, p99Micros() / 1e3, maxMicros() / 1e3));
  }

  /** Numbers the same way everywhere (990,000 and 0.5), whatever the machine's language. */
  static String format(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
