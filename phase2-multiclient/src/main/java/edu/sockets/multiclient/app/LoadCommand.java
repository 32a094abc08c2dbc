package edu.sockets.multiclient.app;

import edu.sockets.multiclient.load.FileDescriptors;
import edu.sockets.multiclient.load.LoadGenerator;
import edu.sockets.multiclient.load.LoadResult;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code load}: the load generator against a running server, and what it saw. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Open --clients connections at once, then do rounds in which every client sends a line"
          + " and waits for its reply: --warmup rounds, then --rounds measured ones. Prints how"
          + " many connected and were answered, the time to connect them all, and the"
          + " round-trip times (p50, p99, max), those of the warm-up apart. Exit code 1 if any"
          + " client failed.",
      "",
      "Each connection is a file descriptor, here and in the server, and the system limits how"
          + " many a process may have open. 'ulimit -n' shows the limit (often 1024);"
          + " 'ulimit -Hn' shows the hard limit, the most it can be raised to without root. The"
          + " JVM raises its own limit to the hard limit as it starts.",
      "",
      "This command never raises a limit by itself: if the limit is too low for --clients, it"
          + " says so and stops. Raise it in the shell that starts the server and in the one"
          + " that starts the load generator, for example:",
      "    ulimit -n 20000",
      "Above the hard limit, root must raise it (/etc/security/limits.conf, or LimitNOFILE="
          + " for a systemd service).",
      "macOS also caps it at 'sysctl kern.maxfilesperproc'.",
      ""
    })
final class LoadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ServerAddress server;

  @Option(
      names = "--clients",
      defaultValue = "100",
      description = "Connections to open at once (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--rounds",
      defaultValue = "10",
      description = "Measured rounds, one line per client each (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--warmup",
      defaultValue = "1",
      description =
          "Rounds done first and reported apart: while they run, the JVMs compile the code"
              + " that matters (default: ${DEFAULT-VALUE}).")
  int warmupRounds;

  @Option(
      names = "--timeout",
      defaultValue = "30",
      description =
          "Seconds a client waits to connect, and for each reply (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Override
  public Integer call() {
    MultiClientApp.checkRange(spec, "--port", server.port, 1, 65535);
    // One source address has about 28,000 ephemeral ports per server address on Linux.
    MultiClientApp.checkRange(spec, "--clients", clients, 1, 60_000);
    MultiClientApp.checkRange(spec, "--rounds", rounds, 1, 10_000);
    MultiClientApp.checkRange(spec, "--warmup", warmupRounds, 0, 100);
    MultiClientApp.checkRange(spec, "--timeout", timeoutSeconds, 1, 86400);
    if ((long) clients * (warmupRounds + rounds) > 10_000_000) {
      throw new ParameterException(
          spec.commandLine(), "--clients × (--warmup + --rounds) must be at most 10,000,000");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      InetAddress.getByName(server.host);
    } catch (UnknownHostException e) {
      err.println(server.unknown());
      return 1;
    }
    String problem = FileDescriptors.problem(clients);
    if (problem != null) {
      err.println(problem);
      return 1;
    }
    out.println("Load: %d clients against %s".formatted(clients, server));
    LoadResult result =
        LoadGenerator.run(
            server.host,
            server.port,
            clients,
            warmupRounds,
            rounds,
            Duration.ofSeconds(timeoutSeconds));
    result.report().forEach(out::println);
    if (result.connected() == 0) {
      err.println("No client could connect to " + server + ". Is the server running?");
    }
    return result.succeeded() ? 0 : 1;
  }
}
