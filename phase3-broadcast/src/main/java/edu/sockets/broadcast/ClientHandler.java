package edu.sockets.broadcast;

import edu.sockets.broadcast.BroadcastHub.Member;
import edu.sockets.broadcast.BroadcastHub.Reason;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * Serves one connected client: this thread reads the client's lines and hands them to the hub,
 * while the client's {@link Member} sends what the hub gives it (the {@link Outbox} on a writer
 * thread of its own).
 */
final class ClientHandler implements Runnable {

  /** How long a leaving client's last lines may take to be sent before we close anyway. */
  static final Duration LINGER = Duration.ofSeconds(5);

  private final Socket socket;
  private final BroadcastHub hub;
  private final Member.Kind kind;
  private final ThreadFactory threads;
  private final Consumer<String> log;

  ClientHandler(
      Socket socket,
      BroadcastHub hub,
      Member.Kind kind,
      ThreadFactory threads,
      Consumer<String> log) {
    this.socket = socket;
    this.hub = hub;
    this.kind = kind;
    this.threads = threads;
    this.log = log;
  }

  @Override
  public void run() {
    String name = BroadcastServer.endpoint(socket.getInetAddress(), socket.getPort());
    // The handler closes the socket, not the accept loop: only this thread knows when the client
    // is done. try-with-resources closes it on every path.
    try (socket) {
      Member member = kind.open(name, socket, threads);
      hub.join(member);
      // Sending starts only now: the client cannot read its welcome before it is on the list, so
      // a line someone sends after the welcome arrived reaches it.
      member.start();
      Reason reason = relay(member);
      hub.leave(member, reason);
      if (reason == Reason.EXIT) {
        hub.tell(member, BroadcastHub.goodbye(name));
      }
      member.finish();
      if (!member.awaitFinished(LINGER)) {
        log.accept(name + " did not read its last lines for " + LINGER.toSeconds() + " s");
      }
    } catch (IOException e) {
      log.accept(name + ": " + e.getMessage()); // the socket broke before we could use it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is stopping; the socket closes now
    }
  }

  /** Relays the lines gathered so far, if there are any, and starts a new gathering. */
  private void handOver(Member me, List<String> lines) {
    if (!lines.isEmpty()) {
      hub.broadcast(me, lines);
      lines.clear();
    }
  }

  /** Reads the client's lines until it leaves, and says why it left. */
  private Reason relay(Member me) {
    try {
      LineReader in = new LineReader(socket.getInputStream());
      List<String> together = new ArrayList<>(); // lines that came in one read, not yet relayed
      while (true) {
        String line;
        try {
          line = in.readLine();
        } catch (LineReader.LineTooLongException e) {
          handOver(me, together); // the lines before it first
          // Refused, not relayed, and the connection goes on: the reader skips the rest of it.
          log.accept(me.name() + " sent a line over " + LineReader.MAX_LINE_BYTES + " bytes");
          hub.tell(me, BroadcastHub.TOO_LONG);
          continue;
        }
        if (line == null) {
          handOver(me, together);
          return Reason.CLOSED; // end of stream: the client closed its side
        }
        if (line.strip().equals("/exit")) {
          handOver(me, together);
          return Reason.EXIT;
        }
        together.add(line);
        if (!in.hasCompleteLine()) {
          handOver(me, together); // the next read would wait for the client: send what we have
        }
      }
    } catch (IOException e) {
      // Also how a dropped client's reader ends: the hub closed the socket under it.
      String message = String.valueOf(e.getMessage());
      return message.contains("reset") ? Reason.RESET : Reason.LOST;
    }
  }
}
