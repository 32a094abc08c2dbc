package edu.sockets.multiclient;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Opens many connections at once, then does rounds in which every client sends a line and waits for
 * its reply, and measures each round trip. One virtual thread per connection.
 */
final class LoadGenerator {

  /** What one run saw. The round trips are in nanoseconds, sorted. */
  record Result(
      int clients,
      int rounds,
      int connected,
      long answered,
      Duration connectAll,
      long[] roundTrips,
      Map<String, Integer> failures) {

    /** True when every client connected and every line was answered. */
    boolean succeeded() {
      return connected == clients && answered == (long) clients * rounds;
    }

    /** The summary the {@code load} command prints. */
    List<String> report() {
      List<String> lines = new ArrayList<>();
      lines.add(
          "connected:  %d of %d clients".formatted(connected, clients)
              + (connected == 0 ? "" : " in %d ms".formatted(connectAll.toMillis())));
      lines.add(
          "answered:   %d of %d lines (%d round%s)"
              .formatted(answered, (long) clients * rounds, rounds, rounds == 1 ? "" : "s"));
      lines.add(
          roundTrips.length == 0
              ? "round trip: no replies"
              : "round trip: p50 %s, p99 %s, max %s"
                  .formatted(ms(percentile(50)), ms(percentile(99)), ms(percentile(100))));
      int failed = failures.values().stream().mapToInt(Integer::intValue).sum();
      lines.add("failed:     %d of %d clients".formatted(failed, clients));
      failures.forEach((why, count) -> lines.add("  %d × %s".formatted(count, why)));
      return lines;
    }

    /** The nearest-rank percentile: the smallest round trip that p% of them do not exceed. */
    long percentile(int p) {
      int rank = (int) Math.ceil(p / 100.0 * roundTrips.length);
      return roundTrips[Math.max(rank, 1) - 1];
    }

    private static String ms(long nanos) {
      return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
  }

  /** File descriptors the JVM itself keeps open (its jar, libraries, standard streams...). */
  private static final int SPARE_DESCRIPTORS = 64;

  private final InetSocketAddress server;
  private final int clients;
  private final int rounds;
  private final int timeoutMillis;

  /** Every client arrives here after connecting and after each round: the rounds stay in step. */
  private final Phaser barrier;

  private final long startNanos = System.nanoTime();
  private final AtomicLong lastConnectedNanos = new AtomicLong(startNanos);
  private final LongAdder connected = new LongAdder();
  private final LongAdder answered = new LongAdder();

  /** Round trip of client c in round r at [c * rounds + r]; -1 where there was no reply. */
  private final long[] roundTrips;

  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  private LoadGenerator(String host, int port, int clients, int rounds, Duration timeout) {
    this.server = new InetSocketAddress(host, port);
    this.clients = clients;
    this.rounds = rounds;
    this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    this.barrier = new Phaser(clients);
    this.roundTrips = new long[Math.multiplyExact(clients, rounds)];
    Arrays.fill(roundTrips, -1);
  }

  /**
   * Runs {@code clients} clients against {@code host:port} for {@code rounds} rounds, and waits
   * until every one has finished or failed.
   *
   * @param timeout how long a client waits to connect, and then for each reply
   */
  static Result run(String host, int port, int clients, int rounds, Duration timeout) {
    LoadGenerator load = new LoadGenerator(host, port, clients, rounds, timeout);
    // close() at the end of the try waits for every client's thread to finish.
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int id = 0; id < clients; id++) {
        int client = id;
        threads.execute(() -> load.client(client));
      }
    }
    return load.result();
  }

  /**
   * Why this process cannot open {@code clients} connections, or null if it can. Each connection is
   * a file descriptor, and the operating system limits how many a process may have open.
   */
  static String fileDescriptorProblem(int clients) {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.UnixOperatingSystemMXBean os) {
      return fileDescriptorProblem(
          clients, os.getOpenFileDescriptorCount(), os.getMaxFileDescriptorCount());
    }
    return null; // Windows counts handles differently and has no such per-process limit
  }

  /** The rule behind {@link #fileDescriptorProblem(int)}, given what is open and the limit. */
  static String fileDescriptorProblem(int clients, long open, long limit) {
    long needed = open + clients + SPARE_DESCRIPTORS;
    if (needed <= limit) {
      return null;
    }
    long suggestion = (needed + 99) / 100 * 100;
    return ("Not enough file descriptors for %d clients: this process may have %d open files"
            + " and each connection needs one. Raise the limit in this shell first, for example"
            + " with: ulimit -n %d (see load --help)")
        .formatted(clients, limit, suggestion);
  }

  /** One client's life, on its own virtual thread: connect, do the rounds, leave. */
  private void client(int id) {
    try (Socket socket = new Socket()) {
      socket.connect(server, timeoutMillis);
      lastConnectedNanos.accumulateAndGet(System.nanoTime(), Math::max);
      connected.increment();
      socket.setSoTimeout(timeoutMillis);
      LineReader in = new LineReader(socket.getInputStream(), EchoClient.MAX_REPLY_BYTES);
      OutputStream out = socket.getOutputStream();
      barrier.arriveAndAwaitAdvance(); // wait until every client has connected (or failed)

      for (int round = 0; round < rounds; round++) {
        String line = "client " + id + " round " + round;
        long sentNanos = System.nanoTime();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        String reply = in.readLine();
        long roundTrip = System.nanoTime() - sentNanos;
        if (reply == null) {
          throw new EOFException("the server closed the connection");
        }
        if (!reply.endsWith("you said: " + line)) {
          throw new IOException("a reply that does not repeat the line sent");
        }
        roundTrips[id * rounds + round] = roundTrip;
        answered.increment();
        barrier.arriveAndAwaitAdvance(); // the next round starts when every client is ready
      }
      leave(socket, in, out);
    } catch (IOException e) {
      failures.merge(
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), 1, Integer::sum);
    } finally {
      barrier.arriveAndDeregister(); // a client that failed no longer holds the others back
    }
  }

  /**
   * Says {@code /exit} and waits for the server to close first. The side that closes first keeps
   * the connection in TIME_WAIT for a minute; on the server, those entries cost no ephemeral ports,
   * while here 10,000 of them would stop the next run from connecting.
   */
  private static void leave(Socket socket, LineReader in, OutputStream out) {
    try {
      out.write((EchoProtocol.EXIT + "\n").getBytes(StandardCharsets.UTF_8));
      socket.shutdownOutput(); // and end of stream, for a server that does not know /exit
      while (in.readLine() != null) {
        // the goodbye; then end of stream once the server has closed its side
      }
    } catch (IOException e) {
      // The measurement is over; a server that leaves rudely costs nothing here.
    }
  }

  private Result result() {
    long[] sorted = Arrays.stream(roundTrips).filter(t -> t >= 0).sorted().toArray();
    return new Result(
        clients,
        rounds,
        connected.intValue(),
        answered.sum(),
        Duration.ofNanos(lastConnectedNanos.get() - startNanos),
        sorted,
        new TreeMap<>(failures));
  }
}
