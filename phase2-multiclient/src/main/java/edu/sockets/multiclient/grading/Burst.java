package edu.sockets.multiclient.grading;

import static java.nio.charset.StandardCharsets.UTF_8;

import edu.sockets.grading.Endpoint;
import edu.sockets.grading.Quote;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Many clients connecting at the same moment, as a class does when everyone starts the client at
 * once: each connects, sends a line, waits for its answer and leaves. Linux drops the first packet
 * of a connection (SYN) that finds the server's accept queue full, and the client's system sends it
 * again only a second later (chapter 2, 2.4 and 5.6): a short queue shows as clients that wait a
 * second or more to connect.
 *
 * <p>The kit's probe connects one client at a time, which spreads the handshakes out; this class
 * opens its own connections, and closes them all before it returns, whatever happened.
 */
final class Burst {

  /**
   * As many clients as Java's default backlog of 50 always holds (a queue takes one more than its
   * backlog), and ten times what a backlog of 5 does.
   */
  static final int CLIENTS = 50;

  /** A dropped SYN is sent again after this; a good server lets every client in well within it. */
  static final Duration LIMIT = Duration.ofSeconds(1);

  /** More than any answer to a short line. */
  private static final int MAX_ANSWER_BYTES = 64 * 1024;

  /** How often the handshakes in progress are looked at. */
  private static final Duration POLL = Duration.ofMillis(5);

  /**
   * How one client fared, counted from its connect() call.
   *
   * @param connected how long its connection took to open; null if it never did
   * @param failure why it got no answer; null if it got one
   */
  record Outcome(Duration connected, String failure) {
    boolean answered() {
      return failure == null;
    }
  }

  private final InetSocketAddress address;
  private final List<SocketChannel> channels = new ArrayList<>();
  private final long[] startNanos = new long[CLIENTS];
  private final Duration[] connected = new Duration[CLIENTS];

  /** How each client ended, once it has: empty if answered, else why not. */
  private final AtomicReferenceArray<Optional<String>> endings =
      new AtomicReferenceArray<>(CLIENTS);

  private final CountDownLatch finished = new CountDownLatch(CLIENTS);

  private Burst(InetSocketAddress address) {
    this.address = address;
  }

  /** Runs the burst; what has not happened within {@code wait} is given up on. */
  static List<Outcome> run(Endpoint endpoint, Duration wait)
      throws IOException, InterruptedException {
    InetSocketAddress address = new InetSocketAddress(endpoint.host(), endpoint.port());
    if (address.isUnresolved()) {
      throw new UnknownHostException(endpoint.host());
    }
    Burst burst = new Burst(address);
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      burst.open();
      burst.connectAll();
      burst.awaitConnections(deadline);
      burst.finished.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      return burst.outcomes(wait);
    } finally {
      burst.closeAll(); // ends the read of every client still waiting
    }
  }

  private void open() throws IOException {
    for (int i = 0; i < CLIENTS; i++) {
      SocketChannel channel = SocketChannel.open();
      channels.add(channel);
      channel.configureBlocking(false);
    }
  }

  /**
   * Starts every handshake in one tight loop: a non-blocking connect() returns as soon as the SYN
   * is sent, so the handshakes reach the server together, as a whole class's would. A thread per
   * client, each calling a blocking connect(), spreads them out enough for a short queue to cope.
   */
  private void connectAll() {
    for (int i = 0; i < CLIENTS; i++) {
      startNanos[i] = System.nanoTime();
      try {
        channels.get(i).connect(address);
      } catch (IOException e) {
        fail(i, e);
      }
    }
  }

  /**
   * Notes when each connection opens, and starts that client's conversation. Bounded polling from
   * this one thread: a thread per client would note the time only once it got a core, which on a
   * busy machine can take longer than the second being measured.
   */
  private void awaitConnections(long deadline) throws InterruptedException {
    int waiting = CLIENTS;
    while (waiting > 0 && System.nanoTime() < deadline) {
      waiting = 0;
      for (int i = 0; i < CLIENTS; i++) {
        if (connected[i] == null && endings.get(i) == null) {
          waiting += finishConnecting(i) ? 0 : 1;
        }
      }
      if (waiting > 0) {
        Thread.sleep(POLL);
      }
    }
  }

  /** True once client {@code i} is connected, or has failed to. */
  private boolean finishConnecting(int i) {
    try {
      if (!channels.get(i).finishConnect()) {
        return false;
      }
      connected[i] = Duration.ofNanos(System.nanoTime() - startNanos[i]);
      // A platform thread each: the kernel shares the cores fairly between them and everything
      // else, so a busy server in the same process (in the course's tests) cannot hold them up.
      Thread.ofPlatform().daemon().name("burst client " + i).start(() -> converse(i));
    } catch (IOException e) {
      fail(i, e);
    }
    return true;
  }

  /**
   * Sends a line, reads the answer, and leaves at once, so that a server that serves one client at
   * a time still reaches the next.
   */
  private void converse(int i) {
    try (SocketChannel channel = channels.get(i)) {
      channel.configureBlocking(true);
      channel.write(ByteBuffer.wrap(("burst " + i + "\n").getBytes(UTF_8)));
      end(i, answer(channel));
    } catch (IOException e) {
      fail(i, e);
    }
  }

  /** Reads the answer: null if it is a line of text, otherwise what came instead. */
  private static String answer(SocketChannel channel) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(1024);
    while (line.size() < MAX_ANSWER_BYTES) {
      buffer.clear();
      int count = channel.read(buffer);
      if (count < 0) {
        return "closed without an answer";
      }
      for (int i = 0; i < count; i++) {
        line.write(buffer.get(i));
        if (buffer.get(i) == '\n') {
          return MultiClientRubric.isText(line.toByteArray()) ? null : "an answer that is not text";
        }
      }
    }
    return "no line feed in " + Quote.size(line.size());
  }

  private void fail(int i, IOException e) {
    end(i, e instanceof ConnectException ? "connection refused" : "failed: " + e.getMessage());
  }

  /** Records how client {@code i} ended, unless it was given up on already. */
  private void end(int i, String failure) {
    if (endings.compareAndSet(i, null, Optional.ofNullable(failure))) {
      finished.countDown();
    }
  }

  private List<Outcome> outcomes(Duration wait) {
    List<Outcome> all = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      String given = connected[i] == null ? "not connected" : "no answer";
      end(i, given + " within " + Quote.seconds(wait));
      all.add(new Outcome(connected[i], endings.get(i).orElse(null)));
    }
    return all;
  }

  private void closeAll() {
    for (SocketChannel channel : channels) {
      try {
        channel.close();
      } catch (IOException e) {
        // Closing a connection that failed: there is nothing left to release.
      }
    }
  }
}
