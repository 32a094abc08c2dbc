package edu.sockets.chat.load;

import edu.sockets.chat.client.tls.ServerTrust;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;

/**
 * The load generator: registers N users that each send M public messages and all read everything.
 * Every message carries its send time, so each delivery gives a latency; every user must receive
 * all N x M messages (public messages reach the sender too), in each sender's order.
 *
 * <p>It shares the machine with the server, so it must cost little or it measures itself. All users
 * are read by {@link #READERS} threads with a {@link Selector} (one system call reports every
 * socket that has data; no thread per user to wake); each user's {@link Inbox} checks its lines as
 * bytes, with no String per line, and counts latencies in a histogram, not a list; and those checks
 * are compiled before the run starts ({@link #warmUp}).
 */
public final class LoadGenerator {

  /** What to run: {@code rate} is messages per second per user, 0 for as fast as possible. */
  public record Options(
      String host,
      int port,
      int clients,
      int messages,
      double rate,
      Duration idleTimeout,
      ServerTrust tls) {

    /** Over plain TCP. */
    public Options(
        String host, int port, int clients, int messages, double rate, Duration idleTimeout) {
      this(host, port, clients, messages, rate, idleTimeout, null);
    }
  }

  /** What was measured. Latencies are in nanoseconds. */
  public record Result(
      int clients,
      long expected,
      long received,
      long misordered,
      long corrupted,
      double registerSeconds,
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
  }

  /** How long a TLS handshake may take under load (a thousand at once, on two cores). */
  private static final Duration TLS_TIME = Duration.ofSeconds(30);

  /** Reader threads: two, one per core here, so reading keeps up with a fast server. */
  private static final int READERS = Integer.getInteger("load.readers", 2);

  /** Made-up lines the checks run on before connecting (see {@link #warmUp}). */
  private static final int WARM_UP_LINES = 200_000;

  private final Options options;
  private final long expectedEach;
  private final LongAdder delivered = new LongAdder();
  private final CountDownLatch registered;
  private final CountDownLatch done;
  private volatile boolean stopping;
  private volatile long start;
  private volatile long lastDelivery;
  private volatile String failure;

  private LoadGenerator(Options options) {
    this.options = options;
    this.expectedEach = (long) options.clients() * options.messages();
    this.registered = new CountDownLatch(options.clients());
    this.done = new CountDownLatch(options.clients());
  }

  /** Runs the load; {@code progress} gets a line on the way. */
  public static Result run(Options options, Consumer<String> progress)
      throws IOException, InterruptedException {
    warmUp();
    return new LoadGenerator(options).run(progress);
  }

  /**
   * Runs the code of a run's busiest loops before the run, so that the JIT compiler has compiled it
   * by the time the clock starts. A 100 x 100 run lasts under half a second; without this, the
   * compiler did its work during the run, on the same two cores as the server: Flight Recorder
   * counted about 0.3 s of compiling the checks in one 0.39 s run, and 0.1 s compiling the sending
   * code once the checks were warmed up.
   */
  static void warmUp() throws InterruptedException {
    warmUpChecks();
    try {
      warmUpSending();
    } catch (IOException e) {
      // Only the speed of the run depends on it: a machine that refuses us a loopback connection
      // gets the run without it, and the error it cares about, if any, when the users connect.
    }
  }

  /** The checks of {@link Inbox}, on made-up lines fed in pieces, as a socket delivers them. */
  private static void warmUpChecks() {
    StringBuilder text = new StringBuilder("INFO Welcome\nWELCOME ld0000-0\n");
    for (int i = 0; i < WARM_UP_LINES; i++) {
      int sender = i % 2;
      text.append("MSG 2026-11-22T05:55:40.096Z ld0000-")
          .append(sender)
          .append(" * ")
          .append(Inbox.text(sender, i / 2, i))
          .append('\n');
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
    Inbox inbox = new Inbox("ld0000-", 2);
    byte[] buffer = new byte[64 * 1024];
    int kept = 0;
    for (int at = 0; at < bytes.length; at += 4096) {
      int n = Math.min(4096, bytes.length - at);
      System.arraycopy(bytes, at, buffer, kept, n);
      kept = inbox.take(buffer, kept + n, 0, WARM_UP_LINES * 1_000L);
    }
    if (inbox.received != WARM_UP_LINES || inbox.corrupted + inbox.misordered > 0) {
      throw new IllegalStateException("the load checks fail on their own made-up lines");
    }
  }

  /** Sending, through a loopback connection of our own to a thread that reads and forgets. */
  private static void warmUpSending() throws IOException, InterruptedException {
    try (ServerSocketChannel sink =
            ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        SocketChannel channel = SocketChannel.open(sink.getLocalAddress())) {
      Thread reader =
          Thread.ofVirtual()
              .start(() -> {
                try (SocketChannel in = sink.accept()) {
                  ByteBuffer ignored = ByteBuffer.allocate(64 * 1024);
                  while (in.read(ignored.clear()) >= 0) {
                    // Forgotten: only the sending side is being compiled.
                  }
                } catch (IOException e) {
                  // The warm-up connection broke: the sending code ran anyway.
                }
              });
      channel.configureBlocking(false); // as the users' channels are
      for (int i = 0; i < WARM_UP_LINES / 10; i++) {
        write(channel, Inbox.text(0, i, i) + "\n");
      }
      channel.shutdownOutput();
      reader.join();
    }
  }

  /**
   * Writes a whole line to a non-blocking channel (the selector needs them so). When the socket's
   * buffer is full (the server is behind), it backs off briefly instead of spinning on a core the
   * server needs.
   */
  private static void write(SocketChannel channel, String line) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
    while (bytes.hasRemaining()) {
      if (channel.write(bytes) == 0) {
        LockSupport.parkNanos(100_000);
      }
    }
  }

  private Result run(Consumer<String> progress) throws IOException, InterruptedException {
    // A prefix of our own, so two runs against one server never ask for the same names.
    String prefix = "ld%04x-".formatted(ThreadLocalRandom.current().nextInt(0x10000));
    List<User> users = new ArrayList<>();
    List<Selector> selectors = new ArrayList<>();
    List<Thread> readers = new ArrayList<>();
    List<Thread> tlsReaders = new ArrayList<>();
    long[] handshakes = new long[options.tls() == null ? 0 : options.clients()];
    long begin = System.nanoTime();
    try {
      for (int r = 0; r < READERS; r++) {
        selectors.add(Selector.open());
      }
      for (int i = 0; i < options.clients(); i++) {
        User user = new User(i, connect(), prefix);
        users.add(user);
        if (options.tls() != null) {
          // A Selector cannot read TLS (that needs an SSLEngine): a blocking TLS socket over the
          // channel, and a virtual thread per user reading it.
          long before = System.nanoTime();
          user.tls =
              options.tls().secure(user.channel.socket(), options.host(), options.port(), TLS_TIME);
          handshakes[i] = System.nanoTime() - before;
          user.tlsOut = user.tls.getOutputStream();
          user.write("/name " + prefix + i + "\n");
          tlsReaders.add(Thread.ofVirtual().name("load reader " + i).start(user::readTls));
          continue;
        }
        write(user.channel, "/name " + prefix + i + "\n");
        user.channel.configureBlocking(false);
        user.channel.register(selectors.get(i % READERS), SelectionKey.OP_READ, user);
      }
      for (Selector selector : selectors) {
        readers.add(Thread.ofPlatform().name("load reader").start(() -> readAll(selector)));
      }
      if (handshakes.length > 0) {
        Arrays.sort(handshakes);
        progress.accept(
            "TLS handshakes, one after another: median %.2f ms, max %.2f ms"
                .formatted(
                    handshakes[handshakes.length / 2] / 1e6,
                    handshakes[handshakes.length - 1] / 1e6));
      }
      awaitOrFail(registered, "registering");
      double registerSeconds = (System.nanoTime() - begin) / 1e9;
      progress.accept(
          "Registered %d users in %.2f s; each sends %d messages %s"
              .formatted(
                  options.clients(),
                  registerSeconds,
                  options.messages(),
                  options.rate() > 0 ? "at " + options.rate() + " a second" : "as fast as it can"));

      start = System.nanoTime();
      lastDelivery = start;
      for (User user : users) {
        Thread.ofVirtual().name("load sender " + user.index).start(user::send);
      }
      awaitDeliveries();
      long end = lastDelivery;
      stopping = true;
      selectors.forEach(Selector::wakeup);
      for (Thread reader : readers) {
        reader.join(); // after this, every User's counters are safe to read here
      }
      for (User user : users) {
        if (user.tls != null) {
          user.channel.close(); // ends its reader's blocking read
        }
      }
      for (Thread reader : tlsReaders) {
        reader.join();
      }
      if (failure != null) {
        throw new IllegalStateException(failure);
      }

      LatencyHistogram latency = new LatencyHistogram();
      long misordered = 0;
      long corrupted = 0;
      for (User user : users) {
        latency.add(user.inbox.latency);
        misordered += user.inbox.misordered;
        corrupted += user.inbox.corrupted;
      }
      return new Result(
          options.clients(),
          expectedEach * options.clients(),
          delivered.sum(),
          misordered,
          corrupted,
          registerSeconds,
          (end - start) / 1e9,
          latency.percentile(50),
          latency.percentile(99),
          latency.max());
    } finally {
      stopping = true;
      for (Selector selector : selectors) {
        selector.wakeup();
      }
      for (Thread reader : readers) {
        reader.join();
      }
      for (Selector selector : selectors) {
        selector.close();
      }
      for (User user : users) {
        user.channel.close();
      }
    }
  }

  private SocketChannel connect() throws IOException {
    SocketChannel channel = SocketChannel.open();
    try {
      channel.socket().connect(new InetSocketAddress(options.host(), options.port()), 10_000);
      // Each message leaves at once: we measure the server, not Nagle's algorithm.
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      return channel;
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  /** A reader thread: reads whichever of its users' sockets have data, until stopped. */
  private void readAll(Selector selector) {
    try {
      while (!stopping) {
        selector.select();
        // One clock reading per wake-up, not per line: cheap, and what a reader would see.
        long now = System.nanoTime();
        for (SelectionKey key : selector.selectedKeys()) {
          User user = (User) key.attachment();
          if (!user.readAvailable(now)) {
            key.cancel();
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException e) {
      failure = "reading failed: " + e.getMessage();
    }
  }

  private void awaitOrFail(CountDownLatch latch, String what) throws InterruptedException {
    long deadline = System.nanoTime() + options.idleTimeout().toNanos() * 3;
    while (!latch.await(50, TimeUnit.MILLISECONDS)) {
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "gave up " + what + ": " + latch.getCount() + " users still waiting");
      }
    }
  }

  /** Waits until every user has everything, or nothing has arrived for the idle timeout. */
  private void awaitDeliveries() throws InterruptedException {
    long sending = options.rate() > 0 ? (long) (options.messages() / options.rate() * 1e9) : 0;
    while (!done.await(50, TimeUnit.MILLISECONDS) && failure == null) {
      long quiet = System.nanoTime() - Math.max(lastDelivery, start + sending);
      if (quiet > options.idleTimeout().toNanos()) {
        return; // what has not arrived by now is lost
      }
    }
  }

  /** One simulated user: a socket, read by a reader thread, written by a sender thread. */
  private final class User {
    final int index;
    final SocketChannel channel;
    // Only this user's reader thread touches these; run() reads the inbox after joining it.
    final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    final Inbox inbox;
    boolean counted; // counted down in registered (and in done)
    SSLSocket tls; // with --tls: read by a thread of its own, not by a Selector
    OutputStream tlsOut;

    User(int index, SocketChannel channel, String prefix) {
      this.index = index;
      this.channel = channel;
      this.inbox = new Inbox(prefix, options.clients());
    }

    /** Sends {@code messages} lines, on a schedule when there is a rate. */
    void send() {
      long interval = options.rate() > 0 ? (long) (1e9 / options.rate()) : 0;
      // Users start at different points of the first interval, so they do not send in bursts.
      long next = start + (interval * index) / options.clients();
      try {
        for (int seq = 0; seq < options.messages() && !stopping; seq++) {
          if (interval > 0) {
            // Sleep until the scheduled time, not for a fixed time after sending: a slow send
            // must not quietly lower the rate (and hide latency).
            long wait = next - System.nanoTime();
            if (wait > 0) {
              LockSupport.parkNanos(wait);
            }
            next += interval;
          }
          // Microseconds since the start, not System.nanoTime() itself: 7 digits instead of 13
          // in each of the million lines of a run, which the server and we both handle.
          long micros = (System.nanoTime() - start) / 1_000;
          write(Inbox.text(index, seq, micros) + "\n");
        }
      } catch (IOException e) {
        failure = "user " + index + " could not send: " + e.getMessage();
      }
    }

    void write(String line) throws IOException {
      if (tls == null) {
        LoadGenerator.write(channel, line);
      } else {
        tlsOut.write(line.getBytes(StandardCharsets.US_ASCII));
        tlsOut.flush();
      }
    }

    /** With --tls, this user's reader thread: reads and checks until the connection ends. */
    void readTls() {
      try {
        InputStream in = tls.getInputStream();
        while (!stopping) {
          int n = in.read(buffer.array(), buffer.position(), buffer.remaining());
          if (n > 0) {
            buffer.position(buffer.position() + n);
          }
          if (!took(n, System.nanoTime())) {
            return;
          }
        }
      } catch (IOException e) {
        lostConnection(e.getMessage());
      }
    }

    /** Reads what is there and checks each complete line; false at end of stream. */
    boolean readAvailable(long now) {
      int n;
      try {
        n = channel.read(buffer);
      } catch (IOException e) {
        lostConnection(e.getMessage());
        return false;
      }
      return took(n, now);
    }

    /** Checks the lines completed by the {@code n} bytes just read; false at end of stream. */
    private boolean took(int n, long now) {
      if (n < 0) {
        lostConnection("the server closed it");
        return false;
      }
      long before = inbox.received;
      buffer.position(inbox.take(buffer.array(), buffer.position(), start, now));
      if (!counted && inbox.welcomed) {
        counted = true;
        registered.countDown();
      }
      if (inbox.refusal != null) {
        failure = "the server refused user %d: %s".formatted(index, inbox.refusal);
      }
      if (inbox.received > before) {
        delivered.add(inbox.received - before);
        lastDelivery = now; // once per read: a shared variable written per line is slow
        if (before < expectedEach && inbox.received >= expectedEach) {
          done.countDown();
        }
      }
      if (!buffer.hasRemaining()) {
        failure = "a line longer than " + buffer.capacity() + " bytes";
        return false;
      }
      return true;
    }

    private void lostConnection(String why) {
      if (inbox.received < expectedEach && !stopping) {
        failure = "user " + index + " lost its connection: " + why;
      }
    }
  }
}
