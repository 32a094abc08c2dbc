package edu.sockets.broadcast;

import edu.sockets.broadcast.BroadcastHub.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * Serves one connected client with two threads: this one reads the client's lines and hands them to
 * the hub; a writer thread sends what the hub queues for the client.
 */
final class ClientHandler implements Runnable {

  /** How long a leaving client's last lines may take to be sent before we close anyway. */
  static final Duration LINGER = Duration.ofSeconds(5);

  private final Socket socket;
  private final BroadcastHub hub;
  private final ThreadFactory threads;
  private final boolean naive;
  private final Consumer<String> log;

  ClientHandler(
      Socket socket, BroadcastHub hub, ThreadFactory threads, boolean naive, Consumer<String> log) {
    this.socket = socket;
    this.hub = hub;
    this.threads = threads;
    this.naive = naive;
    this.log = log;
  }

  @Override
  public void run() {
    String name = BroadcastServer.endpoint(socket.getInetAddress(), socket.getPort());
    // The handler closes the socket, not the accept loop: only this thread knows when the client
    // is done. try-with-resources closes it on every path.
    try (socket) {
      OutputStream out = socket.getOutputStream();
      Outbox outbox = naive ? Outbox.naive(name, socket, out) : Outbox.queued(name, socket);
      Thread writer = naive ? null : threads.newThread(() -> write(outbox, out));
      hub.join(outbox);
      // The writer starts only now: the client cannot read its welcome before it is on the list,
      // so a line someone sends after the welcome arrived reaches it. (In naive mode the welcome
      // leaves during join, a moment before the newcomer is added: one more race it loses.)
      if (writer != null) {
        writer.start();
      }
      Reason reason = relay(outbox);
      hub.leave(outbox, reason);
      if (reason == Reason.EXIT) {
        hub.tell(outbox, BroadcastHub.goodbye(name));
      }
      outbox.finish();
      if (writer != null && !writer.join(LINGER)) {
        log.accept(name + " did not read its last lines for " + LINGER.toSeconds() + " s");
      }
    } catch (IOException e) {
      log.accept(name + ": " + e.getMessage()); // the socket broke before we could use it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is stopping; the socket closes now
    }
  }

  /** Reads the client's lines until it leaves, and says why it left. */
  private Reason relay(Outbox me) {
    try {
      LineReader in = new LineReader(socket.getInputStream());
      while (true) {
        String line;
        try {
          line = in.readLine();
        } catch (LineReader.LineTooLongException e) {
          // Refused, not relayed, and the connection goes on: the reader skips the rest of it.
          log.accept(me.name() + " sent a line over " + LineReader.MAX_LINE_BYTES + " bytes");
          hub.tell(me, BroadcastHub.TOO_LONG);
          continue;
        }
        if (line == null) {
          return Reason.CLOSED; // end of stream: the client closed its side
        }
        if (line.strip().equals("/exit")) {
          return Reason.EXIT;
        }
        hub.broadcast(me, line);
      }
    } catch (IOException e) {
      // Also how a dropped client's reader ends: the hub closed the socket under it.
      String message = String.valueOf(e.getMessage());
      return message.contains("reset") ? Reason.RESET : Reason.LOST;
    }
  }

  /** The writer thread: sends the queued lines, then tells the client there is no more. */
  private void write(Outbox outbox, OutputStream out) {
    try {
      outbox.writeTo(out);
      // FIN after the last line: the client reads everything we sent, then end of stream.
      socket.shutdownOutput();
    } catch (IOException e) {
      // The connection is broken (reset, or closed by a drop or a shutdown). The reader's next
      // read fails too, and it tells the hub why the client left.
    } catch (InterruptedException e) {
      outbox.close(); // nothing interrupts a writer today; if something does, end the client
    }
  }
}
