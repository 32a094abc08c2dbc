package edu.sockets.chat.client.tls;

import edu.sockets.chat.client.Transport;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

/**
 * TLS 1.3 over TCP, for either client: connects, runs the handshake, and trusts the server as
 * {@link ServerTrust} says. A server seen for the first time is shown to the user between two
 * connections: the first one only learns its fingerprint.
 */
public final class TlsTransport implements Transport {

  private final ServerTrust trust;

  public TlsTransport(ServerTrust trust) {
    this.trust = trust;
  }

  /**
   * @throws TlsProblem if the server does not speak TLS or is not trusted
   */
  @Override
  public Socket open(String host, int port, Duration timeout) throws IOException {
    Socket tcp = tcp(host, port, timeout);
    try {
      return trust.handshake(tcp, host, port, timeout);
    } catch (ServerTrust.FirstSeen seen) {
      tcp.close(); // the user may take a while to decide; the server will not wait
      trust.decide(host, port, seen.fingerprint); // asks; a no throws; a yes is remembered
      return again(host, port, timeout);
    } catch (IOException e) {
      tcp.close();
      throw e;
    }
  }

  @Override
  public boolean isSecure() {
    return true;
  }

  /** The second connection, to a server the user has just trusted. */
  private Socket again(String host, int port, Duration timeout) throws IOException {
    Socket tcp = tcp(host, port, timeout);
    try {
      return trust.handshake(tcp, host, port, timeout);
    } catch (ServerTrust.FirstSeen e) {
      tcp.close(); // it changed between our two connections: a new server again is not trusted
      throw new TlsProblem("The server at " + host + ":" + port + " changed its certificate");
    } catch (IOException e) {
      tcp.close();
      throw e;
    }
  }

  private static Socket tcp(String host, int port, Duration timeout) throws IOException {
    // Before TLS, keep what the server sends first: a refusal (a full server) comes in plain text.
    return Transport.connect(new FirstBytesSocket(), host, port, timeout);
  }
}
