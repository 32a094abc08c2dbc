package edu.sockets.broadcast.load;

import edu.sockets.broadcast.BroadcastClient;
import edu.sockets.broadcast.LineReader;
import java.io.IOException;
import java.io.InputStream;

/**
 * One reading client: reads everything that arrives, and checks and times each load line. It parses
 * bytes in place: at millions of lines a second, making a String of each would cost more than the
 * rest of the work.
 *
 * <p>Its counts are written by its own thread only; the generator reads them once that thread has
 * ended, except {@link #received}, which it watches for progress.
 */
final class Receiver {
  private final int self;
  private final InputStream in;
  private final LoadGenerator load;
  private final long expected;

  /** The sequence number expected next from each sender. */
  private final int[] next;

  /** The four numbers of the line being checked; reused, so checking allocates nothing. */
  private final long[] fields = new long[4];

  /** Written by this receiver's thread only, read by the main thread to see progress. */
  volatile long received;

  long bad;
  long outOfOrder;
  long lastDelivery;
  boolean cutOff;
  final Histogram latency = new Histogram();

  /** Set when the first client's sync line arrived: counted once. */
  private boolean synced;

  /** Reading client number {@code self} of {@code load}, from {@code in}. */
  Receiver(int self, InputStream in, LoadGenerator load) {
    this.self = self;
    this.in = in;
    this.load = load;
    LoadSettings settings = load.settings();
    this.expected = (long) (settings.clients() - 1) * settings.messages();
    this.next = new int[settings.clients()];
  }

  void run() {
    LineReader lines = new LineReader(in, BroadcastClient.MAX_RECEIVED_LINE_BYTES);
    try {
      for (int length = lines.next(); length >= 0; length = lines.next()) {
        if (check(lines.bytes(), lines.lineStart(), length)) {
          received++; // one writer, so no update is lost; volatile, so the main thread sees it
          if (received == expected) {
            load.finished();
          }
        }
      }
    } catch (IOException e) {
      // closeAll() ended the read, or the connection broke: either way, no more is coming.
    }
    if (!load.isClosing() && received < expected) {
      cutOff = true; // the server closed us before we had everything: do not wait for us
      load.finished();
    }
  }

  /** Checks one line; true if it is the next good load line from its sender, now timed. */
  private boolean check(byte[] bytes, int start, int length) {
    long now = System.nanoTime();
    int end = start + length;
    if (length >= 3 && bytes[start] == '*' && bytes[start + 1] == '*') {
      return false; // a server notice: welcome, joined, left
    }
    int close = Payload.indexOf(bytes, start, end, (byte) ']');
    if (length == 0 || bytes[start] != '[' || close < 0 || close + 2 >= end) {
      bad++;
      return false;
    }
    int colon = Payload.lastIndexOf(bytes, start, close, (byte) ':');
    long port = colon < 0 ? -1 : Payload.parseNumber(bytes, colon + 1, close);
    int sender = load.clientAt(port);
    if (bytes[close + 2] == 's') { // "sync N" from the first client, before the start
      if (!synced && sender == 0 && self != 0) {
        synced = true;
        load.synced();
      }
      return false;
    }
    if (!Payload.parse(bytes, close + 2, end, fields) || fields[0] != sender || sender == self) {
      bad++;
      return false;
    }
    if (fields[1] != next[sender]) {
      outOfOrder++;
      next[sender] = (int) fields[1] + 1;
      return false;
    }
    next[sender]++;
    latency.record((now - load.origin()) / 1000 - fields[2]);
    lastDelivery = now;
    return true;
  }
}
