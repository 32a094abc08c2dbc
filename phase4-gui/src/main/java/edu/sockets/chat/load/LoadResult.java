package edu.sockets.chat.load;

import java.util.function.Consumer;

/** What a load run measured. Latencies are in nanoseconds. */
public record LoadResult(
    long expected,
    long received,
    long misordered,
    long corrupted,
    double seconds,
    long p50,
    long p99,
    long max) {

  public long lost() {
    return expected - received;
  }

  public double rate() {
    return seconds > 0 ? received / seconds : 0;
  }

  public boolean ok() {
    return lost() == 0 && misordered == 0 && corrupted == 0;
  }

  /** Prints the result in the three lines the report and {@code bench.sh} read. */
  public void print(Consumer<String> out) {
    out.accept(
        "deliveries: %,d expected, %,d received, %,d lost (%.3f%%); %,d out of order, %,d corrupted"
            .formatted(
                expected, received, lost(), 100.0 * lost() / expected, misordered, corrupted));
    out.accept("time: %.3f s, rate: %,.0f deliveries/s".formatted(seconds, rate()));
    out.accept(
        "latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms"
            .formatted(p50 / 1e6, p99 / 1e6, max / 1e6));
  }
}
