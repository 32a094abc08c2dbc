package edu.sockets.chat.grading;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One connection of a {@link StudentServer}: its name and rooms, and a queue of lines that its own
 * writer thread sends, so that a client that stops reading holds up nobody but itself.
 */
final class GalleryClient {

  /** What may wait for a client before it is dropped, as PROTOCOL.md says. */
  static final int MAX_QUEUED_BYTES = 1 << 20;

  private static final byte[] END = new byte[0];

  final Socket socket;
  final Set<String> rooms = new LinkedHashSet<>(); // room keys; guarded by the server
  String name; // null until registered; guarded by the server
  boolean left; // it has left the chat (its reader ended, or it was dropped); guarded by the server

  private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
  private long queuedBytes; // guarded by this

  GalleryClient(Socket socket) throws IOException {
    this.socket = socket;
    // A send buffer of a size a lab network gives: on loopback the system lets several MB wait in
    // it before a client that does not read fills its queue, and the slow-reader checks run longer.
    socket.setSendBufferSize(64 * 1024);
    Thread.ofPlatform().daemon().name("gallery writer").start(this::write);
  }

  /** Queues a line; false when 1 MiB is waiting already. */
  synchronized boolean offer(byte[] line) {
    if (queuedBytes + line.length > MAX_QUEUED_BYTES) {
      return false;
    }
    queuedBytes += line.length;
    queue.add(line);
    return true;
  }

  /** Writes a line at once, on the caller's thread: what a server without queues does. */
  void writeNow(byte[] line) throws IOException {
    OutputStream out = socket.getOutputStream();
    synchronized (out) {
      out.write(line);
      out.flush();
    }
  }

  /** The writer sends what is queued, then closes the connection. */
  void closeAfterSending() {
    queue.add(END);
  }

  /** Closes at once, without sending what is queued. */
  void close() {
    queue.add(END); // the writer ends too
    try {
      socket.close(); // also ends a write blocked on a client that does not read
    } catch (IOException e) {
      // Already closed: nothing left to release.
    }
  }

  private void write() {
    try {
      for (byte[] line = queue.take(); line != END; line = queue.take()) {
        synchronized (this) {
          queuedBytes -= line.length;
        }
        writeNow(line);
      }
    } catch (IOException | InterruptedException e) {
      // The connection is gone; the reader sees it too and says goodbye for it.
    }
    close();
  }
}
