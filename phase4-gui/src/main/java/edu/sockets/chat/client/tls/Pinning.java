package edu.sockets.chat.client.tls;

import edu.sockets.chat.client.tls.KnownServers.Verdict;
import edu.sockets.chat.protocol.trust.Fingerprints;
import java.io.IOException;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * One handshake's decision about the server's certificate: an authority's word, else the
 * known-servers file. It never asks: it notes what it saw, and the handshake fails if the server is
 * new; {@link ServerTrust} reads the notes.
 */
final class Pinning extends X509ExtendedTrustManager {
  private final String server;
  private final KnownServers known;
  private final X509ExtendedTrustManager authorities;
  private final String trusted; // --trust, or null

  String fingerprint; // the certificate the server showed, once it has
  String firstSeen; // set if the server is new
  String refusal; // set if the certificate changed
  boolean rememberAfter; // new, and the user trusted it beforehand (--trust)

  Pinning(String server, KnownServers known, X509ExtendedTrustManager authorities, String trusted) {
    this.server = server;
    this.known = known;
    this.authorities = authorities;
    this.trusted = trusted;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    fingerprint = Fingerprints.sha256(chain[0].getEncoded());
    try {
      authorities.checkServerTrusted(chain, authType, socket);
      return; // vouched for by a certificate authority, for this host name
    } catch (CertificateException e) {
      // Not an authority's certificate (or not for this name): is it one the user trusts?
    }
    switch (verdict()) {
      case KNOWN -> {}
      case CHANGED -> throw new CertificateException("certificate changed");
      case UNKNOWN -> {
        if (fingerprint.equals(trusted)) {
          rememberAfter = true;
        } else {
          firstSeen = fingerprint;
          throw new CertificateException("not yet trusted");
        }
      }
    }
  }

  /** What the known-servers file says; a certificate that changed is refused loudly. */
  private Verdict verdict() throws CertificateException {
    try {
      Verdict verdict = known.check(server, fingerprint);
      if (verdict == Verdict.CHANGED) {
        refusal = changed();
      }
      return verdict;
    } catch (IOException e) {
      refusal = "Cannot read " + known.file() + " (" + e.getMessage() + ")";
      throw new CertificateException(refusal, e);
    }
  }

  /** The loud warning for a certificate that changed. */
  private String changed() throws IOException {
    StringBuilder text = new StringBuilder();
    text.append("WARNING: THE CERTIFICATE OF ").append(server).append(" HAS CHANGED. Refused. ");
    text.append("Someone may be pretending to be this server to read your messages and password");
    text.append(" (a man-in-the-middle attack), or its administrator made a new certificate. ");
    text.append("It now shows ").append(fingerprint).append("; you trusted ");
    text.append(
        String.join(" or ", known.entries(server).stream().map(e -> e.fingerprint()).toList()));
    text.append(". Ask the administrator. If the change is expected, remove line ");
    text.append(String.join(", ", known.entries(server).stream().map(e -> "" + e.line()).toList()));
    text.append(" of ").append(known.file()).append(" and connect again.");
    return text.toString();
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("this client uses sockets, not engines");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("a socket is needed to check the host name");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("a client does not check clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("a client does not check clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("a client does not check clients");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
