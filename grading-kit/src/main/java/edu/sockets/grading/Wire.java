package edu.sockets.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * One connection to the graded server, as a check drives it: bytes out, and in, everything that
 * arrives, kept so that a failure can quote it. Reads never throw: every wait ends in a {@link
 * Reply} that says how it ended (a line, silence, the server closing, a reset); sends never throw
 * either, and a failed one shows in the next read.
 */
public final class Wire implements AutoCloseable {

  /** More than this without a line feed is not a line any phase sends. */
  static final int MAX_PENDING = 4 << 20;

  /**
   * The pause between the pieces of a line sent in pieces. Pacing, not synchronisation: it makes
   * each piece leave in a segment of its own, so the server's recv() returns them one by one.
   */
  static final Duration PIECE_GAP = Duration.ofMillis(20);

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final Timing timing;

  /** Bytes received and not yet taken: {@code buffer[start..end)}. */
  private byte[] buffer = new byte[64 * 1024];

  private int start;
  private int end;

  /** How the connection ended, once it has: CLOSED or RESET. */
  private Reply.End over;

  private long received;

  /** A send failed: the server's side is gone, and later sends are skipped. */
  private boolean sendFailed;

  Wire(Socket socket, Timing timing) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.timing = timing;
  }

  /** This end's {@code ip:port} as the server sees it (unless a NAT router sits between). */
  public String localEndpoint() {
    InetAddress address = socket.getLocalAddress();
    String host = address.getHostAddress();
    return (address instanceof Inet6Address ? "[" + host + "]" : host)
        + ":"
        + socket.getLocalPort();
  }

  /** All the bytes received so far, taken or not. */
  public long received() {
    return received;
  }

  /**
   * True when the server ended this connection before sending a single byte. For a server that
   * exits after each client, that is also what a connection queued by the previous, exiting process
   * looks like.
   */
  public boolean endedSilently() {
    return received == 0 && over != null;
  }

  /** Sends the text as UTF-8, exactly as given: include the {@code \n}. */
  public void send(String text) {
    send(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends the bytes. A server may close before it has read them all: the send then fails, and the
   * next read says how the connection ended, with what arrived before.
   */
  public void send(byte[] bytes) {
    if (sendFailed) {
      return;
    }
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      // "Broken pipe" or "Connection reset": the server's side is gone. What it sent before is
      // still there to read, and the read after it says how the connection ended.
      sendFailed = true;
    }
  }

  /** Sends each piece in a segment of its own, {@link #PIECE_GAP} apart. */
  public void sendInPieces(List<byte[]> pieces) throws InterruptedException {
    try {
      socket.setTcpNoDelay(true); // otherwise Nagle's algorithm would gather the pieces again
    } catch (IOException e) {
      sendFailed = true; // the socket is closed already
    }
    for (byte[] piece : pieces) {
      send(piece);
      Thread.sleep(PIECE_GAP);
    }
  }

  /** Sends the bytes one at a time, each in a segment of its own. */
  public void sendByteByByte(byte[] bytes) throws InterruptedException {
    List<byte[]> pieces = new ArrayList<>();
    for (byte b : bytes) {
      pieces.add(new byte[] {b});
    }
    sendInPieces(pieces);
  }

  /** The next line, waiting at most the timing's answer time. */
  public Reply readLine() {
    return readLine(timing.answer());
  }

  /** The next line, waiting at most {@code wait} for it. */
  public Reply readLine(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      int lineFeed = indexOfLineFeed();
      if (lineFeed >= 0) {
        return new Reply(take(lineFeed + 1 - start), Reply.End.LINE, wait);
      }
      if (end - start >= MAX_PENDING) {
        return new Reply(take(end - start), Reply.End.OVERFLOW, wait);
      }
      Reply.End ending = fill(deadline);
      if (ending != null) {
        return new Reply(take(end - start), ending, wait);
      }
    }
  }

  /**
   * Reads lines until one satisfies {@code wanted}, for at most {@code wait}, keeping the others: a
   * check reads past lines it does not expect instead of stopping at the first surprise.
   */
  public Search awaitLine(Predicate<String> wanted, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    List<Reply> others = new ArrayList<>();
    while (true) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      Reply reply = readLine(left);
      if (!reply.isLine()) {
        return new Search(null, others, new Reply(reply.bytes(), reply.end(), wait));
      }
      if (wanted.test(reply.text())) {
        return new Search(reply, others, reply);
      }
      others.add(reply);
    }
  }

  /** {@link #awaitLine(Predicate, Duration)} with the timing's answer time. */
  public Search awaitLine(Predicate<String> wanted) {
    return awaitLine(wanted, timing.answer());
  }

  /**
   * Everything that arrives until the server has been silent for the timing's quiet time (or the
   * connection ends), for at most {@code atMost} in all.
   */
  public Reply drain(Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    Reply.End ending = null;
    while (ending == null && end - start < MAX_PENDING) {
      long quietEnd = System.nanoTime() + timing.quiet().toNanos();
      ending = fill(Math.min(deadline, quietEnd));
    }
    return new Reply(take(end - start), ending == null ? Reply.End.OVERFLOW : ending, atMost);
  }

  /** Everything that arrives until the connection ends or {@code wait} passes (then QUIET). */
  public Reply awaitEnd(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    Reply.End ending = null;
    while (ending == null && end - start < MAX_PENDING) {
      ending = fill(deadline);
    }
    return new Reply(take(end - start), ending == null ? Reply.End.OVERFLOW : ending, wait);
  }

  /** Closes this side gracefully: the server reads end of stream. */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing a socket that already failed: there is nothing left to release.
    }
  }

  /**
   * Closes with a reset (RST) instead of FIN: the server's read fails with "connection reset", and
   * no TIME_WAIT is left on either side.
   */
  public void abort() {
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException e) {
      // Already closed: it cannot be reset any more.
    }
    close();
  }

  /** Closes only the sending half: the server reads end of stream, and can still answer. */
  public void shutdownOutput() throws IOException {
    socket.shutdownOutput();
  }

  /** Reads what the socket has, until {@code deadlineNanos}; null if bytes came, else the end. */
  private Reply.End fill(long deadlineNanos) {
    if (over != null) {
      return over;
    }
    long leftMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
    if (leftMillis <= 0) {
      return Reply.End.QUIET;
    }
    makeRoom();
    try {
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMillis));
      int count = in.read(buffer, end, buffer.length - end);
      if (count < 0) {
        over = Reply.End.CLOSED; // read() returned -1: the server closed its side
        return over;
      }
      end += count;
      received += count;
      return null;
    } catch (SocketTimeoutException e) {
      return Reply.End.QUIET;
    } catch (IOException e) {
      over = Reply.End.RESET; // "Connection reset", or this socket closed when a check timed out
      return over;
    }
  }

  private void makeRoom() {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
  }

  private int indexOfLineFeed() {
    for (int i = start; i < end; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private byte[] take(int count) {
    byte[] taken = Arrays.copyOfRange(buffer, start, start + count);
    start += count;
    return taken;
  }

  /**
   * The result of {@link #awaitLine}: the wanted line, or null, with the other lines that came
   * first and how the wait ended.
   */
  public record Search(Reply found, List<Reply> others, Reply last) {

    public boolean succeeded() {
      return found != null;
    }

    /** For a diagnosis: {@code 2 other lines ("a\n", "b\n"), then nothing within 2 s}. */
    public String describe() {
      if (others.isEmpty()) {
        return last.describe();
      }
      List<String> shown = others.stream().limit(3).map(Reply::describe).toList();
      String more = others.size() > 3 ? ", ..." : "";
      return "%s (%s%s), then %s"
          .formatted(
              Quote.count(others.size(), "other line"),
              String.join(", ", shown),
              more,
              last.describe());
    }
  }
}
