package edu.sockets.chat.app;

import edu.sockets.chat.client.tls.KnownServers;
import edu.sockets.chat.client.tls.ServerTrust;
import edu.sockets.chat.grading.ChatGrade;
import edu.sockets.chat.gui.ChatGui;
import edu.sockets.chat.protocol.trust.Fingerprints;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Phase 4's command line: {@code server}, {@code client}, {@code gui}, {@code load}, {@code demo},
 * {@code terminal-demo}, {@code screenshots} and {@code grade}, each command in a file of its own.
 *
 * <p>Errors a user can cause (a port in use, no server) end in one line on standard error and exit
 * code 1; bad arguments print the usage and exit with 2.
 */
@Command(
    name = "phase4-gui",
    mixinStandardHelpOptions = true,
    versionProvider = ChatApp.Version.class,
    description = "A chat server with names, rooms and private messages, and its clients.",
    subcommands = {
      ServerCommand.class,
      ClientCommand.class,
      GuiCommand.class,
      LoadCommand.class,
      GuiDemo.class,
      TerminalDemo.class,
      Screenshots.class,
      ChatGrade.class
    })
public final class ChatApp implements Callable<Integer> {

  static final int DEFAULT_PORT = 5004;

  @Spec CommandSpec spec;

  /** Standard input: the admin console's and the terminal client's; a pipe in tests. */
  final InputStream in;

  private ChatApp(InputStream in) {
    this.in = in;
  }

  public static void main(String[] args) {
    System.exit(commandLine(System.in).execute(args));
  }

  /** The command line, whose server and client read standard input from {@code in}. */
  public static CommandLine commandLine(InputStream in) {
    return new CommandLine(new ChatApp(in));
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing command: " + commands());
  }

  /** Every command, as "server, client, ... or grade", read from the list above. */
  private String commands() {
    List<String> names = List.copyOf(spec.subcommands().keySet());
    int last = names.size() - 1;
    return String.join(", ", names.subList(0, last)) + " or " + names.get(last);
  }

  /** Reads the version from the jar's manifest (there is none when run from target/classes). */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ChatApp.class.getPackage().getImplementationVersion();
      return new String[] {"phase4-gui " + (version == null ? "(development build)" : version)};
    }
  }

  /** The clients' TLS options as a {@link ServerTrust}; null without {@code --tls}. */
  static ServerTrust serverTrust(CommandSpec spec, boolean tls, String trust, Path knownServers) {
    if (trust != null && (!tls || Fingerprints.parse(trust) == null)) {
      throw new ParameterException(
          spec.commandLine(),
          tls
              ? "--trust must be a SHA-256 fingerprint (64 hex digits, colons allowed), not "
                  + trust
              : "--trust needs --tls");
    }
    if (!tls) {
      return null;
    }
    ServerTrust trusting = ServerTrust.of(new KnownServers(knownServers));
    return trust == null ? trusting : trusting.trusting(trust);
  }

  /** Refuses a {@code --theme} the windows do not have: usage, exit code 2. */
  static void checkTheme(CommandSpec spec, String theme) {
    if (theme != null && !ChatGui.THEMES.contains(theme)) {
      throw new ParameterException(
          spec.commandLine(), "--theme must be one of " + ChatGui.THEMES + ", not " + theme);
    }
  }

  /** Refuses an option out of range, as picocli refuses a malformed one: usage, exit code 2. */
  static void checkRange(CommandSpec spec, String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ParameterException(
          spec.commandLine(),
          "%s must be between %d and %d, not %d".formatted(option, min, max, value));
    }
  }
}
