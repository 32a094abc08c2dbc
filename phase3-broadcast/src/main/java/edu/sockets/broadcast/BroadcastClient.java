package edu.sockets.broadcast;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Phase 3 client: a connection to the server that sends lines and reads lines, and {@link
 * #chat}, the interactive program built on it.
 */
public final class BroadcastClient implements Closeable {

  /**
   * The longest line the server can send: the longest line it accepts, with a prefix, and with
   * every byte that was not UTF-8 turned into U+FFFD, which takes three bytes.
   */
  public static final int MAX_RECEIVED_LINE_BYTES = 3 * LineReader.MAX_LINE_BYTES + 64;

  private final String server;
  private final Socket socket;
  private final LineReader in;
  private final OutputStream out;

  /** Set before this client sends /exit or ends its input: from then on, a close is expected. */
  private final AtomicBoolean leaving = new AtomicBoolean();

  private BroadcastClient(String server, Socket socket) throws IOException {
    this.server = server;
    this.socket = socket;
    this.in = new LineReader(socket.getInputStream(), MAX_RECEIVED_LINE_BYTES);
    this.out = socket.getOutputStream();
  }

  /** Connects to the server at {@code host:port}, giving up after {@code timeout}. */
  public static BroadcastClient connect(String host, int port, Duration timeout)
      throws IOException {
    Socket socket = new Socket();
    try {
      // A connect timeout: a host that silently drops packets would otherwise hang us for minutes.
      socket.connect(new InetSocketAddress(host, port), Math.toIntExact(timeout.toMillis()));
      socket.setTcpNoDelay(true); // a typed line leaves at once, not after the previous one's ACK
      return new BroadcastClient(host + ":" + port, socket);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  public int localPort() {
    return socket.getLocalPort();
  }

  /** Sends one line. */
  public void send(String line) throws IOException {
    if (line.strip().equals("/exit")) {
      leaving.set(true); // before the write: the server may close as soon as it reads it
    }
    // "\n" rather than println: the protocol's line ending must not depend on the platform.
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** The next line from the server, or null once it has closed the connection. */
  public String readLine() throws IOException {
    return in.readLine();
  }

  /**
   * The interactive client, with two threads: a keyboard thread sends each line the user types,
   * while this thread prints each line that arrives. Neither waits for the other, so lines from
   * others appear while the user is typing.
   *
   * @return 0 once the user has left ({@code /exit} or end of input) and the server has closed the
   *     connection; 1 if the server closed it first or it broke
   */
  public int chat(InputStream keyboard, PrintWriter screen, PrintWriter errors) {
    screen.println(
        "Connected to %s from local port %d. Type a line to send it to everyone; /exit to leave."
            .formatted(server, localPort()));
    // A daemon: when the server goes away, nothing should wait for the user to press Enter.
    Thread.ofPlatform().daemon().name("keyboard").start(() -> type(keyboard, errors));
    try {
      for (String line = readLine(); line != null; line = readLine()) {
        screen.println(line);
      }
      if (leaving.get()) {
        return 0;
      }
      errors.println("The server at " + server + " closed the connection.");
    } catch (IOException e) {
      if (leaving.get()) {
        return 0; // we said goodbye; how the connection ended does not matter
      }
      errors.println("Lost the connection to " + server + " (" + e.getMessage() + ").");
    }
    return 1;
  }

  /** The keyboard thread: sends each typed line until /exit or the end of input. */
  private void type(InputStream keyboard, PrintWriter errors) {
    LineReader lines = new LineReader(keyboard);
    try {
      while (true) {
        String line;
        try {
          line = lines.readLine();
        } catch (LineReader.LineTooLongException e) {
          errors.println("Line too long (over " + LineReader.MAX_LINE_BYTES + " bytes): not sent.");
          continue;
        }
        if (line == null) {
          // End of input (Ctrl+D, or the end of a piped file): say so with a FIN. The server
          // then closes its side, and the printing thread sees the end of the stream.
          leaving.set(true);
          socket.shutdownOutput();
          return;
        }
        send(line);
        if (leaving.get()) {
          return; // sent /exit: the server answers with a goodbye and closes
        }
      }
    } catch (IOException e) {
      // The keyboard or the connection failed; if it was the connection, the printing thread
      // reports it. Either way, closing ends the printing thread's read.
      close();
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing useful to do: the socket is closed either way.
    }
  }
}
