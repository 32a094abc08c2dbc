package edu.sockets.broadcast;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client's outgoing lines: a queue bounded in bytes, and the writer thread that sends them.
 * Whoever broadcasts only adds to the queue, which never blocks; only this client's own writer
 * waits for this client's network.
 */
public final class Outbox implements BroadcastHub.Member {

  /**
   * How many bytes may wait for one client before the server gives up on it: about 20,000 chat
   * lines, or 127 lines of the longest kind. A client that keeps reading stays far below it (100
   * clients sending 100 lines each at once put less than 450 KiB in each queue); one that has
   * stopped reading reaches it and is dropped, so it costs us 1 MiB at most, not all our memory.
   */
  static final int MAX_QUEUED_BYTES = 1 << 20;

  /** Placed last in the queue by {@link #finish()}: the writer stops when it gets there. */
  private static final byte[] END = new byte[0];

  /** The most pieces (a line, or lines that arrived together) the writer takes at once. */
  private static final int BATCH_LINES = 1024;

  /** The writer's buffer: this much leaves in one system call when lines are waiting. */
  private static final int WRITE_BUFFER_BYTES = 64 * 1024;

  private final String name;
  private final Socket socket;
  private final ThreadFactory threads;

  /**
   * Bounded by {@link #queuedBytes}, not by a count of lines, because memory is what we protect: a
   * count would have to allow for 8 KiB lines. (An ArrayBlockingQueue would also allocate its whole
   * array up front, for every client, idle or not.)
   */
  private final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();

  /** Bytes offered and not yet written; above {@link #MAX_QUEUED_BYTES} the client is dropped. */
  private final AtomicInteger queuedBytes = new AtomicInteger();

  /**
   * Started by {@link #start()}, waited for by {@link #awaitFinished}: both on the handler's
   * thread.
   */
  private Thread writer;

  /**
   * An outbox for one client, whose writer thread starts with {@link #start()}.
   *
   * @param name the client's {@code ip:port}, as the server sees it
   * @param socket closed to drop the client, which also ends its reader and writer
   * @param threads makes the writer thread
   */
  public Outbox(String name, Socket socket, ThreadFactory threads) {
    this.name = name;
    this.socket = socket;
    this.threads = threads;
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * Queues a line, or lines in one array, for this client; never waits.
   *
   * @return false when the line would take this client over {@link #MAX_QUEUED_BYTES}: the hub then
   *     drops the client
   */
  @Override
  public boolean offer(byte[] line) {
    // Counted before it is queued, so the bound holds even with many broadcasters at once. Once
    // over, the count stays over, and every later offer fails too: the client is being dropped.
    if (queuedBytes.addAndGet(line.length) > MAX_QUEUED_BYTES) {
      return false;
    }
    queue.add(line);
    return true;
  }

  /** The bytes waiting for this client, for tests and the log. */
  int queuedBytes() {
    return queuedBytes.get();
  }

  /** Takes the lines waiting, oldest first, as the writer would: for tests without a network. */
  List<byte[]> takeQueued() {
    List<byte[]> lines = new ArrayList<>();
    queue.drainTo(lines);
    lines.forEach(line -> queuedBytes.addAndGet(-line.length));
    lines.remove(END);
    return lines;
  }

  /**
   * No more lines will come: the writer sends what is queued, then {@link #writeTo} returns. If the
   * queue is over its bound, this client does not read, so the connection is closed instead.
   */
  @Override
  public void finish() {
    if (queuedBytes.get() > MAX_QUEUED_BYTES) {
      close();
    } else {
      queue.add(END);
    }
  }

  /**
   * Closes the connection now. The client's reader thread, blocked in read, and its writer, perhaps
   * blocked in write to a client that does not read, both fail at once and end.
   */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing a socket can fail only if it is broken already; either way it is closed now.
    }
  }

  /** Starts the writer thread. */
  @Override
  public void start() {
    writer = threads.newThread(this::write);
    writer.start();
  }

  @Override
  public boolean awaitFinished(Duration limit) throws InterruptedException {
    return writer.join(limit);
  }

  /** The writer thread: sends the queued lines, then tells the client there is no more. */
  private void write() {
    try {
      writeTo(socket.getOutputStream());
      // FIN after the last line: the client reads everything we sent, then end of stream.
      socket.shutdownOutput();
    } catch (IOException e) {
      // The connection is broken (reset, or closed by a drop or a shutdown). The reader's next
      // read fails too, and it tells the hub why the client left.
    } catch (InterruptedException e) {
      close(); // nothing interrupts a writer today; if something does, end the client
    }
  }

  /**
   * The writer thread's loop: sends the queued lines to {@code socket} until it reaches the end
   * that {@link #finish()} marks, and returns.
   *
   * @throws IOException if the connection is broken
   */
  void writeTo(OutputStream socket) throws IOException, InterruptedException {
    // Lines are gathered here and leave in one write system call when it is full or flushed.
    OutputStream out = new BufferedOutputStream(socket, WRITE_BUFFER_BYTES);
    List<byte[]> batch = new ArrayList<>(BATCH_LINES);
    boolean finished = false;
    while (!finished) {
      batch.add(queue.take()); // sleeps until there is a line to send
      // Take whatever else is waiting too: under load that is hundreds of lines at once.
      queue.drainTo(batch, BATCH_LINES - 1);
      for (byte[] line : batch) {
        if (line == END) {
          finished = true; // what comes after it came too late: the client has left
          break;
        }
        out.write(line);
        // Counted out piece by piece: what is handed to the socket no longer counts against it.
        queuedBytes.addAndGet(-line.length);
      }
      batch.clear();
      // Flush only when nothing else is waiting: if more lines came while we wrote, they join
      // this write. This is what turns a million deliveries into a few thousand system calls.
      if (finished || queue.isEmpty()) {
        out.flush();
      }
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
