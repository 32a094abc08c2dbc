package edu.sockets.broadcast.app;

import edu.sockets.broadcast.LineReader;
import edu.sockets.broadcast.load.LoadGenerator;
import edu.sockets.broadcast.load.LoadResult;
import edu.sockets.broadcast.load.LoadSettings;
import java.io.IOException;
import java.io.PrintWriter;
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
      "Connect N clients that each send M lines and all read everything; print the deliveries"
          + " expected and received, the loss, deliveries per second and the latency"
          + " p50/p99/max. Exit 1 on any loss, corrupted or out-of-order line.",
      "",
      "Each client is a socket, so a file descriptor, both here and in the server. Linux allows"
          + " 1,024 per process unless raised: before starting the server and this command, run"
          + " `ulimit -n 65536` in each shell (`ulimit -Hn` shows how high you may go; beyond"
          + " that, raise the hard limit in /etc/security/limits.conf as root).",
    })
final class LoadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ServerAddress server;

  @Option(
      names = "--clients",
      defaultValue = "100",
      description = "Clients that send and read (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--messages",
      defaultValue = "100",
      description = "Lines each client sends (default: ${DEFAULT-VALUE}).")
  int messages;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description = "Lines per second each client sends; 0: as fast as it can (default).")
  double rate;

  @Option(
      names = "--size",
      defaultValue = "0",
      description =
          "Pad each line to this many bytes (at most 8192), to load the network more than the"
              + " CPU; 0: no padding, about 25 bytes (default).")
  int size;

  @Option(
      names = "--non-readers",
      defaultValue = "0",
      description =
          "Extra clients that connect and never read, to show what a stuck client does to the"
              + " others (default: ${DEFAULT-VALUE}).")
  int nonReaders;

  @Option(
      names = "--timeout",
      defaultValue = "10",
      description =
          "Seconds to wait for a connection, for everyone to join, and for the next delivery"
              + " before counting the rest as lost (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Override
  public Integer call() throws InterruptedException {
    BroadcastApp.checkRange(spec, "--port", server.port, 1, 65535);
    BroadcastApp.checkRange(spec, "--clients", clients, 2, 30_000);
    BroadcastApp.checkRange(spec, "--messages", messages, 1, 10_000_000);
    BroadcastApp.checkRange(spec, "--non-readers", nonReaders, 0, 30_000);
    BroadcastApp.checkRange(spec, "--size", size, 0, LineReader.MAX_LINE_BYTES);
    BroadcastApp.checkRange(spec, "--timeout", timeoutSeconds, 1, 3600);
    if (!(rate >= 0 && rate <= 1_000_000)) {
      throw new ParameterException(
          spec.commandLine(), "--rate must be between 0 and 1000000, not " + rate);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LoadSettings settings =
        new LoadSettings(
            server.host,
            server.port,
            clients,
            messages,
            rate,
            size,
            nonReaders,
            Duration.ofSeconds(timeoutSeconds));
    try {
      LoadResult result = LoadGenerator.run(settings, out::println);
      result.print(out::println);
      return result.ok() ? 0 : 1;
    } catch (IOException e) {
      if (String.valueOf(e.getMessage()).contains("Too many open files")) {
        err.println(
            "Out of file descriptors (%s). Raise the limit first: ulimit -n 65536"
                .formatted(e.getMessage()));
      } else {
        err.println(BroadcastApp.connectFailure(server.host, server.port, e));
      }
      return 1;
    }
  }
}
