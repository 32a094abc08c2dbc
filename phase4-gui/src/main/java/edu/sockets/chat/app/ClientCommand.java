package edu.sockets.chat.app;

import edu.sockets.chat.client.ChatConnection;
import edu.sockets.chat.client.Screen;
import edu.sockets.chat.client.TerminalClient;
import edu.sockets.chat.client.Transport;
import edu.sockets.chat.client.tls.KnownServers;
import edu.sockets.chat.client.tls.ServerTrust;
import edu.sockets.chat.client.tls.TerminalTrustQuestion;
import edu.sockets.chat.client.tls.TlsTransport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code client}: the terminal client, and its failures as one line each. */
@Command(
    name = "client",
    mixinStandardHelpOptions = true,
    description = "Chat in this terminal. /help lists the commands; /exit or Ctrl+D leaves.")
final class ClientCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand ChatApp app;

  @Mixin ServerAddress server;

  @Option(names = "--name", description = "Your name; asked for when not given.")
  String name;

  @Option(
      names = "--tls",
      description =
          "Connect with TLS; a server not certified by an authority is trusted on first use.")
  boolean tls;

  @Option(
      names = "--trust",
      paramLabel = "FINGERPRINT",
      description =
          "With --tls: trust a new server whose certificate has this SHA-256 fingerprint (the"
              + " one the server printed), without asking; remembered like a yes.")
  String trust;

  @Option(
      names = "--known-servers",
      paramLabel = "FILE",
      description = "With --tls: the servers you trust (default: ${DEFAULT-VALUE}).")
  Path knownServers = KnownServers.defaultPath();

  @Option(
      names = "--login",
      description = "Sign in to your account: the password is asked for, and not shown.")
  boolean login;

  @Option(
      names = "--register",
      description = "Create an account under --name: the password is asked for, and not shown.")
  boolean register;

  @Option(
      names = "--timeout",
      defaultValue = "10",
      description = "Seconds to wait for the connection (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Override
  public Integer call() throws InterruptedException {
    server.check(spec);
    ChatApp.checkRange(spec, "--timeout", timeoutSeconds, 1, 86400);
    if (login && register) {
      throw new ParameterException(spec.commandLine(), "--login and --register exclude each other");
    }
    ServerTrust trusting = ChatApp.serverTrust(spec, tls, trust, knownServers);
    TerminalClient.Account account =
        login
            ? TerminalClient.Account.LOGIN
            : register ? TerminalClient.Account.REGISTER : TerminalClient.Account.GUEST;
    TerminalClient.Options options =
        new TerminalClient.Options(
            server.host, server.port, name, account, Duration.ofSeconds(timeoutSeconds));
    try (Screen screen = Screen.open(app.in, spec.commandLine().getOut())) {
      return TerminalClient.run(options, transport(trusting, screen), screen);
    } catch (IOException e) {
      spec.commandLine().getErr().println(ChatConnection.explain(server.host, server.port, e));
      return 1;
    }
  }

  /**
   * Plain TCP, or TLS. On a terminal a new server's fingerprint is shown and the user asked; with
   * none (a pipe), {@code trusting} decides alone: {@code --trust}, or refuse.
   */
  private static Transport transport(ServerTrust trusting, Screen screen) {
    if (trusting == null) {
      return Transport.TCP;
    }
    return new TlsTransport(
        screen.isTerminal() ? trusting.askingWith(new TerminalTrustQuestion(screen)) : trusting);
  }
}
