package edu.sockets.chat.server;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One client's bounded queue of outgoing lines, and the loop its writer thread runs. Senders never
 * wait here: {@link #offer} either queues the line or says the queue is full. Only the writer
 * thread touches the socket, so a client that stops reading blocks its own writer and nobody else.
 */
final class Outbox {

  /**
   * The most bytes that may wait for one client, beyond the batch being written. 1 MiB holds a
   * whole 100 x 100 load run (about 800 KB per client), so a client that keeps reading is never
   * dropped for being a little behind, while one that stops costs at most this much memory.
   */
  static final int MAX_QUEUED_BYTES = 1 << 20;

  /** Lines are gathered into writes of up to this size: one system call for many small lines. */
  private static final int WRITE_BUFFER_BYTES = 64 * 1024;

  private final int maxQueuedBytes;
  // A ReentrantLock rather than synchronized: on JDK 21 a virtual thread that waits inside
  // synchronized pins its carrier thread, and the writers are virtual threads.
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  // Guarded by lock. The writer swaps queue and spare, then writes the batch outside the lock,
  // so a socket that is slow to take bytes never holds up a sender.
  private ArrayDeque<byte[]> queue = new ArrayDeque<>();
  private ArrayDeque<byte[]> spare = new ArrayDeque<>();
  private int queuedBytes;
  private boolean finishing; // no more lines; the writer ends once the queue is written
  private boolean aborted; // the writer ends now

  Outbox() {
    this(MAX_QUEUED_BYTES);
  }

  Outbox(int maxQueuedBytes) {
    this.maxQueuedBytes = maxQueuedBytes;
  }

  /** Queues a line; false when it does not fit. Lines offered after finish or abort are dropped. */
  boolean offer(byte[] line) {
    lock.lock();
    try {
      if (finishing || aborted) {
        return true; // the connection is ending; what it would have said no longer matters
      }
      if (queuedBytes + line.length > maxQueuedBytes) {
        return false;
      }
      queue.add(line);
      queuedBytes += line.length;
      if (queue.size() == 1) {
        changed.signal(); // the writer sleeps only on an empty queue: wake it for the first line
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** The writer writes what is queued, then {@link #drainTo} returns. */
  void finish() {
    lock.lock();
    try {
      finishing = true;
      changed.signal();
    } finally {
      lock.unlock();
    }
  }

  /** The writer stops without writing what is queued. */
  void abort() {
    lock.lock();
    try {
      aborted = true;
      queue.clear();
      changed.signal();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The writer thread's loop: writes queued lines to {@code out} until {@link #finish} (true: all
   * written) or {@link #abort} (false).
   */
  boolean drainTo(OutputStream out) throws IOException, InterruptedException {
    BufferedOutputStream buffered = new BufferedOutputStream(out, WRITE_BUFFER_BYTES);
    while (true) {
      ArrayDeque<byte[]> batch;
      boolean last;
      lock.lock();
      try {
        while (queue.isEmpty() && !finishing && !aborted) {
          changed.await();
        }
        if (aborted) {
          return false;
        }
        batch = queue;
        queue = spare;
        spare = batch;
        queuedBytes = 0;
        last = finishing;
      } finally {
        lock.unlock();
      }
      // Everything that piled up while we were writing goes out in one batch and one flush:
      // under load, many lines per system call instead of one.
      for (byte[] line : batch) {
        buffered.write(line);
      }
      batch.clear();
      buffered.flush();
      if (last) {
        return true;
      }
    }
  }
}
