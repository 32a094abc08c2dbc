package edu.sockets.chat.app;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.limits.Limits;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

@DisplayName("LimitOptions: the server's defences as options")
class LimitOptionsTest {

  private final CommandLine cli = ChatApp.commandLine(InputStream.nullInputStream());

  @Test
  @DisplayName(
      "server: the options' defaults are the server's default limits, and --help names them")
  void serverLimitOptions() {
    assertThat(server().limits.limits()).isEqualTo(Limits.DEFAULTS);
    assertThat(server("--no-limits").limits.limits()).isEqualTo(Limits.NONE);
    assertThat(cli.getSubcommands().get("server").getUsageMessage())
        .contains(
            "--ping-interval",
            "--ping-timeout",
            "--rate-limit",
            "--burst",
            "--max-clients",
            "--max-per-address",
            "--limit-loopback",
            "--line-timeout",
            "--register-timeout",
            "--no-limits");
  }

  @Test
  @DisplayName("server: each option reaches its limit")
  void optionsReachTheirLimits() {
    Limits limits =
        server(
                "--ping-interval",
                "2.5",
                "--ping-timeout",
                "1",
                "--rate-limit",
                "7",
                "--burst",
                "9",
                "--max-clients",
                "11",
                "--max-per-address",
                "3",
                "--limit-loopback",
                "--line-timeout",
                "0",
                "--register-timeout",
                "4")
            .limits
            .limits();

    assertThat(limits)
        .isEqualTo(
            new Limits(
                Duration.ofMillis(2500),
                Duration.ofSeconds(1),
                7,
                9,
                11,
                3,
                true,
                Duration.ZERO,
                Duration.ofSeconds(4)));
  }

  private ServerCommand server(String... options) {
    String[] args = new String[options.length + 1];
    args[0] = "server";
    System.arraycopy(options, 0, args, 1, options.length);
    return (ServerCommand) cli.parseArgs(args).subcommand().commandSpec().userObject();
  }
}
