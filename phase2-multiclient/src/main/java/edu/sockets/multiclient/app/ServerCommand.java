package edu.sockets.multiclient.app;

import edu.sockets.multiclient.EchoServer;
import edu.sockets.multiclient.EchoServer.Threads;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code server}: runs the echo server until Ctrl+C, and turns its failures into one line. */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
      "Serve any number of clients at once, each on a thread of its own, until Ctrl+C.",
      "Each line a client sends is answered with its ip:port and the line; /exit leaves."
    })
public final class ServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--host",
      defaultValue = "0.0.0.0",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, every interface).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "" + MultiClientApp.DEFAULT_PORT,
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--threads",
      defaultValue = "virtual",
      description = "Kind of thread per client: virtual or platform (default: ${DEFAULT-VALUE}).")
  Threads threads;

  @Option(
      names = "--backlog",
      defaultValue = "" + EchoServer.DEFAULT_BACKLOG,
      description =
          "Connections the kernel may queue until they are accepted; Linux caps it at"
              + " net.core.somaxconn (default: ${DEFAULT-VALUE}).")
  int backlog;

  @Option(
      names = "--verbose",
      description = "Also log every line received, not only arrivals and departures.")
  boolean verbose;

  /** The server once it listens: what the Ctrl+C handler, and the tests, stop. */
  final CompletableFuture<EchoServer> started = new CompletableFuture<>();

  @Override
  public Integer call() {
    MultiClientApp.checkRange(spec, "--port", port, 0, 65535);
    MultiClientApp.checkRange(spec, "--backlog", backlog, 1, 65535);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (EchoServer server = EchoServer.open(host, port, backlog, threads, verbose, out::println)) {
      started.complete(server);
      listLanAddresses(out, server.port());
      // Ctrl+C (SIGINT) and kill (SIGTERM) make the JVM run its shutdown hooks before it exits:
      // ours stops accepting, closes every client's connection and prints a summary.
      Thread hook = new Thread(server::stop, "shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        server.serve();
      } finally {
        removeShutdownHook(hook);
      }
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
            .map(a -> EchoServer.endpoint(a, port))
            .toList();
    if (lan.isEmpty()) {
      out.println("No network address besides loopback: only this machine can connect");
    }
    lan.forEach(address -> out.println("Other machines can connect to " + address));
  }

  /** What the shutdown hook does, for a server run inside another program (a test). */
  public void stop() {
    started.thenAccept(EchoServer::stop);
  }

  private static void removeShutdownHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook is running now, and must stay.
    }
  }
}
