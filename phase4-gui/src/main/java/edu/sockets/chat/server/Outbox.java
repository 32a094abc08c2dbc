package edu.sockets.chat.server;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One client's bounded queue of outgoing lines, and its writer thread's loop. Senders never wait:
 * {@link #offer} queues the lines (one or more, in one array) or says the queue is full. Only the
 * writer touches the socket, so a client that stops reading blocks its own writer and nobody else.
 * No lock: the readers of every other client offer here, and the writer must never wait for them.
 */
final class Outbox {

  // What may wait for one client: a whole 100 x 100 load run (about 530 KB), so a reader a little
  // behind is never dropped, while one that stops costs at most this much.
  static final int MAX_QUEUED_BYTES = 1 << 20;

  private static final int WRITE_BATCH_BYTES = 64 * 1024; // many small lines, one system call

  // After a write, the writer waits 2 ms before looking again: a line to an idle writer leaves at
  // once, and under steady traffic the next lines leave in one write. -Dchat.linger.micros=0: off.
  static final long LINGER_NANOS = Long.getLong("chat.linger.micros", 2_000) * 1_000;

  private final int maxQueuedBytes;
  private final ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queuedBytes = new AtomicInteger();
  private volatile boolean finishing; // no more lines; the writer ends once the queue is written
  private volatile boolean aborted; // the writer ends now
  private volatile boolean writerParked; // the writer found nothing to do and is waiting
  private volatile Thread writer;
  private byte[] batch = new byte[WRITE_BATCH_BYTES]; // only the writer's

  Outbox() {
    this(MAX_QUEUED_BYTES);
  }

  Outbox(int maxQueuedBytes) {
    this.maxQueuedBytes = maxQueuedBytes;
  }

  /** Queues lines; false when they do not fit. After finish or abort, lines are dropped. */
  boolean offer(byte[] line) {
    if (finishing || aborted) {
      return true; // the connection is ending; what it would have said no longer matters
    }
    if (queuedBytes.addAndGet(line.length) > maxQueuedBytes) {
      queuedBytes.addAndGet(-line.length);
      return false;
    }
    queue.add(line);
    wakeWriter();
    return true;
  }

  /** The writer writes what is queued, then stops. */
  void finish() {
    finishing = true;
    wakeWriter();
  }

  /** The writer stops without writing what is queued. */
  void abort() {
    aborted = true;
    queue.clear();
    wakeWriter();
  }

  private void wakeWriter() {
    // Only a parked writer needs waking; unparking a running thread costs for nothing. If the
    // writer parks just after this check, it first looks at the queue again (see drainTo).
    if (writerParked) {
      LockSupport.unpark(writer);
    }
  }

  /** The writer thread's loop; true after {@link #finish}, false after {@link #abort}. */
  boolean drainTo(OutputStream out) throws IOException {
    writer = Thread.currentThread();
    while (!aborted) {
      boolean last = finishing; // read before taking: every line queued before it is taken
      int length = takeBatch();
      if (length > 0) {
        out.write(batch, 0, length); // everything that piled up: one system call
        if (!last && LINGER_NANOS > 0) {
          LockSupport.parkNanos(LINGER_NANOS);
        }
        continue;
      }
      if (last) {
        return true;
      }
      writerParked = true;
      if (queue.isEmpty() && !finishing && !aborted) { // checked again after announcing the park
        LockSupport.park(this);
      }
      writerParked = false;
    }
    return false;
  }

  /** Moves queued lines into {@link #batch}, up to about its size; returns how many bytes. */
  private int takeBatch() {
    int length = 0;
    byte[] line;
    while (length < WRITE_BATCH_BYTES && (line = queue.poll()) != null) {
      if (length + line.length > batch.length) {
        batch = Arrays.copyOf(batch, length + line.length); // a line longer than a batch
      }
      System.arraycopy(line, 0, batch, length, line.length);
      length += line.length;
    }
    queuedBytes.addAndGet(-length); // once per batch, not once per line: fewer shared writes
    return length;
  }
}
