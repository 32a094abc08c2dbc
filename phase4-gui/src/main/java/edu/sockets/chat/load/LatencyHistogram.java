package edu.sockets.chat.load;

/**
 * Counts latencies in buckets that are exact below 128 ns and within 1/64 (1.6%) above, so a
 * million deliveries cost a few kilobytes and a percentile is a short scan, not a sort. Not
 * thread-safe: each load client keeps its own, and they are merged at the end.
 */
final class LatencyHistogram {

  private static final int SUB_BITS = 6; // 64 buckets per power of two
  private static final int SUB_COUNT = 1 << SUB_BITS;
  private static final int BUCKETS = 2 * SUB_COUNT + (63 - SUB_BITS) * SUB_COUNT;

  private final long[] counts = new long[BUCKETS];
  private long total;
  private long max;

  void record(long nanos) {
    long value = Math.max(0, nanos);
    counts[index(value)]++;
    total++;
    max = Math.max(max, value);
  }

  void add(LatencyHistogram other) {
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] += other.counts[i];
    }
    total += other.total;
    max = Math.max(max, other.max);
  }

  long count() {
    return total;
  }

  long max() {
    return max;
  }

  /** The value below which {@code percent} of the recorded values lie (a bucket's midpoint). */
  long percentile(double percent) {
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(percent / 100 * total);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= Math.max(1, rank)) {
        return Math.min(max, (lowest(i) + highest(i)) / 2);
      }
    }
    return max;
  }

  /** Values below 2 * 64 have a bucket each; above, 64 buckets per power of two. */
  static int index(long value) {
    if (value < 2 * SUB_COUNT) {
      return (int) value;
    }
    int msb = 63 - Long.numberOfLeadingZeros(value); // at least SUB_BITS + 1
    int shift = msb - SUB_BITS;
    int top = (int) (value >>> shift); // in [64, 128)
    return 2 * SUB_COUNT + (shift - 1) * SUB_COUNT + (top - SUB_COUNT);
  }

  static long lowest(int index) {
    if (index < 2 * SUB_COUNT) {
      return index;
    }
    int shift = (index - 2 * SUB_COUNT) / SUB_COUNT + 1;
    long top = (index - 2 * SUB_COUNT) % SUB_COUNT + SUB_COUNT;
    return top << shift;
  }

  static long highest(int index) {
    if (index < 2 * SUB_COUNT) {
      return index;
    }
    return index + 1 < BUCKETS ? lowest(index + 1) - 1 : Long.MAX_VALUE;
  }
}
