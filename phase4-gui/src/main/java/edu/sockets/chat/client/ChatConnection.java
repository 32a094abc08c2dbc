package edu.sockets.chat.client;

import edu.sockets.chat.protocol.LineReader;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Ping;
import edu.sockets.chat.protocol.ServerMessage.Welcome;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client's connection to the chat server, for any user interface: it sends lines, and a thread of
 * its own reads the server's lines and hands each, parsed, to a {@link Listener}. It knows nothing
 * of terminals or windows. It takes part in heartbeats by itself: {@code /pong} after {@code
 * WELCOME}, and {@code /pong <token>} for each {@code PING}, which the listener never sees.
 */
public final class ChatConnection implements Closeable {

  /**
   * The longest server line we accept. Larger than the 8,192 bytes a client may send: the server
   * adds a prefix to each message, and a {@code USERS} line grows with the number of users. Still
   * bounded, so a broken server cannot fill our memory with one endless line.
   */
  static final int MAX_SERVER_LINE_BYTES = 1 << 20;

  /** What the reader thread reports. Both methods are called on that thread. */
  public interface Listener {
    void onMessage(ServerMessage message);

    /**
     * The connection ended: {@code cause} is null when the server closed it normally (end of
     * stream), else the error.
     */
    void onClosed(IOException cause);
  }

  private final Socket socket;
  private final OutputStream out;
  private final String server;
  private final boolean secure;

  private ChatConnection(Socket socket, String server, boolean secure) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.server = server;
    this.secure = secure;
  }

  /** Connects over plain TCP, and starts the reader thread that calls {@code listener}. */
  public static ChatConnection open(String host, int port, Duration timeout, Listener listener)
      throws IOException {
    return open(host, port, timeout, Transport.TCP, listener);
  }

  /**
   * As {@link #open(String, int, Duration, Listener)}, over {@code transport} (TLS, chapter 4c).
   */
  public static ChatConnection open(
      String host, int port, Duration timeout, Transport transport, Listener listener)
      throws IOException {
    Socket socket = transport.open(host, port, timeout);
    ChatConnection connection = new ChatConnection(socket, host + ":" + port, transport.isSecure());
    Thread.ofPlatform()
        .daemon()
        .name("chat reader " + connection.server)
        .start(() -> connection.read(listener));
    return connection;
  }

  /**
   * True if this connection is encrypted and the server authenticated (TLS): a password may be sent
   * over it. False over plain TCP, where anyone on the network path can read every line.
   */
  public boolean isSecure() {
    return secure;
  }

  /** The server as the user named it, {@code host:port}. */
  public String server() {
    return server;
  }

  /** Sends one line (an LF is added). Safe to call from several threads. */
  public void send(String line) throws IOException {
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (out) { // two threads' lines must not interleave byte by byte
      out.write(bytes);
      out.flush();
    }
  }

  /**
   * Says, in one line a user understands, why connecting to {@code host:port} failed: the terminal
   * client prints it, the Swing client shows it in its connect dialog.
   */
  public static String explain(String host, int port, IOException e) {
    String server = host + ":" + port;
    return switch (e) {
      case ConnectProblem p -> p.getMessage(); // already said for a user
      case UnknownHostException u ->
          "Unknown host: " + host + ". Check the name, or use the server's IP address.";
      case ConnectException c ->
          "Cannot connect to %s (%s). Is the server running?".formatted(server, e.getMessage());
      case SocketTimeoutException t ->
          "Gave up connecting to %s (%s). Is the server running, and the address right?"
              .formatted(server, e.getMessage());
      default -> "Connection to " + server + " failed: " + e.getMessage();
    };
  }

  /** Closes the socket; the reader thread then reports {@link Listener#onClosed}. */
  @Override
  public void close() throws IOException {
    socket.close(); // under TLS, sends close_notify first: the server sees a clean end
  }

  /** Sends a line from the reader thread; a failure shows at the next read, so it is ignored. */
  private void answer(String line) {
    try {
      send(line);
    } catch (IOException e) {
      // The connection is failing: the reader finds out at its next read and reports it.
    }
  }

  private void read(Listener listener) {
    IOException cause = null;
    try {
      LineReader in = new LineReader(socket.getInputStream(), MAX_SERVER_LINE_BYTES);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        ServerMessage message = ServerMessage.parse(line);
        if (message instanceof Ping ping) {
          answer("/pong " + ping.token()); // the server checks we are alive: nothing to show
          continue;
        }
        if (message instanceof Welcome) {
          // We answer heartbeats: the server may ping us, and drop us if we stop answering.
          answer("/pong");
        }
        listener.onMessage(message);
      }
    } catch (IOException e) {
      cause = e;
    } finally {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing anyway.
      }
    }
    listener.onClosed(cause);
  }
}
