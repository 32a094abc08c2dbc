package edu.sockets.hello;

import edu.sockets.hello.grading.HelloGrade;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Phase 1's command line: {@code server}, {@code client} and {@code demo}.
 *
 * <p>Errors a user can cause (a port in use, no server, a silent client) end here in one line on
 * standard error and exit code 1; bad arguments print the usage and exit with 2.
 */
@Command(
    name = "phase1-hello",
    mixinStandardHelpOptions = true,
    versionProvider = HelloApp.Version.class,
    description = "One client, one server, one exchange: Hello Server / Hello Client.",
    subcommands = {
      HelloApp.Server.class,
      HelloApp.Client.class,
      HelloApp.Demo.class,
      HelloGrade.class
    })
public final class HelloApp implements Callable<Integer> {

  static final int DEFAULT_PORT = 5001;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new HelloApp()).execute(args));
  }

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: server, client, demo or grade");
  }

  @Command(
      name = "server",
      mixinStandardHelpOptions = true,
      description = "Wait for one client, answer its greeting with Hello Client, and exit.")
  static final class Server implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--host",
        defaultValue = "0.0.0.0",
        description = "Address to listen on (default: ${DEFAULT-VALUE}, every interface).")
    String host;

    @Option(
        names = "--port",
        defaultValue = "" + DEFAULT_PORT,
        description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
        names = "--timeout",
        defaultValue = "30",
        description = "Seconds a connected client may stay silent (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() {
      checkRange(spec, "--port", port, 0, 65535);
      checkRange(spec, "--timeout", timeoutSeconds, 1, 86400);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (HelloServer server =
          HelloServer.open(host, port, Duration.ofSeconds(timeoutSeconds), out::println)) {
        listLanAddresses(out, server.port());
        server.serveOne();
        return 0;
      } catch (UnknownHostException e) {
        err.println("Unknown host: " + host + ". Use an address of this machine, or 0.0.0.0.");
      } catch (BindException e) {
        // "Address already in use" is by far the usual cause; the others are named by the system.
        String advice =
            e.getMessage().contains("in use")
                ? " Is another server using port %d? Stop it, or choose another port with --port."
                    .formatted(port)
                : "";
        err.println("Cannot listen on %s:%d (%s).%s".formatted(host, port, e.getMessage(), advice));
      } catch (IOException e) {
        err.println("Server stopped: " + e.getMessage());
      }
      return 1;
    }

    /**
     * Says where other machines can connect to a server listening on every interface, so a student
     * does not have to look up this machine's IP. IPv4 only: a server bound to 0.0.0.0 accepts IPv4
     * connections only.
     */
    private void listLanAddresses(PrintWriter out, int port) throws IOException {
      if (!InetAddress.getByName(host).isAnyLocalAddress()) {
        return;
      }
      List<String> lan =
          NetworkInterface.networkInterfaces()
              .flatMap(NetworkInterface::inetAddresses)
              .filter(a -> a instanceof Inet4Address)
              .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
              .map(a -> HelloServer.endpoint(a, port))
              .toList();
      if (lan.isEmpty()) {
        out.println("No network address besides loopback: only this machine can connect");
      }
      lan.forEach(address -> out.println("Other machines can connect to " + address));
    }
  }

  @Command(
      name = "client",
      mixinStandardHelpOptions = true,
      description = "Connect, send Hello Server, print the reply, and exit.")
  static final class Client implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--host",
        defaultValue = "127.0.0.1",
        description = "Server to connect to (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
        names = "--port",
        defaultValue = "" + DEFAULT_PORT,
        description = "Server's port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
        names = "--message",
        defaultValue = HelloClient.GREETING,
        description = "The line to send (default: ${DEFAULT-VALUE}).")
    String message;

    @Option(
        names = "--timeout",
        defaultValue = "30",
        description = "Seconds to wait to connect, then for the reply (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() {
      checkRange(spec, "--port", port, 1, 65535);
      checkRange(spec, "--timeout", timeoutSeconds, 1, 86400);
      if (message.contains("\n") || message.contains("\r")) {
        throw new ParameterException(spec.commandLine(), "--message must be a single line");
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      String server = host + ":" + port;
      try {
        HelloClient.exchange(host, port, message, Duration.ofSeconds(timeoutSeconds), out::println);
        return 0;
      } catch (UnknownHostException e) {
        err.println("Unknown host: " + host + ". Check the name, or use the server's IP address.");
      } catch (ConnectException e) {
        err.println(
            "Cannot connect to %s (%s). Is the server running?".formatted(server, e.getMessage()));
      } catch (SocketTimeoutException e) {
        err.println("Gave up on " + server + ": " + e.getMessage());
      } catch (IOException e) {
        err.println("Connection to " + server + " failed: " + e.getMessage());
      }
      return 1;
    }
  }

  @Command(
      name = "demo",
      mixinStandardHelpOptions = true,
      description = "Run a server and a client in this process, and show both sides, labelled.")
  static final class Demo implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      Duration timeout = Duration.ofSeconds(10);
      // Resources close in reverse order: the server first, which ends a pending accept(), then
      // the executor, which waits for the server's thread to finish.
      try (ExecutorService serverThread = Executors.newSingleThreadExecutor();
          HelloServer server =
              HelloServer.open("127.0.0.1", 0, timeout, line -> out.println("[server] " + line))) {
        // The server blocks in accept(), so it needs a thread of its own while the client runs.
        Future<?> serving =
            serverThread.submit(() -> {
              server.serveOne();
              return null;
            });
        HelloClient.exchange(
            "127.0.0.1",
            server.port(),
            HelloClient.GREETING,
            timeout,
            line -> out.println("[client] " + line));
        serving.get(); // rethrows, wrapped, anything that went wrong on the server's side
        return 0;
      }
    }
  }

  /** Reads the version from the jar's manifest (there is none when run from target/classes). */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = HelloApp.class.getPackage().getImplementationVersion();
      return new String[] {"phase1-hello " + (version == null ? "(development build)" : version)};
    }
  }

  private static void checkRange(CommandSpec spec, String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ParameterException(
          spec.commandLine(),
          "%s must be between %d and %d, not %d".formatted(option, min, max, value));
    }
  }
}
