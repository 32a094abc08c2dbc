package edu.sockets.multiclient.app;

import edu.sockets.multiclient.grading.MultiClientGrade;
import java.io.InputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Phase 2's command line: {@code server}, {@code client}, {@code load}, {@code demo} and {@code
 * grade}.
 *
 * <p>Errors a user can cause (a port in use, no server, a server that goes away) end here in one
 * line on standard error and exit code 1; bad arguments print the usage and exit with 2.
 */
@Command(
    name = "phase2-multiclient",
    mixinStandardHelpOptions = true,
    versionProvider = MultiClientApp.Version.class,
    description = "Many clients at once: a thread-per-client echo server, its client, a load test.",
    subcommands = {
      ServerCommand.class,
      ClientCommand.class,
      LoadCommand.class,
      EchoDemo.class,
      MultiClientGrade.class
    })
public final class MultiClientApp implements Callable<Integer> {

  static final int DEFAULT_PORT = 5002;

  /** Where the client reads its lines: the keyboard or a pipe, or what a test feeds it. */
  final InputStream stdin;

  @Spec CommandSpec spec;

  MultiClientApp(InputStream stdin) {
    this.stdin = stdin;
  }

  public static void main(String[] args) {
    System.exit(commandLine(System.in).execute(args));
  }

  /** The command line, reading the client's lines from {@code stdin}. */
  public static CommandLine commandLine(InputStream stdin) {
    return new CommandLine(new MultiClientApp(stdin)).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: server, client, load, demo or grade");
  }

  /** Reads the version from the jar's manifest (there is none when run from target/classes). */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = MultiClientApp.class.getPackage().getImplementationVersion();
      return new String[] {
        "phase2-multiclient " + (version == null ? "(development build)" : version)
      };
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
