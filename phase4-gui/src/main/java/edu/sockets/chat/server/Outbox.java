package edu.sockets.chat.server;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One client's bounded queue of outgoing lines, and the loop its writer thread runs. Senders never
 * wait here: {@link #offer} either queues the line or says the queue is full. Only the writer
 * thread touches the socket, so a client that stops reading blocks its own writer and nobody else.
 *
 * <p>Without a lock: in a busy room every line passes through here once per receiver (a million
 * times in the 100 x 100 benchmark), and with a lock the writer and the senders kept handing it to
 * each other (a third of the server's time went there, measured with Flight Recorder). A lock-free
 * queue, a byte counter and a park/unpark handshake do the same job.
 */
final class Outbox {

  /**
   * The most bytes that may wait for one client. 1 MiB holds a whole 100 x 100 load run (about 530
   * KB per client), so a client that keeps reading is never dropped for being a little behind,
   * while one that stops costs at most this much memory (plus its socket buffers).
   */
  static final int MAX_QUEUED_BYTES = 1 << 20;

  /** Lines are gathered into writes of up to this size: one system call for many small lines. */
  private static final int WRITE_BUFFER_BYTES = 64 * 1024;

  /**
   * After a write, the writer waits this long before looking for more lines. A line that finds an
   * idle writer still leaves at once; under steady traffic the lines of the next {@code LINGER} go
   * out in one write instead of one each. With 200 users each sending 10 lines a second, every
   * writer would otherwise wake and write 2,000 times a second, and wake-ups and system calls, not
   * bytes, would be what the two cores spend their time on. The price is at most this much latency,
   * far below what a person notices (the same trade as Nagle's algorithm, which waits up to 40 ms).
   * {@code -Dchat.linger.micros=0} turns it off.
   */
  static final long LINGER_NANOS = Long.getLong("chat.linger.micros", 2_000) * 1_000;

  private final int maxQueuedBytes;
  private final ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queuedBytes = new AtomicInteger();
  private volatile boolean finishing; // no more lines; the writer ends once the queue is written
  private volatile boolean aborted; // the writer ends now
  private volatile boolean writerParked; // the writer found nothing to do and is waiting
  private volatile Thread writer;

  Outbox() {
    this(MAX_QUEUED_BYTES);
  }

  Outbox(int maxQueuedBytes) {
    this.maxQueuedBytes = maxQueuedBytes;
  }

  /** Queues a line; false when it does not fit. Lines offered after finish or abort are dropped. */
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

  /** The writer writes what is queued, then {@link #drainTo} returns. */
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

  /**
   * The writer thread's loop: writes queued lines to {@code out} until {@link #finish} (true: all
   * written) or {@link #abort} (false).
   */
  boolean drainTo(OutputStream out) throws IOException {
    writer = Thread.currentThread();
    BufferedOutputStream buffered = new BufferedOutputStream(out, WRITE_BUFFER_BYTES);
    boolean unflushed = false;
    while (!aborted) {
      boolean last = finishing; // read before polling: every line queued before it is polled
      byte[] line = queue.poll();
      if (line != null) {
        queuedBytes.addAndGet(-line.length);
        buffered.write(line); // into the buffer; a full buffer goes to the socket
        unflushed = true;
        continue;
      }
      if (unflushed) {
        // Everything that piled up went into one buffer: now one flush, one system call.
        buffered.flush();
        unflushed = false;
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
}
