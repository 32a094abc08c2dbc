package edu.sockets.chat.server;

import edu.sockets.chat.protocol.ErrorCode;
import edu.sockets.chat.protocol.ServerMessage.Err;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The chat server: listens, and gives each accepted connection a reader and a writer thread. The
 * chat's rules live in {@link ChatState}; this class is wiring, logging and shutting down.
 */
public final class ChatServer implements Closeable {

  /** How many connections the operating system may queue while we are not in accept(). */
  private static final int BACKLOG = 1024; // a thousand load-test users arrive at once

  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** How long a shutdown waits for clients to take their BYE and close. */
  private static final Duration GOODBYE_TIME = Duration.ofSeconds(3);

  /** How long a client has to complete the TLS handshake (a person never waits on it). */
  static final Duration HANDSHAKE_TIME = Duration.ofSeconds(10);

  /** After accept() fails (too many open files, say), how long before trying again. */
  private static final Duration ACCEPT_RETRY = Duration.ofMillis(100);

  /** How long a refused client has to read its ERR SERVER_FULL and close. */
  private static final int REFUSAL_TIMEOUT_MILLIS = 1_000;

  private final ServerSocket listener;
  private final Consumer<String> out;
  private final ChatState state;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Limits limits;
  private final Admission admission;
  private final Watchdog watchdog;
  private final AtomicInteger threads = new AtomicInteger(); // connection threads now running
  private volatile boolean shuttingDown;
  private final TlsHandshake tls; // null: plain TCP

  private ChatServer(ServerSocket listener, Consumer<String> out, ChatStore store, Config config) {
    this.listener = listener;
    this.out = out;
    this.tls =
        config.tls() == null ? null : new TlsHandshake(config.tls().context(), HANDSHAKE_TIME);
    this.state = new ChatState(Clock.systemUTC(), this::log, store, config.store());
    this.limits = config.limits();
    this.admission = new Admission(limits);
    this.watchdog = new Watchdog(limits, System::nanoTime, this::log);
  }

  /**
   * Starts listening on {@code host:port} (port 0: any free port) and prints where clients can
   * connect. Accounts live in memory only, and there is no history: for demos and tests.
   */
  public static ChatServer open(String host, int port, Consumer<String> out) throws IOException {
    return open(host, port, Config.DEFAULTS, out);
  }

  /**
   * As {@link #open(String, int, Consumer)}, as {@code config} says: keeping accounts, queued
   * messages and history in {@code chat.db} in the data folder (created on first run) or in memory,
   * and speaking TLS or plain TCP.
   *
   * @throws ChatStore.StoreException when the data folder or its database cannot be used
   */
  public static ChatServer open(String host, int port, Config config, Consumer<String> out)
      throws IOException {
    StoreOptions options = config.store();
    ChatStore store;
    if (options.dataDir() == null) {
      store = ChatStore.inMemory();
    } else {
      Path dir;
      try {
        dir = DataDirectory.prepare(options.dataDir());
      } catch (IOException e) {
        throw new ChatStore.StoreException(e.getMessage(), e);
      }
      store = ChatStore.open(dir);
    }
    try {
      return listen(host, port, out, store, config);
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private static ChatServer listen(
      String host, int port, Consumer<String> out, ChatStore store, Config config)
      throws IOException {
    ServerSocket listener = new ServerSocket(port, BACKLOG, InetAddress.getByName(host));
    out.accept("Listening on " + endpoint(listener.getInetAddress(), listener.getLocalPort()));
    if (listener.getInetAddress().isAnyLocalAddress()) {
      List<String> lan = lanAddresses(listener.getLocalPort());
      if (lan.isEmpty()) {
        out.accept("No network address besides loopback: only this machine can connect");
      }
      lan.forEach(address -> out.accept("Other machines can connect to " + address));
    }
    ChatServer server;
    try {
      server = new ChatServer(listener, out, store, config);
    } catch (RuntimeException e) {
      listener.close();
      throw e;
    }
    StoreOptions options = config.store();
    out.accept(
        "Data: %s (accounts: %d; history: %s)"
            .formatted(
                store.where(),
                server.state.accountCount(),
                options.history() == 0 ? "off" : "last " + options.history() + " messages"));
    return server;
  }

  /**
   * How a server runs: where it keeps accounts, queued messages and history, whether it speaks TLS
   * ({@code tls} null: plain TCP), and how it holds under abuse.
   */
  public record Config(StoreOptions store, ServerCertificate tls, Limits limits) {
    /**
     * As in version 1, with the default limits: accounts in memory only, no history, plain TCP. For
     * demos and tests.
     */
    public static final Config DEFAULTS =
        new Config(StoreOptions.inMemory().withHistory(0), null, Limits.DEFAULTS);

    public Config withStore(StoreOptions store) {
      return new Config(store, tls, limits);
    }

    public Config withTls(ServerCertificate tls) {
      return new Config(store, tls, limits);
    }

    public Config withLimits(Limits limits) {
      return new Config(store, tls, limits);
    }
  }

  public int port() {
    return listener.getLocalPort();
  }

  public ChatState state() {
    return state;
  }

  /** Connections open now (registered or not): for tests and the chapter's measurements. */
  public int connectionCount() {
    return admission.connections();
  }

  /** Reader, writer and refusal threads running now: two per connection when all is well. */
  public int threadCount() {
    return threads.get();
  }

  /** Accepts clients until {@link #shutdown()}, then waits a little for them to leave. */
  public void serve() throws IOException {
    watchdog.start();
    try {
      while (true) {
        Socket socket;
        try {
          socket = listener.accept();
        } catch (IOException e) {
          if (shuttingDown) {
            break; // shutdown() closed the listener to end this accept()
          }
          if (listener.isClosed()) {
            throw e;
          }
          // Out of file descriptors, say, under a flood of connections: that passes when some
          // close, so wait a little rather than stop serving everyone.
          log("accept failed (" + e.getMessage() + "); trying again");
          pause(ACCEPT_RETRY);
          continue;
        }
        start(socket);
      }
      awaitGoodbyes();
    } finally {
      watchdog.close();
      try {
        state.close(); // history still waiting is written; then the database is closed
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      stopped.countDown();
    }
  }

  /**
   * Runs {@link #serve()} on a thread of its own, for programs that hold a server beside other work
   * (the demos, the screenshots, tests). A failure of the listener is printed on its log.
   */
  public Thread serveInBackground(String threadName) {
    return Thread.ofPlatform()
        .daemon()
        .name(threadName)
        .start(() -> {
          try {
            serve();
          } catch (IOException e) {
            log("stopped: " + e.getMessage());
          }
        });
  }

  /** Tells every client goodbye ({@code INFO}, {@code BYE}) and ends {@link #serve()}. */
  public void shutdown() {
    if (shuttingDown) {
      return;
    }
    shuttingDown = true;
    log("shutting down");
    state.shutdown();
    close();
  }

  /** Waits until {@link #serve()} has returned, for a Ctrl+C handler. */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops listening. */
  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // Closing a listener that failed: nothing left to do with it.
    }
  }

  private void start(Socket socket) {
    String address = endpoint(socket.getInetAddress(), socket.getPort());
    String refusal = admission.admit(socket.getInetAddress());
    if (refusal != null) {
      log(address + " refused: " + refusal);
      connectionThreads().newThread(() -> refuse(socket, refusal)).start();
      return;
    }
    try {
      // Chat lines are small and a person waits for each: send them now, not 40 ms later
      // (Nagle's algorithm). The writer batches lines itself when there are many.
      socket.setTcpNoDelay(true);
    } catch (SocketException e) {
      // A connection that is already broken: its reader will find out and clean up.
    }
    log(address + " connected" + (tls == null ? "" : " (TLS handshake next)"));
    open.add(socket);
    // Virtual threads: a thread per connection (two, with its writer) costs a few kilobytes, so
    // a thousand users need no pool and no callbacks; blocking reads stay simple to read.
    Thread reader =
        connectionThreads()
            .newThread(() -> {
              try {
                Socket secured = tls == null ? socket : secure(socket, address);
                if (secured != null) {
                  serveConnection(secured, socket, address);
                }
              } finally {
                open.remove(socket);
                admission.release(socket.getInetAddress());
              }
            });
    reader.setName("reader " + address);
    reader.start();
  }

  /** Serves one connection (over TLS, {@code tcp} is the socket under {@code socket}). */
  private void serveConnection(Socket socket, Socket tcp, String address) {
    ClientConnection connection =
        new ClientConnection(socket, tcp, address, state, this::log, limits, connectionThreads());
    watchdog.watch(connection);
    try {
      connection.serve();
    } finally {
      watchdog.unwatch(connection);
    }
  }

  /** Virtual threads, counted while they run (see {@link #threadCount()}). */
  private ThreadFactory connectionThreads() {
    return task ->
        Thread.ofVirtual()
            .unstarted(() -> {
              threads.incrementAndGet();
              try {
                task.run();
              } finally {
                threads.decrementAndGet();
              }
            });
  }

  /**
   * Tells a client over a cap why it is refused, before any banner, and closes. The client gets a
   * moment to close first: closing with its first line unread could reset the connection and
   * destroy the ERR before the client reads it.
   */
  private static void refuse(Socket socket, String why) {
    try (socket) {
      socket.setSoTimeout(REFUSAL_TIMEOUT_MILLIS); // set first: it also bounds a TLS handshake
      socket
          .getOutputStream()
          .write(
              (Err.of(ErrorCode.SERVER_FULL, why).toLine() + "\n")
                  .getBytes(StandardCharsets.UTF_8));
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      byte[] ignored = new byte[1024];
      long budget = 64 * 1024; // read a little of what it sent; then close anyway
      for (int n = in.read(ignored); n > 0 && budget > 0; n = in.read(ignored)) {
        budget -= n;
      }
    } catch (IOException e) {
      // Timed out, reset, or gone: the socket is closed either way.
    }
  }

  private static void pause(Duration time) {
    try {
      Thread.sleep(time);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The TLS handshake, on the connection's thread; null (logged, closed) if it failed. */
  private Socket secure(Socket socket, String address) {
    try {
      Socket secured = tls.handshake(socket);
      log(address + " TLS established");
      return secured;
    } catch (IOException e) {
      log(address + " " + e.getMessage());
      try {
        socket.close();
      } catch (IOException closing) {
        // Closing anyway.
      }
      return null;
    }
  }

  /** Gives clients a moment to read their BYE and close, then closes what is left. */
  private void awaitGoodbyes() {
    long deadline = System.nanoTime() + GOODBYE_TIME.toNanos();
    while (!open.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10); // polling a set that many threads shrink; a shutdown happens once
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (Socket socket : open) {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing anyway.
      }
    }
  }

  private void log(String message) {
    out.accept(LocalDateTime.now().format(LOG_TIME) + " " + message);
  }

  /** Formats an address the way people type it: {@code 10.0.0.7:5004}, {@code [::1]:5004}. */
  static String endpoint(InetAddress address, int port) {
    String host = address.getHostAddress();
    return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
  }

  /** The addresses other machines can use to reach a server listening on every interface. */
  private static List<String> lanAddresses(int port) throws SocketException {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address)
        .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .map(a -> endpoint(a, port))
        .toList();
  }
}
