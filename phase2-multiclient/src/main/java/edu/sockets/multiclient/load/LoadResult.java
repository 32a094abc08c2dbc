package edu.sockets.multiclient.load;

import edu.sockets.multiclient.EchoProtocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one run of the load generator saw. Round trips are in nanoseconds, sorted: those of the
 * warm-up rounds apart from those of the measured rounds.
 */
public record LoadResult(
    int clients,
    int warmupRounds,
    int rounds,
    int connected,
    long answered,
    Duration connectAll,
    long[] warmupRoundTrips,
    long[] roundTrips,
    Map<String, Integer> failures) {

  /** Lines that should have been answered: every client's, in every round. */
  public long expected() {
    return (long) clients * (warmupRounds + rounds);
  }

  /** True when every client connected and every line was answered. */
  public boolean succeeded() {
    return connected == clients && answered == expected();
  }

  /** The summary the {@code load} command prints. */
  public List<String> report() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "connected:  %d of %d clients".formatted(connected, clients)
            + (connected == 0 ? "" : " in %d ms".formatted(connectAll.toMillis())));
    String which =
        (warmupRounds == 0 ? "" : EchoProtocol.plural(warmupRounds, "warm-up round") + " + ")
            + EchoProtocol.plural(rounds, "round");
    lines.add("answered:   %d of %d lines (%s)".formatted(answered, expected(), which));
    if (warmupRounds > 0) {
      lines.add("warm-up:    " + summary(warmupRoundTrips) + " (not counted below)");
    }
    lines.add("round trip: " + summary(roundTrips));
    int failed = failures.values().stream().mapToInt(Integer::intValue).sum();
    lines.add("failed:     %d of %d clients".formatted(failed, clients));
    failures.forEach((why, count) -> lines.add("  %d × %s".formatted(count, why)));
    return lines;
  }

  /**
   * The nearest-rank percentile of sorted round trips: the smallest value that p% of them do not
   * exceed.
   */
  static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  private static String summary(long[] sorted) {
    if (sorted.length == 0) {
      return "no replies";
    }
    return "p50 %s, p99 %s, max %s"
        .formatted(
            ms(percentile(sorted, 50)), ms(percentile(sorted, 99)), ms(percentile(sorted, 100)));
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }
}
