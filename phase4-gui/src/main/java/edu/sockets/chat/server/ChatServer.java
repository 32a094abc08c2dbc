package edu.sockets.chat.server;

import java.io.Closeable;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The accept loop: a reader and a writer thread for each connection, and the shutting down. */
public final class ChatServer implements Closeable {

  // Connections the operating system may queue while we are not in accept(): a thousand
  // load-test users arrive at once.
  private static final int BACKLOG = 1024;
  private static final Duration GOODBYE_TIME = Duration.ofSeconds(3); // to read BYE and close
  private static final Duration ACCEPT_RETRY = Duration.ofMillis(100);

  private final ServerSocket listener;
  private final Consumer<String> log;
  private final ChatState state;
  private final Extensions extensions; // chapter 4c's parts
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicInteger threads = new AtomicInteger(); // connection threads now running
  private volatile boolean shuttingDown;

  private ChatServer(ServerSocket listener, Extensions extensions, Consumer<String> out) {
    this.listener = listener;
    this.log = ServerLog.to(out);
    this.state = new ChatState(Clock.systemUTC(), log, extensions.accounts(), extensions.history());
    this.extensions = extensions;
  }

  /** Listens on {@code host:port} (0: any free port); {@code out} gets the log from then on. */
  public static ChatServer open(String host, int port, Extensions extensions, Consumer<String> out)
      throws IOException {
    ServerSocket listener = new ServerSocket(port, BACKLOG, InetAddress.getByName(host));
    out.accept("Listening on " + endpoint(listener.getInetAddress(), listener.getLocalPort()));
    return new ChatServer(listener, extensions, out);
  }

  public int port() {
    return listener.getLocalPort();
  }

  public ChatState state() {
    return state;
  }

  public int connectionCount() {
    return open.size();
  }

  /** Two per connection (its reader and writer) when all is well. */
  public int threadCount() {
    return threads.get();
  }

  /** Accepts clients until {@link #shutdown()}, then waits a little for them to leave. */
  public void serve() throws IOException {
    extensions.guard().start();
    try {
      acceptUntilShutdown();
      awaitGoodbyes();
    } finally {
      extensions.guard().close();
      extensions.closeStorage(log);
      stopped.countDown();
    }
  }

  /** For demos and tests: {@link #serve()} on a daemon thread; a failure goes to the log. */
  public Thread serveInBackground(String threadName) {
    return Thread.ofPlatform()
        .daemon()
        .name(threadName)
        .start(() -> {
          try {
            serve();
          } catch (IOException e) {
            log.accept("stopped: " + e.getMessage());
          }
        });
  }

  /** Tells every client goodbye ({@code INFO}, {@code BYE}) and ends {@link #serve()}. */
  public void shutdown() {
    if (shuttingDown) {
      return;
    }
    shuttingDown = true;
    log.accept("shutting down");
    state.shutdown();
    close();
  }

  /** For a Ctrl+C handler: waits until {@link #serve()} has returned. */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    closeQuietly(listener);
  }

  /** An address as people type it: {@code 10.0.0.7:5004}, {@code [::1]:5004}. */
  public static String endpoint(InetAddress address, int port) {
    String host = address.getHostAddress();
    return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
  }

  private void acceptUntilShutdown() throws IOException {
    while (true) {
      try {
        start(listener.accept());
      } catch (IOException e) {
        if (shuttingDown) {
          return; // shutdown() closed the listener to end this accept()
        }
        if (listener.isClosed()) {
          throw e;
        }
        // Out of file descriptors, say, under a flood of connections: that passes when some
        // close, so wait a little rather than stop serving everyone.
        log.accept("accept failed (" + e.getMessage() + "); trying again");
        try {
          Thread.sleep(ACCEPT_RETRY);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private void start(Socket socket) {
    String address = endpoint(socket.getInetAddress(), socket.getPort());
    if (!extensions.guard().admit(socket, address, this::countedThread)) {
      return; // refused: the guard tells the client why, and closes the socket
    }
    try {
      // Chat lines are small and a person waits for each: send them now, not 40 ms later
      // (Nagle's algorithm). The writer batches lines itself when there are many.
      socket.setTcpNoDelay(true);
    } catch (SocketException e) {
      // A connection that is already broken: its reader will find out and clean up.
    }
    log.accept(address + " connected" + extensions.transport().whatNext());
    open.add(socket);
    Thread reader =
        countedThread(() -> {
          try {
            serveConnection(socket, address);
          } finally {
            open.remove(socket);
            extensions.guard().release(socket);
          }
        });
    reader.setName("reader " + address);
    reader.start();
  }

  /** On the connection's reader thread: its transport (TLS, or nothing), then the chat. */
  private void serveConnection(Socket tcp, String address) {
    try {
      Socket socket = extensions.transport().open(tcp, address);
      ClientConnection connection = new ClientConnection(socket, tcp, address, state, log);
      connection.serve(extensions.guard().watch(state, connection), this::countedThread);
    } catch (IOException e) { // from the transport: serve() handles its own
      log.accept(address + " " + e.getMessage());
      closeQuietly(tcp);
    }
  }

  /**
   * A virtual thread, counted while it runs. Virtual: a thread costs a few kilobytes, so a thousand
   * users need no pool and no callbacks, and blocking reads stay simple to read.
   */
  private Thread countedThread(Runnable task) {
    return Thread.ofVirtual()
        .unstarted(() -> {
          threads.incrementAndGet();
          try {
            task.run();
          } finally {
            threads.decrementAndGet();
          }
        });
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
    open.forEach(ChatServer::closeQuietly);
  }

  static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // Closing a socket that failed, or at the end: nothing left to do with it.
    }
  }
}
