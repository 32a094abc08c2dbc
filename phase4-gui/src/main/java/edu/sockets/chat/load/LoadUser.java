package edu.sockets.chat.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLSocket;

/**
 * One simulated user: a socket, read by a reader thread (a selector's, or with TLS one of its own),
 * written by a sender thread. What it receives goes through its {@link Inbox}; what that counts is
 * reported to the {@link LoadRun}.
 */
final class LoadUser {

  final int index;
  final SocketChannel channel;
  private final LoadRun run;
  // Only this user's reader thread touches these; the generator reads the inbox after joining it.
  private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
  final Inbox inbox;
  private boolean counted; // counted as welcomed in the run
  private SSLSocket tls; // with --tls: read by a thread of its own, not by a Selector
  private OutputStream tlsOut;

  LoadUser(int index, SocketChannel channel, String prefix, LoadRun run) {
    this.index = index;
    this.channel = channel;
    this.run = run;
    this.inbox = new Inbox(prefix, run.settings.clients());
  }

  /** From now on this user speaks TLS, over its channel's socket. */
  void secure(SSLSocket socket) throws IOException {
    tls = socket;
    tlsOut = socket.getOutputStream();
  }

  boolean isTls() {
    return tls != null;
  }

  /** Sends its messages, on a schedule when there is a rate. */
  void send() {
    double rate = run.settings.rate();
    long interval = rate > 0 ? (long) (1e9 / rate) : 0;
    // Users start at different points of the first interval, so they do not send in bursts.
    long next = run.start() + (interval * index) / run.settings.clients();
    try {
      for (int seq = 0; seq < run.settings.messages() && !run.stopping(); seq++) {
        if (interval > 0) {
          // Sleep until the scheduled time, not for a fixed time after sending: a slow send
          // must not quietly lower the rate (and hide latency).
          long wait = next - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          next += interval;
        }
        // Microseconds since the start, not System.nanoTime() itself: 7 digits instead of 13
        // in each of the million lines of a run, which the server and we both handle.
        long micros = (System.nanoTime() - run.start()) / 1_000;
        write(Inbox.text(index, seq, micros) + "\n");
      }
    } catch (IOException e) {
      run.fail("user " + index + " could not send: " + e.getMessage());
    }
  }

  void write(String line) throws IOException {
    if (tls == null) {
      write(channel, line);
    } else {
      tlsOut.write(line.getBytes(StandardCharsets.US_ASCII));
      tlsOut.flush();
    }
  }

  /**
   * Writes a whole line to a non-blocking channel (the selector needs them so). When the socket's
   * buffer is full (the server is behind), it backs off briefly instead of spinning on a core the
   * server needs.
   */
  static void write(SocketChannel channel, String line) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
    while (bytes.hasRemaining()) {
      if (channel.write(bytes) == 0) {
        LockSupport.parkNanos(100_000);
      }
    }
  }

  /** With --tls, this user's reader thread: reads and checks until the connection ends. */
  void readTls() {
    try {
      InputStream in = tls.getInputStream();
      while (!run.stopping()) {
        int n = in.read(buffer.array(), buffer.position(), buffer.remaining());
        if (n > 0) {
          buffer.position(buffer.position() + n);
        }
        if (!took(n, System.nanoTime())) {
          return;
        }
      }
    } catch (IOException e) {
      lostConnection(e.getMessage());
    }
  }

  /** Reads what is there and checks each complete line; false at end of stream. */
  boolean readAvailable(long now) {
    int n;
    try {
      n = channel.read(buffer);
    } catch (IOException e) {
      lostConnection(e.getMessage());
      return false;
    }
    return took(n, now);
  }

  /** Checks the lines completed by the {@code n} bytes just read; false at end of stream. */
  private boolean took(int n, long now) {
    if (n < 0) {
      lostConnection("the server closed it");
      return false;
    }
    long before = inbox.received;
    buffer.position(inbox.take(buffer.array(), buffer.position(), run.start(), now));
    if (!counted && inbox.welcomed) {
      counted = true;
      run.welcomed();
    }
    if (inbox.refusal != null) {
      run.fail("the server refused user %d: %s".formatted(index, inbox.refusal));
    }
    if (inbox.received > before) {
      run.delivered(before, inbox.received, now);
    }
    if (!buffer.hasRemaining()) {
      run.fail("a line longer than " + buffer.capacity() + " bytes");
      return false;
    }
    return true;
  }

  private void lostConnection(String why) {
    if (inbox.received < run.expectedEach && !run.stopping()) {
      run.fail("user " + index + " lost its connection: " + why);
    }
  }
}
