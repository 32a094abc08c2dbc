package edu.sockets.multiclient;

import edu.sockets.multiclient.LineReader.LineTooLongException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The Phase 2 client: sends each line the user types (or pipes in) and prints the server's replies,
 * until {@code /exit} or the end of the input.
 *
 * <p>It uses two threads. One reads the input and sends it; the other, the caller's, reads the
 * replies. With one thread, a client waiting for the user to type would not notice that the server
 * has gone until the user pressed Enter.
 */
public final class EchoClient {

  /**
   * The longest reply accepted, in bytes. Longer than a client's line: the server adds the prefix,
   * and shows each control byte as four characters ({@code \x1b}).
   */
  public static final int MAX_REPLY_BYTES = 64 * 1024;

  private final Socket socket;
  private final String server;
  private final Duration timeout;

  /** Lines sent so far; counted before each is written, so no reply can arrive before its count. */
  private final AtomicLong sent = new AtomicLong();

  /** Set before the last line leaves (end of input or /exit): from then on, the end is expected. */
  private volatile boolean finishedSending;

  /** Set when the input thread gave up waiting for the last replies and closed the socket. */
  private volatile boolean gaveUp;

  private final CountDownLatch repliesDone = new CountDownLatch(1);

  private EchoClient(Socket socket, String server, Duration timeout) {
    this.socket = socket;
    this.server = server;
    this.timeout = timeout;
  }

  /**
   * Connects to {@code host:port}, then sends every line of {@code input} and prints every reply
   * until the input ends or says {@code /exit}. Returns once all the lines sent are answered and
   * the server has closed the connection. The socket is closed on every path.
   *
   * @param timeout how long to wait to connect, and for the last replies once the input has ended
   * @param print where the client's output goes, one line each
   * @throws IOException with a message fit for the user, if the connection fails or ends early
   */
  public static void talk(
      String host, int port, Duration timeout, BufferedReader input, Consumer<String> print)
      throws IOException {
    String server = host + ":" + port;
    try (Socket socket = new Socket()) {
      // A connect timeout: a host that silently drops packets would otherwise hang us for minutes.
      socket.connect(new InetSocketAddress(host, port), Math.toIntExact(timeout.toMillis()));
      print.accept(
          "Connected to %s from %s. Type a line and press Enter; /exit or end of input to leave."
              .formatted(
                  server, EchoServer.endpoint(socket.getLocalAddress(), socket.getLocalPort())));
      EchoClient client = new EchoClient(socket, server, timeout);
      Thread.ofPlatform().daemon().name("input").start(() -> client.sendLines(input));
      client.printReplies(print);
    }
  }

  /** The input thread: sends each line, then says "no more" and waits for the last replies. */
  private void sendLines(BufferedReader input) {
    try {
      OutputStream out = socket.getOutputStream();
      String line;
      while ((line = readQuietly(input)) != null) {
        if (EchoProtocol.isExit(line)) {
          finishedSending = true; // before it leaves: the goodbye and the close may be quick
        }
        sent.incrementAndGet();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        if (finishedSending) {
          break; // the server answers goodbye and closes
        }
      }
      finishedSending = true;
      // Half-close: the server reads end of stream after our last line, answers everything
      // before it, then closes its side. That close is how we know every reply is in.
      socket.shutdownOutput();
      if (!repliesDone.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        gaveUp = true;
        socket.close(); // ends the reply reader's read()
      }
    } catch (IOException e) {
      // The connection failed; the reply reader sees the same failure and reports it.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The caller's thread: prints each reply until the server closes the connection. */
  private void printReplies(Consumer<String> print) throws IOException {
    LineReader in = new LineReader(socket.getInputStream(), MAX_REPLY_BYTES);
    long answered = 0;
    try {
      while (true) {
        String reply;
        try {
          reply = in.readLine();
        } catch (LineTooLongException e) {
          reply = "(a reply longer than " + MAX_REPLY_BYTES + " bytes, not shown)";
        }
        if (reply == null) {
          break;
        }
        answered++;
        // Shown like the server's log: a server could otherwise send escape codes to our terminal.
        print.accept(EchoProtocol.visible(reply));
      }
    } catch (IOException e) {
      if (gaveUp) {
        if (answered >= sent.get()) {
          return; // all answered; the server just did not close the connection
        }
        throw new IOException(
            "No reply from %s within %d s: %d of %d lines answered."
                .formatted(server, timeout.toSeconds(), answered, sent.get()));
      }
      throw new IOException("Lost the connection to " + server + " (" + e.getMessage() + ").");
    } finally {
      repliesDone.countDown();
    }
    if (!finishedSending) {
      throw new IOException("The server at " + server + " closed the connection.");
    }
    if (answered < sent.get()) {
      throw new IOException(
          "The server at %s closed the connection with %d of %d lines unanswered."
              .formatted(server, sent.get() - answered, sent.get()));
    }
  }

  /** The next input line, or null at its end (or if the input cannot be read any more). */
  private static String readQuietly(BufferedReader input) {
    try {
      return input.readLine();
    } catch (IOException e) {
      return null; // a broken input ends the conversation like its end does
    }
  }
}
