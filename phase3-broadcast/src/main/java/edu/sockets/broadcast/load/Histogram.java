package edu.sockets.broadcast.load;

/**
 * Latencies in microseconds, counted in buckets about 3% wide instead of kept one by one: a million
 * deliveries take a few KiB, not 8 MB, and percentiles come out in microseconds. Values below 64
 * get a bucket each; above, each power of two is cut into 32 buckets.
 */
final class Histogram {
  private static final int SUB_BUCKETS = 32;
  private final long[] counts = new long[64 + 58 * SUB_BUCKETS];
  private long total;
  private long max;

  void record(long micros) {
    long value = Math.max(0, micros);
    counts[bucket(value)]++;
    total++;
    max = Math.max(max, value);
  }

  void add(Histogram other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    total += other.total;
    max = Math.max(max, other.max);
  }

  long max() {
    return max;
  }

  /** The smallest value that at least {@code percent}% of values are at or below (±3%). */
  long percentile(double percent) {
    long rank = (long) Math.ceil(total * percent / 100);
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank && seen > 0) {
        return Math.min(upperBound(i), max);
      }
    }
    return 0;
  }

  private static int bucket(long value) {
    if (value < 64) {
      return (int) value;
    }
    int power = 63 - Long.numberOfLeadingZeros(value); // 6 and up
    int sub = (int) (value >>> (power - 5)) & (SUB_BUCKETS - 1);
    return 64 + (power - 6) * SUB_BUCKETS + sub;
  }

  private static long upperBound(int bucket) {
    if (bucket < 64) {
      return bucket;
    }
    int power = (bucket - 64) / SUB_BUCKETS + 6;
    int sub = (bucket - 64) % SUB_BUCKETS;
    return ((long) (SUB_BUCKETS + sub + 1) << (power - 5)) - 1;
  }
}
