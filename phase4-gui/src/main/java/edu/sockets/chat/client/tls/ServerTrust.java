package edu.sockets.chat.client.tls;

import edu.sockets.chat.client.ConnectProblem;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Err;
import edu.sockets.chat.protocol.trust.Fingerprints;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which servers a TLS client trusts. A certificate that a certificate authority in the JDK's trust
 * store vouches for, for this host name, is trusted as a browser would. Any other (a self-signed
 * classroom server) is trusted on first use, like SSH: its fingerprint is compared with the {@link
 * KnownServers} file; a server not in it is shown to the user ({@link FirstUse}), and a server
 * whose fingerprint changed is refused.
 *
 * <p>The user is asked between two connections, never during a handshake: the first handshake only
 * learns the fingerprint, and after a yes, {@link TlsTransport} connects again. A person may take a
 * minute to compare fingerprints; the server would not wait that long inside a handshake.
 */
public final class ServerTrust {

  /** Asks the user whether to trust a server seen for the first time. */
  public interface FirstUse {
    /**
     * Called on the connecting thread (never the event thread), and may block while the user
     * decides.
     *
     * @return true to trust {@code fingerprint} for {@code server} from now on
     * @throws TlsProblem to refuse with a message of its own (no one to ask)
     */
    boolean trust(String server, String fingerprint) throws TlsProblem;
  }

  /** The handshake showed a certificate nobody has decided about yet. */
  static final class FirstSeen extends IOException {
    private static final long serialVersionUID = 1L;
    final String fingerprint;

    FirstSeen(String fingerprint) {
      super("not yet trusted: " + fingerprint);
      this.fingerprint = fingerprint;
    }
  }

  private final KnownServers known;
  private final X509ExtendedTrustManager authorities;
  private final String trusted; // --trust: a fingerprint trusted without asking, or null
  private final FirstUse firstUse;

  private ServerTrust(
      KnownServers known, X509ExtendedTrustManager authorities, String trusted, FirstUse firstUse) {
    this.known = known;
    this.authorities = authorities;
    this.trusted = trusted;
    this.firstUse = firstUse;
  }

  /** Trusts the JDK's certificate authorities and {@code known}; refuses new servers. */
  public static ServerTrust of(KnownServers known) {
    return new ServerTrust(known, authorities(null), null, ServerTrust::nobodyToAsk);
  }

  /** The same, and the fingerprint the user gave ({@code --trust}) is trusted for a new server. */
  public ServerTrust trusting(String fingerprint) {
    return new ServerTrust(known, authorities, Fingerprints.parse(fingerprint), firstUse);
  }

  /** The same, asking {@code firstUse} about a new server. */
  public ServerTrust askingWith(FirstUse firstUse) {
    return new ServerTrust(known, authorities, trusted, firstUse);
  }

  /** The same, with these certificate authorities instead of the JDK's (for tests). */
  ServerTrust withAuthorities(KeyStore trustStore) {
    return new ServerTrust(known, authorities(trustStore), trusted, firstUse);
  }

  public KnownServers knownServers() {
    return known;
  }

  /**
   * Runs the client's TLS 1.3 handshake over {@code tcp}, giving up after {@code timeout}.
   *
   * @throws FirstSeen if the server is new: ask with {@link #decide}, then connect again
   * @throws TlsProblem if the server does not speak TLS, or is not trusted
   */
  SSLSocket handshake(Socket tcp, String host, int port, Duration timeout) throws IOException {
    String server = KnownServers.key(host, port);
    Pinning pinning = new Pinning(server, known, authorities, trusted);
    SSLSocket tls = client(tcp, host, port, pinning);
    tcp.setSoTimeout(Math.toIntExact(timeout.toMillis()));
    try {
      tls.startHandshake();
    } catch (SocketTimeoutException e) {
      throw new TlsProblem(
          "No TLS answer from %s in %d s: does the server speak TLS? If not, leave out --tls."
              .formatted(server, timeout.toSeconds()));
    } catch (SSLException e) {
      throw failed(e, pinning, tcp, server);
    }
    tcp.setSoTimeout(0);
    if (pinning.rememberAfter) {
      known.remember(server, pinning.fingerprint);
    }
    return tls;
  }

  /**
   * The handshake for programs that ask nobody (the load generator): a new server is trusted only
   * if it is the one given to {@link #trusting}, else refused with the way to trust it.
   */
  public SSLSocket secure(Socket tcp, String host, int port, Duration timeout) throws IOException {
    try {
      return handshake(tcp, host, port, timeout);
    } catch (FirstSeen seen) {
      nobodyToAsk(KnownServers.key(host, port), seen.fingerprint);
      throw seen; // not reached: nobodyToAsk always refuses
    }
  }

  /**
   * Asks the user about a server seen for the first time and remembers a yes.
   *
   * @throws TlsProblem if the user said no, or there is nobody to ask
   */
  void decide(String host, int port, String fingerprint) throws IOException {
    String server = KnownServers.key(host, port);
    if (!firstUse.trust(server, fingerprint)) {
      throw new TlsProblem(
          "You did not trust the server at " + server + "; nothing was remembered.");
    }
    known.remember(server, fingerprint);
  }

  /** A TLS 1.3 client socket over {@code tcp} that checks the server with {@code pinning}. */
  private static SSLSocket client(Socket tcp, String host, int port, Pinning pinning)
      throws IOException {
    SSLSocket tls;
    try {
      SSLContext context = SSLContext.getInstance("TLSv1.3");
      context.init(null, new TrustManager[] {pinning}, null);
      tls = (SSLSocket) context.getSocketFactory().createSocket(tcp, host, port, true);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK 11+ has TLS 1.3", e);
    }
    tls.setEnabledProtocols(new String[] {"TLSv1.3"});
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the name must match, for a CA's
    tls.setSSLParameters(parameters);
    return tls;
  }

  /** Why the handshake failed, in the words of the exception to throw. */
  private static IOException failed(SSLException e, Pinning pinning, Socket tcp, String server) {
    if (pinning.firstSeen != null) {
      return new FirstSeen(pinning.firstSeen);
    }
    if (pinning.refusal != null) {
      return new TlsProblem(pinning.refusal);
    }
    if (pinning.fingerprint == null && refusal(tcp) instanceof Err err) {
      // Not a TLS problem: the server refused in plain text (it is full). Later may work.
      return new ConnectProblem(
          "The server at %s refused the connection: %s.".formatted(server, err.text()), false);
    }
    if (pinning.fingerprint == null) {
      return new TlsProblem(
          "The server at %s does not speak TLS 1.3 (%s). Leave out --tls (untick \"Use TLS\")."
              .formatted(server, e.getMessage()));
    }
    return new TlsProblem("TLS with " + server + " failed: " + e.getMessage());
  }

  /** The ERR line a server sent in plain text instead of a handshake, if {@code tcp} kept it. */
  private static ServerMessage refusal(Socket tcp) {
    String line = tcp instanceof FirstBytesSocket kept ? kept.firstLine() : null;
    return line == null ? null : ServerMessage.parse(line);
  }

  /** What a client with no terminal (and no window) says about a new server. */
  private static boolean nobodyToAsk(String server, String fingerprint) throws TlsProblem {
    throw new TlsProblem(
        ("The server at %s is not known yet, and there is no terminal to ask you. Its certificate's"
                + " SHA-256 fingerprint is %s. If it matches the one the server printed, connect"
                + " with --trust %s")
            .formatted(server, fingerprint, fingerprint));
  }

  private static X509ExtendedTrustManager authorities(KeyStore trustStore) {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trustStore); // null: the JDK's cacerts
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509ExtendedTrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("the JDK gave no X.509 trust manager");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the JDK's trust store", e);
    }
  }
}
