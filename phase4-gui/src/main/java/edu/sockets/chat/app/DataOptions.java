package edu.sockets.chat.app;

import edu.sockets.chat.accounts.LoginThrottle;
import edu.sockets.chat.accounts.PasswordHasher;
import edu.sockets.chat.limits.Limits;
import edu.sockets.chat.tls.ServerCertificate;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code server} options for what it keeps: where, how much history, how passwords are hashed.
 */
final class DataOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Folder for the server's data (default: ${DEFAULT-VALUE}).")
  Path folder = DataDirectory.defaultPath();

  @Option(
      names = "--history",
      paramLabel = "N",
      defaultValue = "" + ServerOptions.DEFAULT_HISTORY,
      description =
          "Messages of history an arrival gets, public and per room; 0 turns history off"
              + " (default: ${DEFAULT-VALUE}).")
  int history;

  @Option(
      names = "--hash-iterations",
      paramLabel = "N",
      description =
          "PBKDF2 iterations for new passwords (default: ${DEFAULT-VALUE}, OWASP's"
              + " recommendation; fewer only for tests).")
  int hashIterations = PasswordHasher.RECOMMENDED_ITERATIONS;

  /** Bad values end in a usage error (exit 2). */
  void check() {
    ChatApp.checkRange(spec, "--history", history, 0, ServerOptions.MAX_HISTORY);
    ChatApp.checkRange(spec, "--hash-iterations", hashIterations, 1, 100_000_000);
  }

  /** The server these options, {@code tls} (null: plain TCP) and {@code limits} describe. */
  ServerOptions options(ServerCertificate tls, Limits limits) {
    return new ServerOptions(
        folder, history, hashIterations, LoginThrottle.Policy.DEFAULT, tls, limits);
  }
}
