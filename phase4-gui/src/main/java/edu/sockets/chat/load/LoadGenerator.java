package edu.sockets.chat.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
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

/**
 * The load generator: registers N users that each send M public messages and all read everything.
 * Every message carries its send time, so each delivery gives a latency; every user must receive
 * all N x M messages (public messages reach the sender too), in each sender's order.
 *
 * <p>It must cost little, or it measures itself: it reads raw bytes and looks only at the end of
 * each MSG line (no String per line, no full parse), and keeps latencies in a histogram.
 */
public final class LoadGenerator {

  /** What to run: {@code rate} is messages per second per user, 0 for as fast as possible. */
  public record Options(
      String host, int port, int clients, int messages, double rate, Duration idleTimeout) {}

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

  private static final byte[] MSG = "MSG ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WELCOME = "WELCOME ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ERR = "ERR ".getBytes(StandardCharsets.US_ASCII);

  private final Options options;
  private final long expectedEach;
  private final LongAdder delivered = new LongAdder();
  private final CountDownLatch registered;
  private final CountDownLatch done;
  private volatile long start;
  private volatile long lastDelivery;
  private volatile String failure;

  private LoadGenerator(Options options) {
    this.options = options;
    this.expectedEach = (long) options.clients() * options.messages();
    this.registered = new CountDownLatch(options.clients());
    this.done = new CountDownLatch(options.clients());
  }

  /** Runs the load; {@code progress} gets a few lines on the way. */
  public static Result run(Options options, Consumer<String> progress)
      throws IOException, InterruptedException {
    return new LoadGenerator(options).run(progress);
  }

  private Result run(Consumer<String> progress) throws IOException, InterruptedException {
    // A prefix of our own, so two runs against one server never ask for the same names.
    String prefix = "ld%04x-".formatted(ThreadLocalRandom.current().nextInt(0x10000));
    List<User> users = new ArrayList<>();
    long begin = System.nanoTime();
    try {
      for (int i = 0; i < options.clients(); i++) {
        User user = new User(i, connect());
        users.add(user);
        user.out.write(("/name " + prefix + i + "\n").getBytes(StandardCharsets.UTF_8));
        Thread.ofVirtual().name("load reader " + i).start(user::read);
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

      LatencyHistogram latency = new LatencyHistogram();
      long misordered = 0;
      long corrupted = 0;
      for (User user : users) {
        synchronized (user) {
          latency.add(user.latency);
          misordered += user.misordered;
          corrupted += user.corrupted;
        }
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
      for (User user : users) {
        user.close();
      }
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(options.host(), options.port()), 10_000);
    socket.setTcpNoDelay(true); // each message leaves at once: we measure the server, not Nagle
    return socket;
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
    while (!done.await(50, TimeUnit.MILLISECONDS)) {
      long quiet = System.nanoTime() - Math.max(lastDelivery, start + sending);
      if (quiet > options.idleTimeout().toNanos()) {
        return; // what has not arrived by now is lost
      }
    }
  }

  /** One simulated user: a socket, a reader thread and a sender thread. */
  private final class User {
    final int index;
    final Socket socket;
    final OutputStream out;
    // Written by this user's reader thread; read at the end under the same monitor.
    final LatencyHistogram latency = new LatencyHistogram();
    final long[] lastSeq; // per sender, the last sequence number received, to check order
    long received;
    long misordered;
    long corrupted;

    User(int index, Socket socket) throws IOException {
      this.index = index;
      this.socket = socket;
      this.out = socket.getOutputStream();
      this.lastSeq = new long[options.clients()];
      Arrays.fill(lastSeq, -1);
    }

    /** Sends {@code messages} lines, on a schedule when there is a rate. */
    void send() {
      long interval = options.rate() > 0 ? (long) (1e9 / options.rate()) : 0;
      // Users start at different points of the first interval, so they do not send in bursts.
      long next = start + (interval * index) / options.clients();
      try {
        for (int seq = 0; seq < options.messages(); seq++) {
          if (interval > 0) {
            // Sleep until the scheduled time, not for a fixed time after sending: a slow send
            // must not quietly lower the rate (and hide latency).
            long wait = next - System.nanoTime();
            if (wait > 0) {
              LockSupport.parkNanos(wait);
            }
            next += interval;
          }
          String line = "load " + index + " " + seq + " " + System.nanoTime() + "\n";
          out.write(line.getBytes(StandardCharsets.US_ASCII));
        }
      } catch (IOException e) {
        failure = "user " + index + " could not send: " + e.getMessage();
      }
    }

    /** Reads until this user has every message; counts, checks order, records latency. */
    void read() {
      byte[] buffer = new byte[64 * 1024];
      int length = 0;
      boolean welcomed = false;
      try {
        InputStream in = socket.getInputStream();
        while (received < expectedEach || !welcomed) {
          int n = in.read(buffer, length, buffer.length - length);
          if (n < 0) {
            break;
          }
          // One clock reading per read, not per line: cheap, and what a reader would see.
          long now = System.nanoTime();
          length += n;
          int lineStart = 0;
          long before = received;
          for (int i = length - n; i < length; i++) {
            if (buffer[i] != '\n') {
              continue;
            }
            if (startsWith(buffer, lineStart, i, MSG)) {
              synchronized (this) { // uncontended: only the final merge takes it too
                message(buffer, lineStart, i, now);
              }
            } else if (!welcomed && startsWith(buffer, lineStart, i, WELCOME)) {
              welcomed = true;
              registered.countDown();
            } else if (startsWith(buffer, lineStart, i, ERR)) {
              failure =
                  "the server refused user "
                      + index
                      + ": "
                      + new String(buffer, lineStart, i - lineStart, StandardCharsets.UTF_8);
            }
            lineStart = i + 1;
          }
          if (received > before) {
            delivered.add(received - before);
            lastDelivery = now; // once per read: a shared variable written per line is slow
          }
          System.arraycopy(buffer, lineStart, buffer, 0, length - lineStart);
          length -= lineStart;
          if (length == buffer.length) {
            failure = "a line longer than " + buffer.length + " bytes";
            break;
          }
        }
      } catch (IOException e) {
        if (received < expectedEach) {
          failure = "user " + index + " lost its connection: " + e.getMessage();
        }
      } finally {
        done.countDown();
      }
    }

    /** MSG ts from * load sender seq nanos: reads the three numbers from the end. */
    private void message(byte[] b, int from, int end, long now) {
      long[] numbers = new long[3];
      int i = end - 1;
      for (int k = 2; k >= 0; k--) {
        long value = 0;
        long scale = 1;
        int digits = 0;
        while (i >= from && b[i] >= '0' && b[i] <= '9' && digits < 19) {
          value += (b[i] - '0') * scale;
          scale *= 10;
          digits++;
          i--;
        }
        if (digits == 0 || i < from || b[i] != ' ') {
          corrupted++;
          return;
        }
        numbers[k] = value;
        i--;
      }
      int sender = (int) numbers[0];
      if (sender >= lastSeq.length) {
        corrupted++;
        return;
      }
      if (numbers[1] != lastSeq[sender] + 1) {
        misordered++;
      }
      lastSeq[sender] = numbers[1];
      latency.record(now - numbers[2]); // one clock (CLOCK_MONOTONIC) for every process here
      received++;
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing anyway.
      }
    }
  }

  private static boolean startsWith(byte[] buffer, int from, int end, byte[] prefix) {
    if (end - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (buffer[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
