package edu.sockets.broadcast;

import edu.sockets.broadcast.BroadcastHub.Member;
import edu.sockets.broadcast.grading.BroadcastGrade;
import edu.sockets.broadcast.load.LoadGenerator;
import edu.sockets.broadcast.load.LoadResult;
import edu.sockets.broadcast.load.LoadSettings;
import edu.sockets.broadcast.naive.NaiveOutbox;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Phase 3's command line: {@code server}, {@code client}, {@code load}, {@code demo} and {@code
 * grade}.
 *
 * <p>Errors a user can cause (a port in use, no server, too many clients for the file limit) end
 * here in one line on standard error and exit code 1; bad arguments print the usage and exit 2.
 */
@Command(
    name = "phase3-broadcast",
    mixinStandardHelpOptions = true,
    versionProvider = BroadcastApp.Version.class,
    description = "A broadcast chat: every line a client sends goes to every other client.",
    subcommands = {
      BroadcastApp.Server.class,
      BroadcastApp.Client.class,
      BroadcastApp.Load.class,
      BroadcastApp.Demo.class,
      BroadcastGrade.class
    })
public final class BroadcastApp implements Callable<Integer> {

  static final int DEFAULT_PORT = 5003;

  @Spec CommandSpec spec;

  /** Where the client reads what the user types: standard input, or a stream a test feeds. */
  final InputStream keyboard;

  BroadcastApp(InputStream keyboard) {
    this.keyboard = keyboard;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new BroadcastApp(System.in)).execute(args));
  }

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: server, client, load, demo or grade");
  }

  /** The {@code --host} and {@code --port} of the server to connect to: client and load. */
  static final class ServerAddress {
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
  }

  /** How the server sends a line to the others: the one place where the kind is chosen. */
  enum Broadcast {
    queued(Outbox::new),
    naive(NaiveOutbox::new);

    final Member.Kind kind;

    Broadcast(Member.Kind kind) {
      this.kind = kind;
    }
  }

  @Command(
      name = "server",
      mixinStandardHelpOptions = true,
      description = {
        "Relay every line a client sends to all other clients, as [ip:port] text,"
            + " until Ctrl+C.",
        "Each client has its own queue (at most 1 MiB) and writer thread; a client whose queue"
            + " overflows is dropped."
      })
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
      checkRange(spec, "--port", port, 0, 65535);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      // Ctrl+C or kill (SIGINT, SIGTERM) run this hook: it stops the server, then waits until
      // every client has been told and closed, because the JVM ends as soon as hooks return.
      Thread hook = new Thread(this::stop, "shutdown");
      try (BroadcastServer server =
          BroadcastServer.open(host, port, broadcast.kind, out::println)) {
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
     * What Ctrl+C does: stop accepting, say goodbye to every client, close them all, and wait (a
     * few seconds at most) until that is done. Also how tests stop a server.
     */
    void stop() {
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

  @Command(
      name = "client",
      mixinStandardHelpOptions = true,
      description = {
        "Chat: print every line others send, and send every line you type.",
        "Leave with /exit or end of input (Ctrl+D; Ctrl+Z Enter on Windows)."
      })
  static final class Client implements Callable<Integer> {
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
      checkRange(spec, "--port", server.port, 1, 65535);
      checkRange(spec, "--timeout", timeoutSeconds, 1, 86400);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (BroadcastClient client =
          BroadcastClient.connect(server.host, server.port, Duration.ofSeconds(timeoutSeconds))) {
        return client.chat(app.keyboard, out, err);
      } catch (IOException e) {
        err.println(connectFailure(server.host, server.port, e));
        return 1;
      }
    }
  }

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
  static final class Load implements Callable<Integer> {
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
      checkRange(spec, "--port", server.port, 1, 65535);
      checkRange(spec, "--clients", clients, 2, 30_000);
      checkRange(spec, "--messages", messages, 1, 10_000_000);
      checkRange(spec, "--non-readers", nonReaders, 0, 30_000);
      checkRange(spec, "--size", size, 0, LineReader.MAX_LINE_BYTES);
      checkRange(spec, "--timeout", timeoutSeconds, 1, 3600);
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
          err.println(connectFailure(server.host, server.port, e));
        }
        return 1;
      }
    }
  }

  @Command(
      name = "demo",
      mixinStandardHelpOptions = true,
      description = "Run a server and three clients in this process, and show what each sees.")
  static final class Demo implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      return BroadcastDemo.run(spec.commandLine().getOut());
    }
  }

  /** Reads the version from the jar's manifest (there is none when run from target/classes). */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = BroadcastApp.class.getPackage().getImplementationVersion();
      return new String[] {
        "phase3-broadcast " + (version == null ? "(development build)" : version)
      };
    }
  }

  /** One line that says why we could not reach {@code host:port}. */
  private static String connectFailure(String host, int port, IOException e) {
    String server = host + ":" + port;
    return switch (e) {
      case UnknownHostException u ->
          "Unknown host: " + host + ". Check the name, or use the server's IP address.";
      case ConnectException c ->
          "Cannot connect to %s (%s). Is the server running?".formatted(server, e.getMessage());
      case SocketTimeoutException t ->
          "Gave up on %s: %s. Is the address right, and no firewall in the way?"
              .formatted(server, e.getMessage());
      default -> "Connection to " + server + " failed: " + e.getMessage();
    };
  }

  private static void checkRange(CommandSpec spec, String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ParameterException(
          spec.commandLine(),
          "%s must be between %d and %d, not %d".formatted(option, min, max, value));
    }
  }
}
