package edu.sockets.chat.server;

import java.io.Closeable;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

  private final ServerSocket listener;
  private final Consumer<String> out;
  private final ChatState state;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean shuttingDown;
  private final TlsHandshake tls; // null: plain TCP

  private ChatServer(ServerSocket listener, Consumer<String> out, ChatStore store, Config config) {
    this.listener = listener;
    this.out = out;
    this.tls =
        config.tls() == null ? null : new TlsHandshake(config.tls().context(), HANDSHAKE_TIME);
    this.state = new ChatState(Clock.systemUTC(), this::log, store, config.store());
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
   * How a server runs: where it keeps accounts, queued messages and history, and whether it speaks
   * TLS ({@code tls} null: plain TCP).
   */
  public record Config(StoreOptions store, ServerCertificate tls) {
    /** As in version 1: accounts in memory only, no history, plain TCP. For demos and tests. */
    public static final Config DEFAULTS = new Config(StoreOptions.inMemory().withHistory(0), null);

    public Config withStore(StoreOptions store) {
      return new Config(store, tls);
    }

    public Config withTls(ServerCertificate tls) {
      return new Config(store, tls);
    }
  }

  public int port() {
    return listener.getLocalPort();
  }

  public ChatState state() {
    return state;
  }

  /** Accepts clients until {@link #shutdown()}, then waits a little for them to leave. */
  public void serve() throws IOException {
    try {
      while (true) {
        Socket socket;
        try {
          socket = listener.accept();
        } catch (SocketException e) {
          if (shuttingDown) {
            break; // shutdown() closed the listener to end this accept()
          }
          throw e;
        }
        start(socket);
      }
      awaitGoodbyes();
    } finally {
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
    Thread.ofVirtual()
        .name("reader " + address)
        .start(() -> {
          try {
            Socket secured = tls == null ? socket : secure(socket, address);
            if (secured != null) {
              new ClientConnection(secured, socket, address, state, this::log).serve();
            }
          } finally {
            open.remove(socket);
          }
        });
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
