package edu.sockets.broadcast.naive;

import edu.sockets.broadcast.BroadcastHub.Member;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The naive broadcast, kept to be compared with the {@code Outbox} ({@code server --broadcast
 * naive}): no queue and no writer thread, {@link #offer} writes to the client's socket on the
 * sender's thread. When this client does not read, its TCP buffers fill up (a few MiB on loopback)
 * and then that write blocks, and the sender's thread with it: no other client gets another line
 * from that sender.
 *
 * <p>It loses one more race: the welcome leaves during the hub's join, a moment before the newcomer
 * is on the list, so a line relayed in between does not reach it.
 */
public final class NaiveOutbox implements Member {

  private final String name;
  private final Socket socket;
  private final OutputStream out;

  /** Keeps two senders from interleaving their bytes on the socket. */
  private final ReentrantLock writing = new ReentrantLock();

  /**
   * A member that writes to {@code socket} at once.
   *
   * @param threads not used: this kind has no thread of its own
   */
  public NaiveOutbox(String name, Socket socket, ThreadFactory threads) throws IOException {
    this.name = name;
    this.socket = socket;
    this.out = socket.getOutputStream();
  }

  @Override
  public String name() {
    return name;
  }

  /** Writes the line now, on the caller's thread; never refuses one. */
  @Override
  public boolean offer(byte[] line) {
    writing.lock();
    try {
      out.write(line);
    } catch (IOException e) {
      // The connection is broken; this client's reader thread fails too, and leaves.
    } finally {
      writing.unlock();
    }
    return true;
  }

  /** Nothing to start: lines leave as they are offered. */
  @Override
  public void start() {}

  /** Everything offered is written already, so the connection closes at once. */
  @Override
  public void finish() {
    close();
  }

  @Override
  public boolean awaitFinished(Duration limit) {
    return true;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing a socket can fail only if it is broken already; either way it is closed now.
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
