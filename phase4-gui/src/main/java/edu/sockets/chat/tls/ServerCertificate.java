package edu.sockets.chat.tls;

import edu.sockets.chat.protocol.trust.Fingerprints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The server's TLS identity: a key and its certificate, from a keystore the administrator gives
 * ({@code --keystore}), or a self-signed one the server makes on its first run and keeps in its
 * data folder. Clients that cannot check the certificate with a certificate authority compare its
 * {@link #fingerprint()} instead.
 */
public final class ServerCertificate {

  /** The self-signed keystore, and the random password that opens it, in the data folder. */
  static final String KEYSTORE_FILE = "tls-certificate.p12";

  static final String PASSWORD_FILE = "tls-certificate.password";

  /** keytool starts a JVM and makes an EC key: about a second; more means something is wrong. */
  private static final int KEYTOOL_SECONDS = 60;

  private final SSLContext context;
  private final String fingerprint;
  private final Path file;
  private final boolean created;

  private ServerCertificate(SSLContext context, String fingerprint, Path file, boolean created) {
    this.context = context;
    this.fingerprint = fingerprint;
    this.file = file;
    this.created = created;
  }

  /**
   * The self-signed certificate in the folder {@code dir}, which exists: made on the first run,
   * read on later ones, so clients that trusted it once keep trusting it.
   */
  public static ServerCertificate selfSigned(Path dir) throws IOException {
    Path keystore = dir.resolve(KEYSTORE_FILE);
    Path passwordFile = dir.resolve(PASSWORD_FILE);
    boolean create = !Files.exists(keystore);
    if (create) {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String password = HexFormat.of().formatHex(random);
      writePrivate(passwordFile, password);
      runKeytool(keystore, password);
      // keytool writes the file with the default permissions; until this line, only the random
      // password (in an owner-only file) keeps others from using the key.
      ownerOnly(keystore);
    }
    if (!Files.exists(passwordFile)) {
      throw new IOException(
          "%s has no %s beside it; delete the keystore to make a new certificate"
              .formatted(keystore, PASSWORD_FILE));
    }
    char[] password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
    return load(keystore, password, create);
  }

  /** A keystore the administrator made (PKCS12 or JKS), for a certificate from an authority. */
  public static ServerCertificate fromKeystore(Path keystore, char[] password) throws IOException {
    return load(keystore, password, false);
  }

  /** The server side of TLS: TLS 1.3 with this key. */
  public SSLContext context() {
    return context;
  }

  /** SHA-256 of the certificate, {@code AA:BB:...}: what clients compare. */
  public String fingerprint() {
    return fingerprint;
  }

  public Path file() {
    return file;
  }

  /** True if this run made the certificate. */
  public boolean created() {
    return created;
  }

  private static ServerCertificate load(Path file, char[] password, boolean created)
      throws IOException {
    if (!Files.isReadable(file)) {
      throw new IOException("Cannot read the keystore " + file);
    }
    try {
      KeyStore keys = KeyStore.getInstance(file.toFile(), password); // PKCS12 or JKS, by content
      String alias = null;
      for (String a : Collections.list(keys.aliases())) {
        if (keys.isKeyEntry(a)) {
          alias = a;
          break;
        }
      }
      if (alias == null) {
        throw new IOException("The keystore " + file + " holds no private key");
      }
      Certificate certificate = keys.getCertificate(alias);
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, password);
      SSLContext context = SSLContext.getInstance("TLSv1.3");
      context.init(kmf.getKeyManagers(), null, null);
      return new ServerCertificate(
          context, Fingerprints.sha256(certificate.getEncoded()), file, created);
    } catch (GeneralSecurityException e) {
      throw new IOException("Cannot use the keystore " + file + " (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      // A wrong password shows as an IOException whose cause is an UnrecoverableKeyException.
      throw new IOException(
          "Cannot open the keystore %s (%s). Is the password right?"
              .formatted(file, e.getMessage()),
          e);
    }
  }

  /**
   * Makes the key pair and self-signed certificate with the JDK's own {@code keytool}, beside the
   * running JVM: the JDK has no public API to sign a certificate, and keytool is what an
   * administrator would type by hand.
   */
  private static void runKeytool(Path keystore, String password) throws IOException {
    Path keytool =
        Path.of(System.getProperty("java.home"), "bin", isWindows() ? "keytool.exe" : "keytool");
    if (!Files.isExecutable(keytool)) {
      throw new IOException(
          "Cannot make a certificate: no keytool in %s (a JRE without tools?). Give one with --keystore."
              .formatted(keytool.getParent()));
    }
    List<String> command = new ArrayList<>();
    command.addAll(List.of(keytool.toString(), "-genkeypair", "-alias", "chat"));
    command.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650"));
    command.addAll(List.of("-dname", "CN=socket-course chat server"));
    command.addAll(List.of("-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1"));
    command.addAll(List.of("-storetype", "PKCS12", "-keystore", keystore.toString()));
    // The password goes through the environment, not the command line, where ps would show it.
    command.addAll(List.of("-storepass:env", "CHAT_KEYTOOL_PASSWORD", "-noprompt"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("CHAT_KEYTOOL_PASSWORD", password);
    Process process = builder.start();
    String output;
    try {
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(KEYTOOL_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("keytool did not finish in " + KEYTOOL_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while making the certificate", e);
    }
    if (process.exitValue() != 0 || !Files.exists(keystore)) {
      throw new IOException("keytool failed: " + output.strip());
    }
  }

  /** Writes a secret readable by its owner only (where the file system has owners). */
  private static void writePrivate(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(file);
    ownerOnly(file);
    Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
  }

  private static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Windows: the user's profile folder is already private to the user.
    }
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").startsWith("Windows");
  }
}
