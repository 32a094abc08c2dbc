package edu.sockets.chat.app;

import edu.sockets.chat.limits.Limits;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code server} options for its defences against dead, flooding and slow clients: heartbeats,
 * the flood limit, connection caps and timeouts. Their defaults are {@link Limits#DEFAULTS}.
 */
final class LimitOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--ping-interval",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "Quiet time before PING to clients that opted in with /pong (default: ${DEFAULT-VALUE}; 0: no heartbeats).")
  double pingInterval;

  @Option(
      names = "--ping-timeout",
      paramLabel = "SECONDS",
      defaultValue = "15",
      description = "Time to answer a PING before being disconnected (default: ${DEFAULT-VALUE}).")
  double pingTimeout;

  @Option(
      names = "--rate-limit",
      paramLabel = "LINES",
      defaultValue = "50",
      description =
          "Lines per second a connection may send in the long run (default: ${DEFAULT-VALUE}; 0: no limit).")
  double rateLimit;

  @Option(
      names = "--burst",
      paramLabel = "LINES",
      defaultValue = "200",
      description = "Lines a connection may send at once (default: ${DEFAULT-VALUE}).")
  int burst;

  @Option(
      names = "--max-clients",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Connections in total (default: ${DEFAULT-VALUE}; 0: no cap).")
  int maxClients;

  @Option(
      names = "--max-per-address",
      paramLabel = "N",
      defaultValue = "20",
      description =
          "Connections from one IP address, loopback excepted (default: ${DEFAULT-VALUE}; 0: no cap).")
  int maxPerAddress;

  @Option(
      names = "--limit-loopback",
      description = "Apply --max-per-address to connections from this machine too.")
  boolean limitLoopback;

  @Option(
      names = "--line-timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description =
          "Time a line may take from its first byte to its end (default: ${DEFAULT-VALUE}; 0: off).")
  double lineTimeout;

  @Option(
      names = "--register-timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "Time a connection may take to choose a name (default: ${DEFAULT-VALUE}; 0: off).")
  double registerTimeout;

  @Option(
      names = "--no-limits",
      description =
          "No limit and no timeout at all, whatever the other options say (to measure their cost).")
  boolean noLimits;

  /** The limits the options ask for; bad values end in a usage error (exit 2). */
  Limits limits() {
    ChatApp.checkRange(spec, "--burst", burst, 0, 1_000_000);
    ChatApp.checkRange(spec, "--max-clients", maxClients, 0, 1_000_000);
    ChatApp.checkRange(spec, "--max-per-address", maxPerAddress, 0, 1_000_000);
    if (!(rateLimit >= 0 && rateLimit <= 1_000_000)) {
      throw new ParameterException(
          spec.commandLine(), "--rate-limit must be between 0 and 1000000, not " + rateLimit);
    }
    if (rateLimit > 0 && burst < 1) {
      throw new ParameterException(
          spec.commandLine(), "--burst must be 1 or more when there is a --rate-limit");
    }
    Duration interval = seconds("--ping-interval", pingInterval);
    Duration timeout = seconds("--ping-timeout", pingTimeout);
    if (!interval.isZero() && timeout.isZero()) {
      throw new ParameterException(
          spec.commandLine(), "--ping-timeout must be above 0 when heartbeats are on");
    }
    Limits limits =
        new Limits(
            interval,
            timeout,
            rateLimit,
            burst,
            maxClients,
            maxPerAddress,
            limitLoopback,
            seconds("--line-timeout", lineTimeout),
            seconds("--register-timeout", registerTimeout));
    return noLimits ? Limits.NONE : limits;
  }

  private Duration seconds(String option, double value) {
    if (!(value >= 0 && value <= 86_400)) {
      throw new ParameterException(
          spec.commandLine(),
          "%s must be between 0 and 86400 seconds, not %s".formatted(option, value));
    }
    return Duration.ofNanos(Math.round(value * 1e9));
  }
}
