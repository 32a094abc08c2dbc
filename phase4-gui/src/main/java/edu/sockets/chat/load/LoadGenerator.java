package edu.sockets.chat.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
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
 * are compiled before the run starts ({@link WarmUp}).
 */
public final class LoadGenerator {

  /** How long a TLS handshake may take under load (a thousand at once, on two cores). */
  private static final Duration TLS_TIME = Duration.ofSeconds(30);

  /** Reader threads: two, one per core here, so reading keeps up with a fast server. */
  private static final int READERS = Integer.getInteger("load.readers", 2);

  private final LoadSettings settings;
  private final LoadRun run;
  private final List<LoadUser> users = new ArrayList<>();
  private final List<Selector> selectors = new ArrayList<>();
  private final List<Thread> readers = new ArrayList<>(); // one per selector
  private final List<Thread> tlsReaders = new ArrayList<>(); // with --tls: one per user

  private LoadGenerator(LoadSettings settings) {
    this.settings = settings;
    this.run = new LoadRun(settings);
  }

  /** Runs the load; {@code progress} gets a line on the way. */
  public static LoadResult run(LoadSettings settings, Consumer<String> progress)
      throws IOException, InterruptedException {
    WarmUp.run();
    LoadGenerator load = new LoadGenerator(settings);
    try {
      return load.run(progress);
    } finally {
      load.closeAll();
    }
  }

  private LoadResult run(Consumer<String> progress) throws IOException, InterruptedException {
    // A prefix of our own, so two runs against one server never ask for the same names.
    String prefix = "ld%04x-".formatted(ThreadLocalRandom.current().nextInt(0x10000));
    long begin = System.nanoTime();
    for (int r = 0; r < READERS; r++) {
      selectors.add(Selector.open());
    }
    long[] handshakes = connectAll(prefix);
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
    run.awaitRegistered();
    progress.accept(
        "Registered %d users in %.2f s; each sends %d messages %s"
            .formatted(
                settings.clients(),
                (System.nanoTime() - begin) / 1e9,
                settings.messages(),
                settings.rate() > 0 ? "at " + settings.rate() + " a second" : "as fast as it can"));
    run.startClock();
    for (LoadUser user : users) {
      Thread.ofVirtual().name("load sender " + user.index).start(user::send);
    }
    run.awaitDeliveries();
    long end = run.lastDelivery();
    stopReading();
    run.throwIfFailed();
    return result(end);
  }

  /** Connects and names every user; with TLS, returns how long each handshake took. */
  private long[] connectAll(String prefix) throws IOException {
    long[] handshakes = new long[settings.tls() == null ? 0 : settings.clients()];
    for (int i = 0; i < settings.clients(); i++) {
      LoadUser user = new LoadUser(i, connect(), prefix, run);
      users.add(user);
      String name = "/name " + prefix + i + "\n";
      if (settings.tls() != null) {
        handshakes[i] = secure(user, name);
        continue;
      }
      LoadUser.write(user.channel, name);
      user.channel.configureBlocking(false);
      user.channel.register(selectors.get(i % READERS), SelectionKey.OP_READ, user);
    }
    return handshakes;
  }

  private SocketChannel connect() throws IOException {
    SocketChannel channel = SocketChannel.open();
    try {
      channel.socket().connect(new InetSocketAddress(settings.host(), settings.port()), 10_000);
      // Each message leaves at once: we measure the server, not Nagle's algorithm.
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      return channel;
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * A Selector cannot read TLS (that needs an SSLEngine): a blocking TLS socket over the channel,
   * and a virtual thread per user reading it. Returns how long the handshake took.
   */
  private long secure(LoadUser user, String name) throws IOException {
    long before = System.nanoTime();
    SSLSocket socket =
        settings.tls().secure(user.channel.socket(), settings.host(), settings.port(), TLS_TIME);
    long handshake = System.nanoTime() - before;
    user.secure(socket);
    user.write(name);
    tlsReaders.add(Thread.ofVirtual().name("load reader " + user.index).start(user::readTls));
    return handshake;
  }

  /** A reader thread: reads whichever of its users' sockets have data, until stopped. */
  private void readAll(Selector selector) {
    try {
      while (!run.stopping()) {
        selector.select();
        // One clock reading per wake-up, not per line: cheap, and what a reader would see.
        long now = System.nanoTime();
        for (SelectionKey key : selector.selectedKeys()) {
          LoadUser user = (LoadUser) key.attachment();
          if (!user.readAvailable(now)) {
            key.cancel();
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException e) {
      run.fail("reading failed: " + e.getMessage());
    }
  }

  /** Stops every reader; after this, every user's counters are safe to read on this thread. */
  private void stopReading() throws IOException, InterruptedException {
    stopSelectorReaders();
    for (LoadUser user : users) {
      if (user.isTls()) {
        user.channel.close(); // ends its reader's blocking read
      }
    }
    for (Thread reader : tlsReaders) {
      reader.join();
    }
  }

  private void stopSelectorReaders() throws InterruptedException {
    run.stop();
    selectors.forEach(Selector::wakeup);
    for (Thread reader : readers) {
      reader.join();
    }
  }

  private LoadResult result(long end) {
    LatencyHistogram latency = new LatencyHistogram();
    long misordered = 0;
    long corrupted = 0;
    for (LoadUser user : users) {
      latency.add(user.inbox.latency);
      misordered += user.inbox.misordered;
      corrupted += user.inbox.corrupted;
    }
    return new LoadResult(
        run.expectedEach * settings.clients(),
        run.delivered(),
        misordered,
        corrupted,
        (end - run.start()) / 1e9,
        latency.percentile(50),
        latency.percentile(99),
        latency.max());
  }

  /** Whatever happened: every reader stopped, every socket and selector closed. */
  private void closeAll() throws IOException, InterruptedException {
    stopSelectorReaders();
    for (Selector selector : selectors) {
      selector.close();
    }
    for (LoadUser user : users) {
      user.channel.close();
    }
  }
}
