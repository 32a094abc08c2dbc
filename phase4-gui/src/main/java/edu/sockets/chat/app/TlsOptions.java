package edu.sockets.chat.app;

import edu.sockets.chat.tls.ServerCertificate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code server} options for TLS: on or off, and whose certificate. */
final class TlsOptions {

  /**
   * The environment variable with {@code --keystore}'s password: unlike an option, ps cannot see
   * it.
   */
  static final String KEYSTORE_PASSWORD = "CHAT_KEYSTORE_PASSWORD";

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--tls",
      description =
          "Speak TLS 1.3 only. Without --keystore: a self-signed certificate, made on the first"
              + " run and kept in the --data folder; its fingerprint is printed for clients to"
              + " compare.")
  boolean tls;

  @Option(
      names = "--keystore",
      paramLabel = "FILE",
      description =
          "With --tls: a PKCS12 or JKS keystore holding the server's key and certificate. Its"
              + " password is read from the environment variable "
              + KEYSTORE_PASSWORD
              + ".")
  Path keystore;

  /** A keystore without TLS ends in a usage error (exit 2). */
  void check() {
    if (keystore != null && !tls) {
      throw new ParameterException(spec.commandLine(), "--keystore needs --tls");
    }
  }

  /**
   * The server's certificate, its fingerprint printed for clients to compare; null without {@code
   * --tls}. The self-signed one lives in {@code data}.
   *
   * @throws IOException when the certificate cannot be read or made, or the keystore's password is
   *     not set; the message says which, in one line
   */
  ServerCertificate certificate(Path data, PrintWriter out) throws IOException {
    if (!tls) {
      return null;
    }
    ServerCertificate certificate;
    if (keystore != null) {
      String password = System.getenv(KEYSTORE_PASSWORD);
      if (password == null) {
        throw new IOException("Set " + KEYSTORE_PASSWORD + " to the password of " + keystore + ".");
      }
      certificate = ServerCertificate.fromKeystore(keystore, password.toCharArray());
      out.println("TLS certificate from " + certificate.file());
    } else {
      certificate = ServerCertificate.selfSigned(DataDirectory.prepare(data));
      out.println(
          (certificate.created() ? "TLS certificate made (self-signed): " : "TLS certificate: ")
              + certificate.file());
    }
    out.println("TLS certificate SHA-256 fingerprint: " + certificate.fingerprint());
    return certificate;
  }
}
