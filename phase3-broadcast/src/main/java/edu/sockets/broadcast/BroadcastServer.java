package edu.sockets.broadcast;

import edu.sockets.broadcast.BroadcastHub.Member;
import java.io.Closeable;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The Phase 3 server: accepts clients until stopped, each served by a {@link ClientHandler}. */
public final class BroadcastServer implements Closeable {

  /** How many connections the operating system may queue while we are not in accept(). */
  private static final int BACKLOG = 1024;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

  /** How long clients get, at shutdown, to read the goodbye notice before they are cut off. */
  private static final Duration GRACE = Duration.ofSeconds(2);

  /**
   * Two threads per client, most of them waiting on a socket or a queue. Virtual threads make that
   * cheap: a few KiB each instead of a 1 MiB stack, so 1,000 clients cost 2,000 of them without a
   * thought.
   */
  private final ThreadFactory threads = Thread.ofVirtual().name("client-", 0).factory();

  private final ServerSocket listener;
  private final Member.Kind kind;
  private final Consumer<String> log;
  private final BroadcastHub hub;

  /** Every client socket not yet closed, so that a shutdown can close the stragglers. */
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private BroadcastServer(ServerSocket listener, Member.Kind kind, Consumer<String> log) {
    this.listener = listener;
    this.kind = kind;
    this.log = log;
    this.hub = new BroadcastHub(this::event);
  }

  /**
   * Starts listening on {@code host:port} (port 0: any free port), and says so.
   *
   * @param kind the kind of member every client gets: {@code Outbox::new}, this chapter's queue and
   *     writer, or the naive kind it is compared with
   * @param log where the server's messages go, one line each
   */
  public static BroadcastServer open(String host, int port, Member.Kind kind, Consumer<String> log)
      throws IOException {
    ServerSocket listener = new ServerSocket(port, BACKLOG, InetAddress.getByName(host));
    log.accept("Listening on " + endpoint(listener.getInetAddress(), listener.getLocalPort()));
    return new BroadcastServer(listener, kind, log);
  }

  public int port() {
    return listener.getLocalPort();
  }

  /**
   * Accepts clients until {@link #close()} is called, then says goodbye to every client, closes
   * them all, and returns when their threads have ended.
   */
  public void serve() throws InterruptedException {
    int served = 0;
    try (ExecutorService handlers = Executors.newThreadPerTaskExecutor(threads)) {
      while (true) {
        Socket socket;
        try {
          socket = listener.accept();
        } catch (IOException e) {
          if (listener.isClosed()) {
            break; // close() was called: time to stop
          }
          // Most likely out of file descriptors; clients that leave will free some. Waiting a
          // little keeps this loop from spinning meanwhile.
          event("accept failed: " + e.getMessage());
          Thread.sleep(100);
          continue;
        }
        served++;
        open.add(socket);
        handlers.execute(() -> serveOne(socket));
      }
      event("stopping (" + hub.size() + " online)");
      hub.shutdown();
      handlers.shutdown();
      if (!handlers.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        // Those still here do not read; closing their sockets ends their threads at once.
        open.forEach(BroadcastServer::closeQuietly);
      }
    }
    log.accept(
        "Server stopped: %d clients served, %d lines relayed".formatted(served, hub.relayed()));
  }

  /** Stops accepting; {@link #serve()} then closes every client and returns. Any thread. */
  @Override
  public void close() throws IOException {
    listener.close();
  }

  private void serveOne(Socket socket) {
    try {
      // Send each flush at once: Nagle's algorithm would hold a small write back until the
      // previous one is acknowledged, adding delay to a chat line for nothing.
      socket.setTcpNoDelay(true);
      new ClientHandler(socket, hub, kind, threads, this::event).run();
    } catch (SocketException e) {
      event(e.getMessage());
    } finally {
      closeQuietly(socket);
      open.remove(socket);
    }
  }

  /** A line of the server's log, with the time of day in front. */
  private void event(String text) {
    log.accept(TIME.format(LocalTime.now()) + " " + text);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // It was broken already; either way it is closed now.
    }
  }

  /** Formats an address the way people type it: {@code 10.0.0.7:5003}, {@code [::1]:5003}. */
  public static String endpoint(InetAddress address, int port) {
    String host = address.getHostAddress();
    return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
  }
}
