package edu.sockets.broadcast.load;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The load generator: connects N clients that each send M lines and all read everything, then
 * reports what arrived, how fast, and how late.
 *
 * <p>Each line it sends carries its sender's number, a sequence number, the time it was sent (in
 * microseconds since the start) and a checksum: {@code 17 42 1234567 654321}. A receiver gets it as
 * {@code [127.0.0.1:53422] 17 42 1234567 654321} and checks it all: the ip:port against the
 * sender's number, the checksum (a line cut apart or merged with another fails it), and that the
 * sequence number is the next one expected from that sender (order, no loss, no duplicate). The
 * time it arrives minus the time in the line is the delivery latency.
 */
public final class LoadGenerator {

  /**
   * Readers and senders run on virtual threads: 2,000 of them for 1,000 clients cost little, and
   * the senders mostly sleep until their next line is due.
   */
  private static final ThreadFactory THREADS = Thread.ofVirtual().name("load-", 0).factory();

  /** How often the first client repeats its "sync" line while we wait for everyone to join. */
  private static final long SYNC_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final LoadSettings settings;
  private final Consumer<String> log;
  private final List<Socket> sockets = new ArrayList<>();
  private final List<Receiver> receivers = new ArrayList<>();

  /** The client number for each local port (-1: none of ours): checks a line's ip:port. */
  private final int[] clientByPort = new int[65536];

  /** Counts down once per reading client but the first, when it sees the first one's sync line. */
  private CountDownLatch joined;

  /** Counts down once per reading client, when it has every line it expects. */
  private CountDownLatch done;

  /** Where time starts: timestamps in lines are microseconds since then. */
  private volatile long origin;

  /** Set when we close the sockets ourselves, so that the errors this causes are not reported. */
  private volatile boolean closing;

  private LoadGenerator(LoadSettings settings, Consumer<String> log) {
    this.settings = settings;
    this.log = log;
    Arrays.fill(clientByPort, -1);
  }

  /** Runs the load described by {@code settings}, printing progress to {@code log}. */
  public static LoadResult run(LoadSettings settings, Consumer<String> log)
      throws IOException, InterruptedException {
    warmUp();
    LoadGenerator load = new LoadGenerator(settings, log);
    try {
      return load.run();
    } finally {
      load.closeAll();
    }
  }

  /**
   * Runs the receivers' code on 200,000 made-up lines before the real run. A run of 990,000
   * deliveries lasts well under a second, and without this the JIT compiler would spend part of it
   * compiling that code, on the same two cores as the server: the figures went up by a fifth with
   * it.
   */
  private static void warmUp() {
    int lines = 200_000;
    LoadGenerator idle =
        new LoadGenerator(new LoadSettings("", 0, 2, lines, 0, 0, 0, Duration.ZERO), line -> {});
    idle.clientByPort[1] = 0; // the made-up lines come from port 1, client 0
    idle.done = new CountDownLatch(1);
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    byte[] prefix = "[127.0.0.1:1] ".getBytes(StandardCharsets.US_ASCII);
    byte[] line = new byte[Payload.MIN_SIZE];
    for (int seq = 0; seq < lines; seq++) {
      text.writeBytes(prefix);
      text.write(line, 0, Payload.write(line, 0, seq, seq, 0));
    }
    new Receiver(1, new ByteArrayInputStream(text.toByteArray()), idle).run();
  }

  private LoadResult run() throws IOException, InterruptedException {
    joined = new CountDownLatch(settings.clients() - 1);
    done = new CountDownLatch(settings.clients());
    connectAll();
    List<Thread> threads = new ArrayList<>();
    for (Receiver receiver : receivers) {
      threads.add(start(receiver::run));
    }
    awaitEveryoneJoined();

    origin = System.nanoTime();
    threads.addAll(startSenders());
    awaitDeliveries();

    closeAll(); // ends the receivers' reads, and any sender still blocked in a write
    for (Thread thread : threads) {
      thread.join(); // after this, every receiver's fields are safe to read on this thread
    }
    return LoadResult.sum(settings.expected(), receivers, origin);
  }

  /** Connects every client, the readers first, then those that never read. */
  private void connectAll() throws IOException {
    int n = settings.clients();
    long connecting = System.nanoTime();
    for (int i = 0; i < n + settings.nonReaders(); i++) {
      Socket socket = connect();
      if (i < n) {
        clientByPort[socket.getLocalPort()] = i;
        receivers.add(new Receiver(i, socket.getInputStream(), this));
      }
    }
    say(
        "Connected %d clients%s to %s:%d in %d ms",
        n,
        settings.nonReaders() > 0 ? " and " + settings.nonReaders() + " that never read" : "",
        settings.host(),
        settings.port(),
        millisSince(connecting));
  }

  /** Starts every reading client's sender, each on a thread of its own. */
  private List<Thread> startSenders() throws IOException {
    say(
        "Sending: %d clients x %d lines%s, %s",
        settings.clients(),
        settings.messages(),
        settings.size() > 0 ? " of " + settings.size() + " bytes" : "",
        settings.rate() > 0
            ? BigDecimal.valueOf(settings.rate()).stripTrailingZeros().toPlainString()
                + " lines/s each"
            : "each as fast as it can");
    List<Thread> senders = new ArrayList<>();
    for (int i = 0; i < settings.clients(); i++) {
      int client = i;
      OutputStream out = sockets.get(i).getOutputStream();
      senders.add(start(() -> send(client, out)));
    }
    return senders;
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    sockets.add(socket);
    socket.connect(
        new InetSocketAddress(settings.host(), settings.port()),
        Math.toIntExact(settings.timeout().toMillis()));
    socket.setTcpNoDelay(true); // each line leaves when written, as a typed line would
    return socket;
  }

  /**
   * Waits until every reading client has received a line from the first one: then all of them have
   * joined, and none will miss the start. Works with any broadcast server, whatever its welcome and
   * notices say.
   */
  private void awaitEveryoneJoined() throws IOException, InterruptedException {
    long started = System.nanoTime();
    long deadline = started + settings.timeout().toNanos();
    OutputStream first = sockets.get(0).getOutputStream();
    for (int attempt = 1; joined.getCount() > 0; attempt++) {
      first.write(("sync " + attempt + "\n").getBytes(StandardCharsets.UTF_8));
      joined.await(SYNC_EVERY_NANOS, TimeUnit.NANOSECONDS);
      if (System.nanoTime() > deadline) {
        throw new IOException(
            "%d of %d clients got no line from the first within %d s: is it a broadcast server?"
                .formatted(
                    joined.getCount(), settings.clients() - 1, settings.timeout().toSeconds()));
      }
    }
    say("All joined (a line from the first reached the others) in %d ms", millisSince(started));
  }

  /** One sending client: M lines, on a schedule if a rate was given. */
  private void send(int client, OutputStream out) {
    double rate = settings.rate();
    // Spread the clients' schedules over one interval, so they do not all send at the same
    // instant (no real chat does that).
    long offset = rate > 0 ? (long) (1e9 / rate * client / settings.clients()) : 0;
    byte[] line = new byte[Math.max(Payload.MIN_SIZE, settings.size() + 1)];
    try {
      for (int seq = 0; seq < settings.messages(); seq++) {
        if (rate > 0) {
          sleepUntil(origin + offset + (long) (seq * 1e9 / rate));
        }
        long micros = (System.nanoTime() - origin) / 1000;
        out.write(line, 0, Payload.write(line, client, seq, micros, settings.size()));
      }
    } catch (IOException e) {
      if (!closing) {
        say("Client %d could not send: %s", client, e.getMessage());
      }
    }
  }

  /** Waits for all deliveries, or until none has come for the timeout. */
  private void awaitDeliveries() throws InterruptedException {
    long lastCount = -1;
    long lastProgress = System.nanoTime();
    while (!done.await(100, TimeUnit.MILLISECONDS)) {
      long count = 0;
      for (Receiver receiver : receivers) {
        count += receiver.received;
      }
      if (count != lastCount) {
        lastCount = count;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > settings.timeout().toNanos()) {
        say("No delivery for %d s: giving up waiting", settings.timeout().toSeconds());
        return;
      }
    }
  }

  LoadSettings settings() {
    return settings;
  }

  /** The number of our client at local port {@code port}, or -1 if it is none of ours. */
  int clientAt(long port) {
    return port < 0 || port > 65535 ? -1 : clientByPort[(int) port];
  }

  /** Where time starts: timestamps in lines are microseconds since then. */
  long origin() {
    return origin;
  }

  /** True once we close the sockets ourselves: the errors that causes are expected. */
  boolean isClosing() {
    return closing;
  }

  /** A reading client saw the first client's sync line: it has joined. */
  void synced() {
    joined.countDown();
  }

  /** A reading client has every line it expects, or will get no more. */
  void finished() {
    done.countDown();
  }

  private void closeAll() {
    closing = true;
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing is all we want; a socket that fails to close is closed anyway.
      }
    }
  }

  private void say(String format, Object... args) {
    log.accept(LoadResult.format(format, args));
  }

  private static Thread start(Runnable task) {
    Thread thread = THREADS.newThread(task);
    thread.start();
    return thread;
  }

  private static void sleepUntil(long nanoTime) {
    for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }

  private static long millisSince(long nanoTime) {
    return (System.nanoTime() - nanoTime) / 1_000_000;
  }
}
