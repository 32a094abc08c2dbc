package edu.sockets.multiclient;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The Phase 2 server: an accept loop that gives every client a thread of its own, and the books on
 * who is online. What is said to a client is {@link EchoClientHandler}'s business.
 */
public final class EchoServer implements Closeable {

  /** The kind of thread each client gets. */
  public enum Threads {
    /** Cheap threads the JVM schedules itself; a blocked one costs a few hundred bytes of heap. */
    VIRTUAL,
    /** Operating-system threads, each with its own native stack. */
    PLATFORM;

    ThreadFactory factory() {
      return switch (this) {
        case VIRTUAL -> Thread.ofVirtual().name("client-", 1).factory();
        case PLATFORM -> Thread.ofPlatform().name("client-", 1).daemon().factory();
      };
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * How many connections the kernel may queue, fully open, before accept() takes them. Phase 1's 50
   * is overrun when thousands of clients connect at once: Linux then drops their handshakes and
   * they try again a second later. The kernel caps it at {@code net.core.somaxconn}.
   */
  public static final int DEFAULT_BACKLOG = 4096;

  /** How long {@link #stop()} waits for the clients' threads to finish. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(3);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private final ServerSocket listener;
  private final ThreadFactory threads;
  private final Threads kind;
  private final boolean verbose;
  private final Consumer<String> log;
  private final long startNanos = System.nanoTime();

  /** The clients connected now, so that stop() can disconnect them. Many threads change it. */
  private final Set<EchoClientHandler> online = ConcurrentHashMap.newKeySet();

  /**
   * How many are online, as logged. Guarded by {@code this}: counting and logging under one lock
   * keeps the log in the order of events, with counts that go up and down by one.
   */
  private int onlineCount;

  private final LongAdder clientsServed = new LongAdder();
  private final LongAdder linesReceived = new LongAdder();
  private volatile boolean stopping;

  private EchoServer(ServerSocket listener, Threads kind, boolean verbose, Consumer<String> log) {
    this.listener = listener;
    this.kind = kind;
    this.threads = kind.factory();
    this.verbose = verbose;
    this.log = log;
  }

  /**
   * Starts listening on {@code host:port} (port 0: any free port), and says so. From here on the
   * kernel completes clients' connections and queues them, even before {@link #serve()} accepts
   * them.
   *
   * @param verbose whether to log every line received, not only arrivals and departures
   * @param log where the server's messages go, one line each
   */
  public static EchoServer open(
      String host, int port, int backlog, Threads kind, boolean verbose, Consumer<String> log)
      throws IOException {
    ServerSocket listener = new ServerSocket(port, backlog, InetAddress.getByName(host));
    if (kind == Threads.VIRTUAL) {
      startThePoller();
    }
    log.accept("Listening on " + endpoint(listener.getInetAddress(), listener.getLocalPort()));
    return new EchoServer(listener, kind, verbose, log);
  }

  /**
   * A virtual thread that waits for a socket is woken by the JDK's poller, which opens file
   * descriptors of its own the first time any virtual thread waits. That first wait happens here,
   * while descriptors are plentiful: were a crowd of clients to use them all up first, the poller
   * could never start, and no virtual thread could ever wait for a socket again.
   */
  private static void startThePoller() throws IOException {
    try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      probe.setSoTimeout(1);
      Thread waiter =
          Thread.ofVirtual()
              .start(() -> {
                try {
                  probe.receive(new DatagramPacket(new byte[1], 1));
                } catch (IOException expected) {
                  // The timeout: nobody sends to this socket; waiting was the point.
                }
              });
      waiter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public int port() {
    return listener.getLocalPort();
  }

  /**
   * The accept loop: runs until {@link #stop()}. It only accepts and starts a thread, so the next
   * client is accepted at once, whatever the previous one does; all per-client work, even the
   * "connected" log line, happens on the client's own thread.
   */
  public void serve() throws IOException {
    // Timestamped, like every event from here on. The first timestamp reads the time-zone rules
    // from a file: that must happen now, not once a crowd of clients has used up every file
    // descriptor.
    event("Each client gets a " + kind + " thread; stop the server with Ctrl+C");
    boolean refusing = false;
    while (true) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        if (stopping) {
          return; // stop() closed the listener: the normal way out
        }
        if (!refusing) { // log once, not a thousand times a second
          event(
              "Cannot accept more clients ("
                  + e.getMessage()
                  + "); waiting for some to leave."
                  + " Each client needs a file descriptor: see ulimit -n.");
        }
        refusing = true;
        pause();
        continue;
      }
      refusing = false;
      clientsServed.increment();
      try {
        threads.newThread(new EchoClientHandler(socket, this)).start();
      } catch (OutOfMemoryError e) { // "unable to create native thread": too many platform threads
        event("Cannot start a thread for " + endpoint(socket) + ": " + e.getMessage());
        socket.close();
      }
    }
  }

  /** Called by a client's thread when it starts. */
  synchronized void joined(EchoClientHandler client) {
    online.add(client);
    onlineCount++;
    event(client.who() + " connected; " + onlineCount + " online");
    if (stopping) {
      client.disconnect(); // stop() ran before we were in the set: it could not see us
    }
  }

  /** Called by a client's thread for every line, before it answers. */
  void received(EchoClientHandler client, String line) {
    linesReceived.increment();
    if (verbose) {
      event(client.who() + " sent: " + EchoProtocol.visible(line));
    }
  }

  /** Called by a client's thread for every line over the limit; logged, as it may be an attack. */
  void refused(EchoClientHandler client) {
    linesReceived.increment();
    event(client.who() + " sent a line over " + LineReader.MAX_LINE_BYTES + " bytes: refused");
  }

  /** Called by a client's thread when the conversation is over, just before it closes. */
  synchronized void left(EchoClientHandler client, String why, Duration stayed, long lines) {
    online.remove(client);
    onlineCount--;
    event(
        "%s left (%s) after %s, %s sent; %d online"
            .formatted(
                client.who(),
                why,
                format(stayed),
                EchoProtocol.plural(lines, "line"),
                onlineCount));
    if (onlineCount == 0) {
      notifyAll(); // stop() may be waiting for the last client
    }
  }

  boolean isStopping() {
    return stopping;
  }

  /**
   * Stops accepting, disconnects every client, waits a moment for their threads to finish, and logs
   * a summary. Safe to call more than once and from any thread: the Ctrl+C handler calls it.
   */
  public void stop() {
    synchronized (this) {
      if (stopping) {
        return;
      }
      stopping = true;
    }
    try {
      listener.close(); // the accept loop's accept() fails at once, and the loop ends
    } catch (IOException e) {
      // Nothing else to do with a listener that will not close; the clients still go.
    }
    int disconnected = online.size();
    event("Shutting down: no new clients; disconnecting " + disconnected + " online");
    online.forEach(EchoClientHandler::disconnect);
    boolean allLeft = awaitEveryoneGone();
    event(
        "Stopped after %s: %s served, %s received; %d disconnected at shutdown%s"
            .formatted(
                format(Duration.ofNanos(System.nanoTime() - startNanos)),
                EchoProtocol.plural(clientsServed.sum(), "client"),
                EchoProtocol.plural(linesReceived.sum(), "line"),
                disconnected,
                allLeft ? "" : "; " + stillOnline() + " did not finish in time"));
  }

  @Override
  public void close() {
    stop();
  }

  private synchronized boolean awaitEveryoneGone() {
    long deadline = System.nanoTime() + STOP_GRACE.toNanos();
    try {
      while (onlineCount > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private synchronized int stillOnline() {
    return onlineCount;
  }

  /** Logs one event with a timestamp, so the log shows when each client came and went. */
  private void event(String text) {
    log.accept(LocalDateTime.now().format(TIME) + "  " + text);
  }

  private static void pause() {
    try {
      Thread.sleep(100); // let some clients leave before trying accept() again
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code 12 ms} under a second, {@code 4.2 s} under a minute, {@code 1:02:05} above. */
  static String format(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 1) {
      return duration.toMillis() + " ms";
    }
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
    return "%d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  /** The peer of a connected socket, as people type it: {@code 10.0.0.7:53422}. */
  static String endpoint(Socket socket) {
    return endpoint(socket.getInetAddress(), socket.getPort());
  }

  /** Formats an address the way people type it: {@code 10.0.0.7:5002}, {@code [::1]:5002}. */
  public static String endpoint(InetAddress address, int port) {
    String host = address.getHostAddress();
    return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
  }
}
