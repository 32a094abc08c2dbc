package edu.sockets.chat;

import edu.sockets.chat.tls.ServerCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One self-signed server certificate for the whole test run: making a key takes keytool a second or
 * more, so the tests that only need some certificate share this one. Public for the tests of the
 * {@code client} package.
 */
public final class TlsFixture {

  private static Path folder;
  private static ServerCertificate certificate;

  private TlsFixture() {}

  /** The certificate, made on first use in a temporary data folder removed at exit. */
  public static synchronized ServerCertificate certificate() {
    if (certificate == null) {
      try {
        folder = Files.createTempDirectory("chat-tls-fixture");
        certificate = ServerCertificate.selfSigned(folder);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TlsFixture::deleteFolder));
    }
    return certificate;
  }

  /** Copies the certificate into {@code data}, so {@code server --tls --data} reuses it. */
  public static Path copyInto(Path data) throws IOException {
    Path made = certificate().file();
    Files.createDirectories(data);
    try (Stream<Path> files = Files.list(made.getParent())) {
      for (Path file : files.toList()) {
        Files.copy(file, data.resolve(file.getFileName()));
      }
    }
    return data;
  }

  private static void deleteFolder() {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary folder: the system cleans it up in time.
    }
  }
}
