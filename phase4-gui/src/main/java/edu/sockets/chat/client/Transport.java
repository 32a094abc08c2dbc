package edu.sockets.chat.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * How a client reaches the server: {@link #TCP} here; TLS in package {@code client.tls} (chapter
 * 4c), which a reader of chapter 4a can skip. Both clients connect through this one interface, so
 * neither knows which it got.
 */
@FunctionalInterface
public interface Transport {

  /** Plain TCP: every line crosses the network as typed, and anyone on the way can read it. */
  Transport TCP = (host, port, timeout) -> connect(new Socket(), host, port, timeout);

  /**
   * A socket connected to {@code host:port}, ready for lines.
   *
   * @throws ConnectProblem when the transport can say why better than the socket's exception
   */
  Socket open(String host, int port, Duration timeout) throws IOException;

  /** True if what is sent is encrypted and the server authenticated: a password may cross. */
  default boolean isSecure() {
    return false;
  }

  /** Connects {@code socket}, an unconnected one, to {@code host:port}; closes it on failure. */
  static <S extends Socket> S connect(S socket, String host, int port, Duration timeout)
      throws IOException {
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
}
