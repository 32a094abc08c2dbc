package edu.sockets.broadcast.app;

import edu.sockets.broadcast.BroadcastHub.Member;
import edu.sockets.broadcast.BroadcastServer;
import edu.sockets.broadcast.Outbox;
import edu.sockets.broadcast.naive.NaiveOutbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code server}: runs the broadcast server until Ctrl+C, and turns its failures into one line. */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
      "Relay every line a client sends to all other clients, as [ip:port] text," + " until Ctrl+C.",
      "Each client has its own queue (at most 1 MiB) and writer thread; a client whose queue"
          + " overflows is dropped."
    })
public final class ServerCommand implements Callable<Integer> {

  /** How the server sends a line to the others: the one place where the kind is chosen. */
  enum Broadcast {
    queued(Outbox::new),
    naive(NaiveOutbox::new);

    final Member.Kind kind;

    Broadcast(Member.Kind kind) {
      this.kind = kind;
    }
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--host",
      defaultValue = "0.0.0.0",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, every interface).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "" + BroadcastApp.DEFAULT_PORT,
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--broadcast",
      defaultValue = "queued",
      description =
          "queued (default): per-client queues and writers; naive: the sender's thread writes"
              + " to each socket in turn, so one client that does not read stalls everyone"
              + " (for comparison).")
  Broadcast broadcast;

  /** The running server, so that {@link #stop()} can reach it from another thread. */
  private volatile BroadcastServer running;

  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() {
    BroadcastApp.checkRange(spec, "--port", port, 0, 65535);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Ctrl+C or kill (SIGINT, SIGTERM) run this hook: it stops the server, then waits until
    // every client has been told and closed, because the JVM ends as soon as hooks return.
    Thread hook = new Thread(this::stop, "shutdown");
    try (BroadcastServer server = BroadcastServer.open(host, port, broadcast.kind, out::println)) {
      running = server;
      listLanAddresses(out, server.port());
      if (broadcast == Broadcast.naive) {
        out.println(
            "Naive broadcast: each sender writes to every socket itself (a slow client stalls it)");
      }
      Runtime.getRuntime().addShutdownHook(hook);
      server.serve();
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
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stopped.countDown();
      removeHook(hook);
    }
    return 1;
  }

  /**
   * What Ctrl+C does: stop accepting, say goodbye to every client, close them all, and wait (a few
   * seconds at most) until that is done. Also how tests stop a server.
   */
  public void stop() {
    BroadcastServer server = running;
    if (server != null) {
      try {
        server.close();
        stopped.await(10, TimeUnit.SECONDS);
      } catch (IOException e) {
        // Closing the listening socket cannot fail in a way we could do anything about.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
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
            .map(a -> BroadcastServer.endpoint(a, port))
            .toList();
    if (lan.isEmpty()) {
      out.println("No network address besides loopback: only this machine can connect");
    }
    lan.forEach(address -> out.println("Other machines can connect to " + address));
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down already: the hook is running, or has run.
    }
  }
}
