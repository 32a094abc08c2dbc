package edu.sockets.broadcast.app;

import edu.sockets.broadcast.BroadcastClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code client}: the chat client, and its failures as one line each. */
@Command(
    name = "client",
    mixinStandardHelpOptions = true,
    description = {
      "Chat: print every line others send, and send every line you type.",
      "Leave with /exit or end of input (Ctrl+D; Ctrl+Z Enter on Windows)."
    })
final class ClientCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand BroadcastApp app;

  @Mixin ServerAddress server;

  @Option(
      names = "--timeout",
      defaultValue = "10",
      description = "Seconds to wait for the connection (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Override
  public Integer call() {
    BroadcastApp.checkRange(spec, "--port", server.port, 1, 65535);
    BroadcastApp.checkRange(spec, "--timeout", timeoutSeconds, 1, 86400);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (BroadcastClient client =
        BroadcastClient.connect(server.host, server.port, Duration.ofSeconds(timeoutSeconds))) {
      return client.chat(app.keyboard, out, err);
    } catch (IOException e) {
      err.println(BroadcastApp.connectFailure(server.host, server.port, e));
      return 1;
    }
  }
}
