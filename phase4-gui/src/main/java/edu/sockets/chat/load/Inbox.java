package edu.sockets.chat.load;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What one load user receives, checked line by line as bytes: every message of the run must arrive
 * intact, from each sender in order, and each is timed. There is no socket here, so the checks are
 * unit-tested with made-up bytes, and the load generator runs them on made-up lines before it
 * connects, so that they are compiled before the clock starts ({@link LoadGenerator}).
 *
 * <p>A load message, as the server relays it: {@code MSG 2026-11-22T05:55:40.096Z ld7081-12 * 12 57
 * 1834}. The server stamped the time and the name ({@code ld7081-} is the run's prefix, 12 the
 * sending user); the text is the sender's number again (so the server's attribution is checked),
 * its sequence number, and when it was sent, in microseconds since the run started.
 *
 * <p>Not thread-safe: each user's inbox is used by the one thread that reads its socket.
 */
final class Inbox {

  private static final byte[] MSG = ascii("MSG ");
  private static final byte[] WELCOME = ascii("WELCOME ");
  private static final byte[] ERR = ascii("ERR ");
  private static final byte[] EVERYONE = ascii("* ");

  private final byte[] prefix;
  private final long[] nextSeq; // per sender, the sequence number expected next

  final LatencyHistogram latency = new LatencyHistogram();
  long received; // intact load messages, in order or not
  long misordered; // ... whose sequence number was not the one expected next
  long corrupted; // lines from this run's users that are not a well-formed load message
  boolean welcomed; // the server accepted this user's name
  String refusal; // the first ERR line the server sent, if any

  private int at; // where the line being checked is read next

  /**
   * @param namePrefix the run's name prefix: user {@code i} is called {@code namePrefix + i}
   * @param senders how many users send
   */
  Inbox(String namePrefix, int senders) {
    this.prefix = ascii(namePrefix);
    this.nextSeq = new long[senders];
  }

  /** The text of sender's message number {@code seq}, sent {@code micros} after the start. */
  static String text(int sender, int seq, long micros) {
    return sender + " " + seq + " " + micros;
  }

  /**
   * Checks every complete line in {@code buffer[0, length)}, then moves what is left (the start of
   * a line still on its way) to the front of the buffer and returns its length.
   *
   * @param start the {@link System#nanoTime()} when the run started
   * @param now the {@link System#nanoTime()} when these bytes were read
   */
  int take(byte[] buffer, int length, long start, long now) {
    int lineStart = 0;
    for (int i = 0; i < length; i++) {
      if (buffer[i] == '\n') {
        line(buffer, lineStart, i, start, now);
        lineStart = i + 1;
      }
    }
    System.arraycopy(buffer, lineStart, buffer, 0, length - lineStart);
    return length - lineStart;
  }

  private void line(byte[] b, int from, int end, long start, long now) {
    if (startsWith(b, from, end, MSG)) {
      message(b, from, end, start, now);
    } else if (startsWith(b, from, end, WELCOME)) {
      welcomed = true;
    } else if (startsWith(b, from, end, ERR) && refusal == null) {
      refusal = new String(b, from, end - from, StandardCharsets.UTF_8);
    }
    // Anything else (the banner, others arriving) carries nothing to check.
  }

  /** {@code MSG <ts> <prefix><sender> * <sender> <seq> <micros>}. */
  private void message(byte[] b, int from, int end, long start, long now) {
    at = from + MSG.length;
    int tsEnd = indexOf(b, at, end, (byte) ' ');
    if (tsEnd < 0 || !startsWith(b, tsEnd + 1, end, prefix)) {
      // Not from one of this run's users (someone else on the server): not ours to check. A
      // line of ours damaged this badly does not count as received, so it still shows as lost.
      return;
    }
    boolean intact = tsEnd - at >= 20 && b[tsEnd - 1] == 'Z'; // 2026-11-22T05:55:40Z at least
    at = tsEnd + 1 + prefix.length;
    long named = number(b, end, ' ');
    intact &= startsWith(b, at, end, EVERYONE);
    at += EVERYONE.length;
    long sender = number(b, end, ' ');
    long seq = number(b, end, ' ');
    long micros = number(b, end, '\n');
    if (!intact
        || named < 0
        || sender != named
        || sender >= nextSeq.length
        || seq < 0
        || micros < 0) {
      corrupted++;
      return;
    }
    if (seq != nextSeq[(int) sender]) {
      misordered++;
    }
    nextSeq[(int) sender] = seq + 1;
    latency.record(now - start - micros * 1000);
    received++;
  }

  /**
   * Reads the decimal number at {@link #at}, which must be followed by {@code stop} (by the end of
   * the line when {@code stop} is LF), and moves past both; -1 if there is no such number.
   */
  private long number(byte[] b, int end, char stop) {
    long value = 0;
    int digits = 0;
    while (at < end && b[at] >= '0' && b[at] <= '9' && digits < 18) {
      value = value * 10 + (b[at] - '0');
      digits++;
      at++;
    }
    boolean stopped = stop == '\n' ? at == end : at < end && b[at] == stop;
    at++;
    return digits > 0 && stopped ? value : -1;
  }

  private static int indexOf(byte[] b, int from, int end, byte wanted) {
    for (int i = from; i < end; i++) {
      if (b[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] b, int from, int end, byte[] prefix) {
    return end - from >= prefix.length
        && Arrays.equals(b, from, from + prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
