package edu.sockets.multiclient.grading;

import static java.nio.charset.StandardCharsets.UTF_8;

import edu.sockets.grading.Endpoint;
import edu.sockets.grading.Timing;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client that sends lines and never reads the answers, on a thread of its own. Once its receive
 * buffer is full, the server's write of the next answer blocks, the server stops reading, and this
 * client's sends block in turn: from then on the flood is stuck, until {@link #close()}.
 *
 * <p>It opens its own connection, because it needs a small receive buffer, which the kit's wire
 * does not offer: with the default one, and its automatic growth, the server's writes would block
 * only after megabytes, seconds later on a busy machine.
 */
final class Flood implements AutoCloseable {

  /** The most it sends: far more than the socket buffers of both sides hold. */
  static final long LIMIT = 64 << 20;

  /**
   * Small, and fixed (a size set by the program does not grow by itself): the server's writes then
   * block after a few answers, and this client's sends soon after.
   */
  private static final int BUFFER = 16 * 1024;

  /** A line of 8,000 bytes, under the limit, so that the server answers it. */
  private static final byte[] LINE = ("z".repeat(7999) + "\n").getBytes(UTF_8);

  private final Socket socket;
  private final AtomicLong sent = new AtomicLong();
  private volatile long progressNanos = System.nanoTime();
  private final Thread sender;

  private Flood(Socket socket) {
    this.socket = socket;
    this.sender = Thread.ofPlatform().daemon().name("flood").start(this::send);
  }

  /** Connects to {@code endpoint} and starts flooding it. */
  static Flood start(Endpoint endpoint, Timing timing) throws IOException {
    Socket socket = new Socket();
    try {
      socket.setReceiveBufferSize(BUFFER); // before connect(): the handshake announces its window
      socket.setSendBufferSize(BUFFER);
      socket.connect(
          new InetSocketAddress(endpoint.host(), endpoint.port()),
          Math.toIntExact(timing.connect().toMillis()));
      return new Flood(socket);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  private void send() {
    try {
      OutputStream out = socket.getOutputStream();
      while (sent.get() < LIMIT) {
        out.write(LINE);
        sent.addAndGet(LINE.length);
        progressNanos = System.nanoTime();
      }
    } catch (IOException e) {
      // The server ended the connection, or close() did: the flood is over.
    }
  }

  /** The bytes sent so far. */
  long sent() {
    return sent.get();
  }

  /**
   * True once no send has returned for {@code quiet}, or the flood is over.
   *
   * @param sinceNanos a {@link System#nanoTime()}: true only if the flood was stuck already then
   */
  boolean stuck(Duration quiet, long sinceNanos) {
    long progress = progressNanos;
    boolean stillStuck = !sender.isAlive() || System.nanoTime() - progress >= quiet.toNanos();
    return stillStuck && progress < sinceNanos;
  }

  /** Ends the flood: its blocked send fails at once. */
  @Override
  public void close() throws IOException {
    socket.close();
  }
}
