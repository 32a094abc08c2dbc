package edu.sockets.broadcast.app;

import edu.sockets.broadcast.grading.BroadcastGrade;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Phase 3's command line: {@code server}, {@code client}, {@code load}, {@code demo} and {@code
 * grade}.
 *
 * <p>Errors a user can cause (a port in use, no server, too many clients for the file limit) end
 * here in one line on standard error and exit code 1; bad arguments print the usage and exit 2.
 */
@Command(
    name = "phase3-broadcast",
    mixinStandardHelpOptions = true,
    versionProvider = BroadcastApp.Version.class,
    description = "A broadcast chat: every line a client sends goes to every other client.",
    subcommands = {
      ServerCommand.class,
      ClientCommand.class,
      LoadCommand.class,
      BroadcastDemo.class,
      BroadcastGrade.class
    })
public final class BroadcastApp implements Callable<Integer> {

  static final int DEFAULT_PORT = 5003;

  @Spec CommandSpec spec;

  /** Where the client reads what the user types: standard input, or a stream a test feeds. */
  final InputStream keyboard;

  BroadcastApp(InputStream keyboard) {
    this.keyboard = keyboard;
  }

  public static void main(String[] args) {
    System.exit(commandLine(System.in).execute(args));
  }

  /** The command line, whose client reads what the user types from {@code keyboard}. */
  public static CommandLine commandLine(InputStream keyboard) {
    return new CommandLine(new BroadcastApp(keyboard));
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
      String version = BroadcastApp.class.getPackage().getImplementationVersion();
      return new String[] {
        "phase3-broadcast " + (version == null ? "(development build)" : version)
      };
    }
  }

  /** One line that says why we could not reach {@code host:port}. */
  static String connectFailure(String host, int port, IOException e) {
    String server = host + ":" + port;
    return switch (e) {
      case UnknownHostException u ->
          "Unknown host: " + host + ". Check the name, or use the server's IP address.";
      case ConnectException c ->
          "Cannot connect to %s (%s). Is the server running?".formatted(server, e.getMessage());
      case SocketTimeoutException t ->
          "Gave up on %s: %s. Is the address right, and no firewall in the way?"
              .formatted(server, e.getMessage());
      default -> "Connection to " + server + " failed: " + e.getMessage();
    };
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
