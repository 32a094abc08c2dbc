package edu.sockets.chat.client;

import edu.sockets.chat.protocol.LineReader;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Ping;
import edu.sockets.chat.protocol.ServerMessage.Welcome;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
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
  private final Socket tcp; // the TCP socket (under TLS, the one the TLS socket runs over)

  private ChatConnection(Socket socket, Socket tcp, String server) throws IOException {
    this.socket = socket;
    this.tcp = tcp;
    this.out = socket.getOutputStream();
    this.server = server;
  }

  /** Connects, and starts the reader thread that calls {@code listener}. */
  public static ChatConnection open(String host, int port, Duration timeout, Listener listener)
      throws IOException {
    return open(host, port, timeout, null, listener);
  }

  /**
   * As {@link #open(String, int, Duration, Listener)}, over TLS unless {@code tls} is null. A
   * server seen for the first time is shown to the user by {@code tls} (on this thread, which waits
   * for the answer); if trusted, we connect again, now to a known server.
   *
   * @throws TlsProblem if the server does not speak TLS or is not trusted
   */
  public static ChatConnection open(
      String host, int port, Duration timeout, ServerTrust tls, Listener listener)
      throws IOException {
    Socket tcp = connect(host, port, timeout, tls != null);
    Socket socket = tcp;
    if (tls != null) {
      try {
        socket = tls.handshake(tcp, host, port, timeout);
      } catch (ServerTrust.FirstSeen seen) {
        tcp.close(); // the user may take a while to decide; the server will not wait
        tls.decide(host, port, seen.fingerprint);
        tcp = connect(host, port, timeout, true);
        socket = handshakeOrClose(tls, tcp, host, port, timeout);
      } catch (IOException e) {
        tcp.close();
        throw e;
      }
    }
    ChatConnection connection = new ChatConnection(socket, tcp, host + ":" + port);
    Thread.ofPlatform()
        .daemon()
        .name("chat reader " + connection.server)
        .start(() -> connection.read(listener));
    return connection;
  }

  private static Socket connect(String host, int port, Duration timeout, boolean tls)
      throws IOException {
    // Before TLS, keep what the server sends first: a refusal comes in plain text.
    Socket socket = tls ? new FirstBytesSocket() : new Socket();
    try {
      // A connect timeout: a host that silently drops packets would otherwise hang us for minutes.
      socket.connect(new InetSocketAddress(host, port), Math.toIntExact(timeout.toMillis()));
      socket.setTcpNoDelay(true); // a person is waiting for each line
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    return socket;
  }

  private static Socket handshakeOrClose(
      ServerTrust tls, Socket tcp, String host, int port, Duration timeout) throws IOException {
    try {
      return tls.handshake(tcp, host, port, timeout);
    } catch (ServerTrust.FirstSeen e) {
      tcp.close(); // it changed between our two connections: a new server again is not trusted
      throw new TlsProblem("The server at " + host + ":" + port + " changed its certificate");
    } catch (IOException e) {
      tcp.close();
      throw e;
    }
  }

  /**
   * True if this connection is encrypted and the server authenticated (TLS): a password may be sent
   * over it. False over plain TCP, where anyone on the network path can read every line.
   */
  public boolean isSecure() {
    return socket != tcp;
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
      case TlsProblem p -> p.getMessage(); // already said for a user
      case ServerTrust.Refused r -> r.getMessage();
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
