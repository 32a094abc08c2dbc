package edu.sockets.multiclient;

import edu.sockets.multiclient.EchoServer.Threads;
import edu.sockets.multiclient.grading.MultiClientGrade;
import edu.sockets.multiclient.load.FileDescriptors;
import edu.sockets.multiclient.load.LoadGenerator;
import edu.sockets.multiclient.load.LoadResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Phase 2's command line: {@code server}, {@code client}, {@code load}, {@code demo} and {@code
 * grade}.
 *
 * <p>Errors a user can cause (a port in use, no server, a server that goes away) end here in one
 * line on standard error and exit code 1; bad arguments print the usage and exit with 2.
 */
@Command(
    name = "phase2-multiclient",
    mixinStandardHelpOptions = true,
    versionProvider = MultiClientApp.Version.class,
    description = "Many clients at once: a thread-per-client echo server, its client, a load test.",
    subcommands = {
      MultiClientApp.Server.class,
      MultiClientApp.Client.class,
      MultiClientApp.Load.class,
      MultiClientApp.Demo.class,
      MultiClientGrade.class
    })
public final class MultiClientApp implements Callable<Integer> {

  static final int DEFAULT_PORT = 5002;

  /** Where the client reads its lines: the keyboard or a pipe, or what a test feeds it. */
  private final InputStream stdin;

  @Spec CommandSpec spec;

  MultiClientApp(InputStream stdin) {
    this.stdin = stdin;
  }

  public static void main(String[] args) {
    System.exit(commandLine(System.in).execute(args));
  }

  /** The command line, reading the client's lines from {@code stdin}. */
  static CommandLine commandLine(InputStream stdin) {
    return new CommandLine(new MultiClientApp(stdin)).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: server, client, load, demo or grade");
  }

  @Command(
      name = "server",
      mixinStandardHelpOptions = true,
      description = {
        "Serve any number of clients at once, each on a thread of its own, until Ctrl+C.",
        "Each line a client sends is answered with its ip:port and the line; /exit leaves."
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
      checkRange(spec, "--port", port, 0, 65535);
      checkRange(spec, "--backlog", backlog, 1, 65535);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (EchoServer server =
          EchoServer.open(host, port, backlog, threads, verbose, out::println)) {
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
    void stop() {
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

  @Command(
      name = "client",
      mixinStandardHelpOptions = true,
      description = {
        "Send each line typed (or piped in) to the server, and print each reply.",
        "Leaves on /exit or at the end of the input (Ctrl+D; Ctrl+Z Enter on Windows)."
      })
  static final class Client implements Callable<Integer> {
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
      checkRange(spec, "--port", server.port, 1, 65535);
      checkRange(spec, "--timeout", timeoutSeconds, 1, 86400);
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

  @Command(
      name = "load",
      mixinStandardHelpOptions = true,
      description = {
        "Open --clients connections at once, then do rounds in which every client sends a line"
            + " and waits for its reply: --warmup rounds, then --rounds measured ones. Prints how"
            + " many connected and were answered, the time to connect them all, and the"
            + " round-trip times (p50, p99, max), those of the warm-up apart. Exit code 1 if any"
            + " client failed.",
        "",
        "Each connection is a file descriptor, here and in the server, and the system limits how"
            + " many a process may have open. 'ulimit -n' shows the limit (often 1024);"
            + " 'ulimit -Hn' shows the hard limit, the most it can be raised to without root. The"
            + " JVM raises its own limit to the hard limit as it starts.",
        "",
        "This command never raises a limit by itself: if the limit is too low for --clients, it"
            + " says so and stops. Raise it in the shell that starts the server and in the one"
            + " that starts the load generator, for example:",
        "    ulimit -n 20000",
        "Above the hard limit, root must raise it (/etc/security/limits.conf, or LimitNOFILE="
            + " for a systemd service).",
        "macOS also caps it at 'sysctl kern.maxfilesperproc'.",
        ""
      })
  static final class Load implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ServerAddress server;

    @Option(
        names = "--clients",
        defaultValue = "100",
        description = "Connections to open at once (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
        names = "--rounds",
        defaultValue = "10",
        description = "Measured rounds, one line per client each (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
        names = "--warmup",
        defaultValue = "1",
        description =
            "Rounds done first and reported apart: while they run, the JVMs compile the code"
                + " that matters (default: ${DEFAULT-VALUE}).")
    int warmupRounds;

    @Option(
        names = "--timeout",
        defaultValue = "30",
        description =
            "Seconds a client waits to connect, and for each reply (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() {
      checkRange(spec, "--port", server.port, 1, 65535);
      // One source address has about 28,000 ephemeral ports per server address on Linux.
      checkRange(spec, "--clients", clients, 1, 60_000);
      checkRange(spec, "--rounds", rounds, 1, 10_000);
      checkRange(spec, "--warmup", warmupRounds, 0, 100);
      checkRange(spec, "--timeout", timeoutSeconds, 1, 86400);
      if ((long) clients * (warmupRounds + rounds) > 10_000_000) {
        throw new ParameterException(
            spec.commandLine(), "--clients × (--warmup + --rounds) must be at most 10,000,000");
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try {
        InetAddress.getByName(server.host);
      } catch (UnknownHostException e) {
        err.println(server.unknown());
        return 1;
      }
      String problem = FileDescriptors.problem(clients);
      if (problem != null) {
        err.println(problem);
        return 1;
      }
      out.println("Load: %d clients against %s".formatted(clients, server));
      LoadResult result =
          LoadGenerator.run(
              server.host,
              server.port,
              clients,
              warmupRounds,
              rounds,
              Duration.ofSeconds(timeoutSeconds));
      result.report().forEach(out::println);
      if (result.connected() == 0) {
        err.println("No client could connect to " + server + ". Is the server running?");
      }
      return result.succeeded() ? 0 : 1;
    }
  }

  @Command(
      name = "demo",
      mixinStandardHelpOptions = true,
      description = "Run a server and two clients in this process, and show every side, labelled.")
  static final class Demo implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      // Resources close in reverse order: the server first, which ends the accept loop, then
      // the executor, which waits for the accept loop's thread to finish.
      try (ExecutorService acceptLoop = Executors.newSingleThreadExecutor();
          EchoServer server =
              EchoServer.open(
                  "127.0.0.1",
                  0,
                  EchoServer.DEFAULT_BACKLOG,
                  Threads.VIRTUAL,
                  true,
                  line -> out.println("[server] " + line))) {
        Future<?> serving =
            acceptLoop.submit(() -> {
              server.serve();
              return null;
            });
        // Each step waits for its reply, so the lines of every side print in a fixed order.
        try (Person alice = Person.connect("alice", server.port(), out)) {
          alice.say("Hello, I am Alice");
          try (Person bob = Person.connect("bob", server.port(), out)) {
            bob.say("Hello, I am Bob"); // answered at once, though Alice is still connected
            alice.say("Bob and I are connected at the same time");
            bob.say(EchoProtocol.EXIT);
            bob.awaitEnd();
          }
          alice.say("a tab\tand an escape \u001b[2J are shown, not obeyed");
          alice.say("x".repeat(LineReader.MAX_LINE_BYTES + 1));
          alice.say("still connected after that");
          alice.socket.shutdownOutput(); // end of stream: the server closes Alice's connection
          alice.awaitEnd();
        }
        server.stop();
        serving.get(); // rethrows, wrapped, anything that went wrong in the accept loop
        return 0;
      }
    }

    /** One of the demo's clients: a socket, the reader of its replies, and a name to print. */
    private record Person(String name, Socket socket, LineReader replies, PrintWriter out)
        implements AutoCloseable {

      static Person connect(String name, int port, PrintWriter out) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        return new Person(
            name, socket, new LineReader(socket.getInputStream(), EchoClient.MAX_REPLY_BYTES), out);
      }

      /** Sends one line, waits for its reply, and shows both. */
      void say(String line) throws IOException {
        socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        String reply = replies.readLine();
        String shown = line.length() > 60 ? "(a line of %d bytes)".formatted(line.length()) : line;
        out.println("[" + name + "] > " + EchoProtocol.visible(shown));
        out.println("[" + name + "] < " + reply);
      }

      /** Waits for the server to close the connection. */
      void awaitEnd() throws IOException {
        if (replies.readLine() == null) {
          out.println("[" + name + "] the server closed the connection");
        }
      }

      @Override
      public void close() throws IOException {
        socket.close();
      }
    }
  }

  /**
   * The server that the client and the load generator connect to: {@code --host}, {@code --port}.
   */
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

    /** The line for a host name that does not resolve. */
    String unknown() {
      return "Unknown host: " + host + ". Check the name, or use the server's IP address.";
    }

    @Override
    public String toString() {
      return host + ":" + port;
    }
  }

  /** Reads the version from the jar's manifest (there is none when run from target/classes). */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = MultiClientApp.class.getPackage().getImplementationVersion();
      return new String[] {
        "phase2-multiclient " + (version == null ? "(development build)" : version)
      };
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
