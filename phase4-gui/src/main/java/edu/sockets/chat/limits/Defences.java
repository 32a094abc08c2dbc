package edu.sockets.chat.limits;

import edu.sockets.chat.protocol.ServerMessage.Err;
import edu.sockets.chat.server.ChatState;
import edu.sockets.chat.server.Guard;
import edu.sockets.chat.server.Peer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * The server's {@link Guard} as its {@link Limits} say: the connection caps ({@link Admission}),
 * one {@link ConnectionWatch} per connection (its flood limit, and what the {@link Watchdog} needs
 * for heartbeats and timeouts), and the watchdog's thread.
 */
public final class Defences implements Guard {

  /** How long a refused client has to read its ERR SERVER_FULL and close. */
  private static final int REFUSAL_TIMEOUT_MILLIS = 1_000;

  private final Limits limits;
  private final Consumer<String> log;
  private final Admission admission;
  private final Watchdog watchdog;

  public Defences(Limits limits, Consumer<String> log) {
    this.limits = limits;
    this.log = log;
    this.admission = new Admission(limits);
    this.watchdog = new Watchdog(limits, System::nanoTime, log);
  }

  @Override
  public void start() {
    watchdog.start();
  }

  @Override
  public void close() {
    watchdog.close();
  }

  @Override
  public boolean admit(Socket socket, String address, ThreadFactory threads) {
    Err refusal = admission.admit(socket.getInetAddress());
    if (refusal == null) {
      return true;
    }
    log.accept(address + " refused: " + refusal.text());
    threads.newThread(() -> refuse(socket, refusal)).start();
    return false;
  }

  @Override
  public void release(Socket socket) {
    admission.release(socket.getInetAddress());
  }

  @Override
  public Watch watch(ChatState chat, Peer peer) {
    ConnectionWatch watch = new ConnectionWatch(chat, peer, limits, watchdog, log);
    watchdog.watch(watch);
    return watch;
  }

  /**
   * Tells a client over a cap why it is refused, before any banner, and closes. The client gets a
   * moment to close first: closing with its first line unread could reset the connection and
   * destroy the ERR before the client reads it.
   */
  private static void refuse(Socket socket, Err why) {
    try (socket) {
      socket.setSoTimeout(REFUSAL_TIMEOUT_MILLIS); // set first: it also bounds a TLS handshake
      socket.getOutputStream().write((why.toLine() + "\n").getBytes(StandardCharsets.UTF_8));
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
}
