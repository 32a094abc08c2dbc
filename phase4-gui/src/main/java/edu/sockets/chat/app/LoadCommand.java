package edu.sockets.chat.app;

import edu.sockets.chat.client.ChatConnection;
import edu.sockets.chat.client.tls.KnownServers;
import edu.sockets.chat.load.LoadGenerator;
import edu.sockets.chat.load.LoadResult;
import edu.sockets.chat.load.LoadSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code load}: the load generator against a running server, and what it measured. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Register --clients users that each send --messages public messages and all read;",
      "print deliveries, loss, rate and latency. Exit 1 if anything was lost."
    })
final class LoadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ServerAddress server;

  @Option(
      names = "--clients",
      defaultValue = "100",
      description = "Users (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--messages",
      defaultValue = "100",
      description = "Messages each user sends (default: ${DEFAULT-VALUE}).")
  int messages;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description =
          "Messages per second per user; 0 is as fast as possible (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--timeout",
      defaultValue = "10",
      description =
          "Seconds without a delivery after which the rest counts as lost (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = "--tls",
      description = "Connect with TLS; the server must be known, or given with --trust.")
  boolean tls;

  @Option(
      names = "--trust",
      paramLabel = "FINGERPRINT",
      description = "With --tls: trust a new server with this SHA-256 fingerprint.")
  String trust;

  @Option(
      names = "--known-servers",
      paramLabel = "FILE",
      description = "With --tls: the servers you trust (default: ${DEFAULT-VALUE}).")
  Path knownServers = KnownServers.defaultPath();

  @Override
  public Integer call() throws InterruptedException {
    server.check(spec);
    ChatApp.checkRange(spec, "--clients", clients, 1, 20_000);
    ChatApp.checkRange(spec, "--messages", messages, 1, 10_000_000);
    ChatApp.checkRange(spec, "--timeout", timeoutSeconds, 1, 3600);
    if (rate < 0) {
      throw new ParameterException(spec.commandLine(), "--rate must be 0 or more, not " + rate);
    }
    LoadSettings settings =
        new LoadSettings(
            server.host,
            server.port,
            clients,
            messages,
            rate,
            Duration.ofSeconds(timeoutSeconds),
            ChatApp.serverTrust(spec, tls, trust, knownServers));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      LoadResult result = LoadGenerator.run(settings, out::println);
      result.print(out::println);
      out.flush();
      return result.ok() ? 0 : 1;
    } catch (IOException e) {
      err.println(ChatConnection.explain(server.host, server.port, e));
      return 1;
    } catch (IllegalStateException e) {
      err.println("Load run failed: " + e.getMessage());
      return 1;
    }
  }
}
