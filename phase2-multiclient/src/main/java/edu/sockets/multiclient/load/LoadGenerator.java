package edu.sockets.multiclient.load;

import edu.sockets.multiclient.EchoClient;
import edu.sockets.multiclient.EchoProtocol;
import edu.sockets.multiclient.LineReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.LongStream;

/**
 * Opens many connections at once, then does rounds in which every client sends a line and waits for
 * its reply, and measures each round trip. One virtual thread per connection.
 */
public final class LoadGenerator {

  private final InetSocketAddress server;
  private final int clients;
  private final int warmupRounds;

  /** Warm-up rounds and measured rounds: the measured ones come last. */
  private final int allRounds;

  private final int timeoutMillis;

  /**
   * Where the clients wait for one another, so that every round starts together: [0] until all have
   * connected, [r + 1] until all have finished round r. Latches rather than a Phaser, whose waiters
   * spin before they sleep: 10,000 spinning threads cost more CPU than the server does.
   */
  private final CountDownLatch[] inStep;

  private final long startNanos = System.nanoTime();
  private final AtomicLong lastConnectedNanos = new AtomicLong(startNanos);
  private final LongAdder connected = new LongAdder();
  private final LongAdder answered = new LongAdder();

  /** Round trip of client c in round r at [c * allRounds + r]; -1 where there was no reply. */
  private final long[] roundTrips;

  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  private LoadGenerator(
      String host, int port, int clients, int warmupRounds, int rounds, Duration timeout) {
    this.server = new InetSocketAddress(host, port);
    this.clients = clients;
    this.warmupRounds = warmupRounds;
    this.allRounds = warmupRounds + rounds;
    this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    this.inStep = new CountDownLatch[allRounds + 1];
    Arrays.setAll(inStep, step -> new CountDownLatch(clients));
    this.roundTrips = new long[Math.multiplyExact(clients, allRounds)];
    Arrays.fill(roundTrips, -1);
  }

  /**
   * Runs {@code clients} clients against {@code host:port}, and waits until every one has finished
   * or failed.
   *
   * @param warmupRounds rounds done first, whose round trips are kept apart: while they run, the
   *     JVMs (the server's, if it is Java, and this one) compile the code that matters
   * @param rounds the rounds measured after them
   * @param timeout how long a client waits to connect, and then for each reply
   */
  public static LoadResult run(
      String host, int port, int clients, int warmupRounds, int rounds, Duration timeout) {
    LoadGenerator load = new LoadGenerator(host, port, clients, warmupRounds, rounds, timeout);
    // close() at the end of the try waits for every client's thread to finish.
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int id = 0; id < clients; id++) {
        int client = id;
        threads.execute(() -> load.client(client));
      }
    }
    return load.result();
  }

  /** One client's life, on its own virtual thread: connect, do the rounds, leave. */
  private void client(int id) {
    int arrived = 0; // how many of the inStep latches this client has counted down
    try (Socket socket = new Socket()) {
      socket.connect(server, timeoutMillis);
      lastConnectedNanos.accumulateAndGet(System.nanoTime(), Math::max);
      connected.increment();
      socket.setSoTimeout(timeoutMillis);
      LineReader in = new LineReader(socket.getInputStream(), EchoClient.MAX_REPLY_BYTES);
      OutputStream out = socket.getOutputStream();
      inStep[arrived++].countDown();
      inStep[0].await(); // until every client has connected (or failed)

      for (int round = 0; round < allRounds; round++) {
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
        roundTrips[id * allRounds + round] = roundTrip;
        answered.increment();
        inStep[arrived++].countDown();
        inStep[round + 1].await(); // the next round starts when every client is done with this one
      }
      leave(socket, in, out);
    } catch (IOException e) {
      failures.merge(
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), 1, Integer::sum);
    } catch (InterruptedException e) {
      failures.merge("interrupted", 1, Integer::sum);
      Thread.currentThread().interrupt();
    } finally {
      while (arrived < inStep.length) {
        inStep[arrived++].countDown(); // a client that failed no longer holds the others back
      }
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

  private LoadResult result() {
    LongStream.Builder warmup = LongStream.builder();
    LongStream.Builder measured = LongStream.builder();
    for (int i = 0; i < roundTrips.length; i++) {
      if (roundTrips[i] >= 0) {
        (i % allRounds < warmupRounds ? warmup : measured).add(roundTrips[i]);
      }
    }
    return new LoadResult(
        clients,
        warmupRounds,
        allRounds - warmupRounds,
        connected.intValue(),
        answered.sum(),
        Duration.ofNanos(lastConnectedNanos.get() - startNanos),
        warmup.build().sorted().toArray(),
        measured.build().sorted().toArray(),
        new TreeMap<>(failures));
  }
}
