package edu.sockets.multiclient;

import edu.sockets.multiclient.LineReader.LineTooLongException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One client's conversation, on a thread of its own: read a line, answer it, until the client
 * leaves. While this thread waits for its client, the other clients' threads carry on.
 */
final class EchoClientHandler implements Runnable {

  private final Socket socket;
  private final EchoServer server;
  private final String who;

  /** Lines this client sent; only this handler's thread touches it. */
  private long lines;

  EchoClientHandler(Socket socket, EchoServer server) {
    this.socket = socket;
    this.server = server;
    this.who = EchoServer.endpoint(socket);
  }

  /** The client's {@code ip:port}, as this server sees it. */
  String who() {
    return who;
  }

  @Override
  public void run() {
    long startNanos = System.nanoTime();
    server.joined(this);
    // This thread owns the socket now, so it closes it, on every path. The accept loop cannot:
    // it has moved on to the next client and does not know when this conversation ends. Had it
    // closed the socket itself (say with try-with-resources around accept), this thread would
    // find it closed before reading a single line.
    try (socket) {
      String why = "ended by an error in the server";
      try {
        why = converse();
      } catch (IOException e) {
        why = server.isStopping() ? "server shutting down" : e.getMessage();
      } finally {
        // Logged before the socket closes, so the log line is there by the time the client
        // sees its connection end.
        server.left(this, why, Duration.ofNanos(System.nanoTime() - startNanos), lines);
      }
    } catch (IOException e) {
      // Closing failed: the descriptor is released all the same, and there is no one to tell.
    }
  }

  /**
   * Closes the socket from another thread: this handler's blocked read() then fails at once, and
   * its thread ends. Used when the server shuts down.
   */
  void disconnect() {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closing; the handler's thread ends either way.
    }
  }

  /** Answers each line until the client leaves; returns why it left. */
  private String converse() throws IOException {
    LineReader in = new LineReader(socket.getInputStream());
    OutputStream out = socket.getOutputStream();
    while (true) {
      String line;
      try {
        line = in.readLine();
      } catch (LineTooLongException e) {
        lines++; // refused, but answered: the reader drops the rest of the line and we carry on
        server.refused(this);
        send(out, EchoProtocol.tooLong(who, LineReader.MAX_LINE_BYTES));
        continue;
      }
      if (line == null) {
        return "closed the connection"; // read() returned -1: the client closed its side
      }
      lines++;
      server.received(this, line);
      if (EchoProtocol.isExit(line)) {
        send(out, EchoProtocol.goodbye(who));
        return "said " + EchoProtocol.EXIT;
      }
      send(out, EchoProtocol.reply(who, line));
    }
  }

  /**
   * Writes one reply. If this client does not read, the write blocks once its buffers fill up, but
   * only this thread waits: no other client notices.
   */
  private static void send(OutputStream out, String reply) throws IOException {
    // "\n" rather than println: the protocol's line ending must not depend on the platform.
    out.write((reply + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
