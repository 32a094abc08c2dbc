package edu.sockets.chat.server;

import edu.sockets.chat.protocol.ErrorCode;
import edu.sockets.chat.protocol.LineReader;
import edu.sockets.chat.protocol.LineReader.LineTooLongException;
import edu.sockets.chat.protocol.ServerMessage.Err;
import edu.sockets.chat.protocol.ServerMessage.Ping;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * One client's connection: a reader thread (the one that calls {@link #serve()}) that turns lines
 * into calls on {@link ChatState}, and a writer thread that empties the client's {@link Outbox}
 * onto the socket. The reader also keeps the connection's {@link Activity} for the {@link Watchdog}
 * and refuses lines over the {@link FloodGuard}'s rate.
 */
final class ClientConnection implements Peer {

  /** After BYE, how long the client has to close its side before we close ours. */
  private static final int CLOSING_TIMEOUT_MILLIS = 2_000;

  private final Socket socket;
  private final Socket tcp; // the TCP socket under TLS, or the same socket as above
  private final String address;
  private final ChatState state;
  private final Consumer<String> log;
  private final Outbox outbox = new Outbox();
  private final Limits limits;
  private final ThreadFactory threads;
  private final Activity activity = new Activity(System.nanoTime());
  private final FloodGuard flood;
  private boolean flooded; // told to go for flooding: what it still sends is read and dropped

  /**
   * A connection on {@code socket}; over TLS, {@code tcp} is the TCP socket under it (otherwise the
   * same socket).
   */
  ClientConnection(
      Socket socket,
      Socket tcp,
      String address,
      ChatState state,
      Consumer<String> log,
      Limits limits,
      ThreadFactory threads) {
    this.socket = socket;
    this.tcp = tcp;
    this.address = address;
    this.state = state;
    this.log = log;
    this.limits = limits;
    this.threads = threads;
    this.flood = new FloodGuard(limits, activity.connectedAt);
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public boolean send(byte[] line) {
    return outbox.offer(line);
  }

  @Override
  public void closeAfterSending() {
    outbox.finish();
  }

  @Override
  public void abort() {
    outbox.abort();
    closeSocket(); // ends a write blocked on a client that does not read, and our reader too
  }

  @Override
  public void pong() {
    activity.heartbeat = true;
  }

  Activity activity() {
    return activity;
  }

  /** Sends a heartbeat; the watchdog's thread calls this. */
  void ping(String token) {
    state.tell(this, new Ping(token));
  }

  /** Says {@code ERR TIMEOUT <why>} and closes; the watchdog's thread calls this. */
  void timeOut(String why) {
    log.accept(address + " timed out: " + why);
    state.expel(this, Err.of(ErrorCode.TIMEOUT, why), "timeout");
  }

  boolean isRegistered() {
    return state.registered(this);
  }

  /** Reads the client's lines until the connection ends; then closes the socket. */
  void serve() {
    Thread writer = threads.newThread(this::write);
    writer.setName("writer " + address);
    writer.start();
    state.connect(this);
    String ending = "closed the connection";
    // The reader thread owns the socket and closes it once the client is gone. The writer only
    // half-closes it after a goodbye; a broken client (a failed write, a full queue) has it
    // closed early from another thread, which ends this thread's read with an exception.
    try (socket) {
      LineReader in = new LineReader(new Watched(socket.getInputStream()));
      while (true) {
        String line;
        try {
          line = in.readLine();
        } catch (LineTooLongException e) {
          lineEnded(in);
          if (withinRate()) {
            state.lineTooLong(this, LineReader.MAX_LINE_BYTES); // the line is gone; go on reading
          }
          continue;
        }
        if (line == null) {
          break; // end of stream: the client closed its side
        }
        lineEnded(in);
        if (withinRate()) {
          state.receive(this, line);
        }
      }
    } catch (SocketTimeoutException e) {
      ending = "did not close after BYE; closed it";
    } catch (IOException e) {
      ending = "connection ended (" + e.getMessage() + ")";
    } finally {
      state.disconnect(this); // nothing to do if it left with /exit or was kicked
      outbox.abort();
      log.accept(address + " " + ending);
    }
  }

  /** A line was read: the client is alive, and the next line starts with the bytes left over. */
  private void lineEnded(LineReader in) {
    activity.lastLineAt = System.nanoTime();
    // Bytes of the next line already read arrived with the last read; else no line has started.
    activity.lineStartedAt = in.isInsideLine() ? activity.lastBytesAt : Activity.NONE;
  }

  /** Asks the flood guard about the line just read: true to handle it. */
  private boolean withinRate() {
    if (flooded) {
      return false;
    }
    long now = System.nanoTime();
    return switch (flood.check(now)) {
      case PASS -> true;
      case REFUSE -> false;
      case REFUSE_AND_WARN -> {
        state.tell(
            this,
            Err.of(
                ErrorCode.RATE_LIMITED,
                "slow down: at most %s lines a second (%d at once); lines are being dropped"
                    .formatted(Limits.number(limits.rateLimit()), limits.burst())));
        yield false;
      }
      case DISCONNECT -> {
        flooded = true;
        activity.closingSince = now; // the watchdog closes it if it goes on sending
        log.accept(address + " disconnected for flooding");
        state.expel(
            this,
            Err.of(ErrorCode.KICKED, "flooding: too many lines after RATE_LIMITED"),
            "flooding");
        yield false;
      }
    };
  }

  /** The socket's input, noting for the watchdog when bytes arrive and when we wait for them. */
  private final class Watched extends FilterInputStream {
    Watched(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      activity.waitingForBytes = true;
      int n;
      try {
        n = in.read(b, off, len);
      } finally {
        activity.waitingForBytes = false;
      }
      if (n > 0) {
        long now = System.nanoTime();
        activity.lastBytesAt = now;
        if (activity.lineStartedAt == Activity.NONE) {
          activity.lineStartedAt = now; // the first byte of a line: its clock starts
        }
      }
      return n;
    }
  }

  /** The writer thread: queued lines to the socket, then, after BYE, end of stream. */
  private void write() {
    try {
      if (outbox.drainTo(socket.getOutputStream())) {
        // Everything is written: send FIN, then let the reader wait a little for the client to
        // close its side. Closing at once could reset the connection and lose the BYE.
        socket.shutdownOutput();
        socket.setSoTimeout(CLOSING_TIMEOUT_MILLIS);
      }
    } catch (IOException e) {
      closeSocket(); // the client is gone; the reader finds out at its next read
    }
  }

  private void closeSocket() {
    try {
      // The TCP socket: closing a TLS socket first sends close_notify, which waits for a write
      // that is blocked on a client that does not read; closing under it ends that write too.
      tcp.close();
    } catch (IOException e) {
      // Closing a socket that failed: nothing left to do with it.
    }
  }
}
