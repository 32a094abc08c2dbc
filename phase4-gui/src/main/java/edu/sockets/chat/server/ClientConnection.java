package edu.sockets.chat.server;

import edu.sockets.chat.protocol.LineReader;
import edu.sockets.chat.protocol.LineReader.LineTooLongException;
import edu.sockets.chat.protocol.Replies;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * One client's connection: its reader thread (the one in {@link #serve}) hands each line to {@link
 * ChatState}; its writer thread empties its {@link Outbox} onto the socket.
 */
final class ClientConnection implements Peer {

  private static final int CLOSING_TIMEOUT_MILLIS = 2_000; // after BYE, for the client to close

  // Lines that came in one read are handed over together. -Dchat.together=false: one line at a
  // time, each its own turn of the lock (to measure what handing over together saves).
  static final boolean TOGETHER = !"false".equals(System.getProperty("chat.together"));

  private final Socket socket;
  private final Socket tcp; // the TCP socket under TLS, or the same socket as above
  private final String address;
  private final ChatState state;
  private final Consumer<String> log;
  private final Outbox outbox = new Outbox();
  private Guard.Watch watch = Guard.Watch.NONE; // set by serve, on the reader thread

  ClientConnection(
      Socket socket, Socket tcp, String address, ChatState state, Consumer<String> log) {
    this.socket = socket;
    this.tcp = tcp;
    this.address = address;
    this.state = state;
    this.log = log;
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
    watch.heartbeat();
  }

  /** Reads lines until the connection ends, each shown to {@code watch} first (chapter 4c). */
  void serve(Guard.Watch watch, ThreadFactory threads) {
    this.watch = watch;
    Thread writer = threads.newThread(this::write);
    writer.setName("writer " + address);
    writer.start();
    state.connect(this);
    String ending = "closed the connection";
    // The reader thread owns the socket and closes it once the client is gone. The writer only
    // half-closes it after a goodbye; a broken client (a failed write, a full queue) has it
    // closed early from another thread, which ends this thread's read with an exception.
    try (socket) {
      readUntilEnd(new LineReader(watch.input(socket.getInputStream())));
    } catch (SocketTimeoutException e) {
      ending = "did not close after BYE; closed it";
    } catch (IOException e) {
      ending = "connection ended (" + e.getMessage() + ")";
    } finally {
      state.disconnect(this); // nothing to do if it left with /exit or was kicked
      outbox.abort();
      watch.close();
      log.accept(address + " " + ending);
    }
  }

  /**
   * Hands each line to the chat until the client closes its side. Lines that came in one read are
   * handed over together, in one turn of the chat's lock (chapter 4a, 3.2); a line is never held
   * back waiting for the next one.
   */
  private void readUntilEnd(LineReader in) throws IOException {
    List<String> lines = new ArrayList<>();
    while (true) {
      String line;
      try {
        line = in.readLine();
      } catch (LineTooLongException e) {
        handOver(lines); // the lines before it first
        if (watch.lineRead(in.isInsideLine())) {
          state.tell(this, Replies.lineTooLong(LineReader.MAX_LINE_BYTES)); // and read on
        } else {
          watch.refused();
        }
        continue;
      }
      if (line == null) {
        return; // end of stream: the client closed its side
      }
      if (watch.lineRead(in.isInsideLine())) {
        lines.add(line);
      } else {
        handOver(lines); // the lines before it first, then what the refusal says
        watch.refused();
      }
      if (!TOGETHER || !in.hasCompleteLine()) {
        handOver(lines); // the next read would wait for the client: handle what we have
      }
    }
  }

  private void handOver(List<String> lines) {
    if (!lines.isEmpty()) {
      state.receive(this, lines);
      lines.clear();
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
    // The TCP socket: closing a TLS socket first sends close_notify, which waits for a write that
    // is blocked on a client that does not read; closing under it ends that write too.
    ChatServer.closeQuietly(tcp);
  }
}
