package edu.sockets.multiclient.app;

import edu.sockets.multiclient.EchoClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code client}: the interactive client, and its failures as one line each. */
@Command(
    name = "client",
    mixinStandardHelpOptions = true,
    description = {
      "Send each line typed (or piped in) to the server, and print each reply.",
      "Leaves on /exit or at the end of the input (Ctrl+D; Ctrl+Z Enter on Windows)."
    })
final class ClientCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand MultiClientApp app;

  @Mixin ServerAddress server;

  @Option(
      names = "--timeout",
      defaultValue = "10",
      description =
          "Seconds to wait to connect, and for the last replies once the input has ended"
              + " (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Override
  public Integer call() {
    MultiClientApp.checkRange(spec, "--port", server.port, 1, 65535);
    MultiClientApp.checkRange(spec, "--timeout", timeoutSeconds, 1, 86400);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BufferedReader input =
        new BufferedReader(new InputStreamReader(app.stdin, StandardCharsets.UTF_8));
    try {
      EchoClient.talk(
          server.host, server.port, Duration.ofSeconds(timeoutSeconds), input, out::println);
      return 0;
    } catch (UnknownHostException e) {
      err.println(server.unknown());
    } catch (ConnectException e) {
      err.println(
          "Cannot connect to %s (%s). Is the server running?".formatted(server, e.getMessage()));
    } catch (SocketTimeoutException e) {
      err.println(
          "Cannot connect to %s: no answer within %d s. Is the address right?"
              .formatted(server, timeoutSeconds));
    } catch (IOException e) {
      err.println(e.getMessage()); // EchoClient words these for the user
    }
    return 1;
  }
}
