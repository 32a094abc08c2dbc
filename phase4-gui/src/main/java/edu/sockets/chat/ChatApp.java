package edu.sockets.chat;

import edu.sockets.chat.accounts.LoginThrottle.Policy;
import edu.sockets.chat.accounts.PasswordHasher;
import edu.sockets.chat.client.ChatConnection;
import edu.sockets.chat.client.Screen;
import edu.sockets.chat.client.TerminalClient;
import edu.sockets.chat.client.Transport;
import edu.sockets.chat.client.tls.KnownServers;
import edu.sockets.chat.client.tls.ServerTrust;
import edu.sockets.chat.client.tls.TerminalTrustQuestion;
import edu.sockets.chat.client.tls.TlsTransport;
import edu.sockets.chat.grading.ChatGrade;
import edu.sockets.chat.gui.ChatGui;
import edu.sockets.chat.limits.Limits;
import edu.sockets.chat.load.LoadGenerator;
import edu.sockets.chat.protocol.trust.Fingerprints;
import edu.sockets.chat.server.AdminConsole;
import edu.sockets.chat.server.ChatServer;
import edu.sockets.chat.store.StoreException;
import edu.sockets.chat.tls.ServerCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Phase 4's command line: {@code server}, {@code client}, {@code gui}, {@code load}, {@code demo},
 * {@code terminal-demo}, {@code screenshots} and {@code grade}.
 *
 * <p>Errors a user can cause (a port in use, no server) end here in one line on standard error and
 * exit code 1; bad arguments print the usage and exit with 2.
 */
@Command(
    name = "phase4-gui",
    mixinStandardHelpOptions = true,
    versionProvider = ChatApp.Version.class,
    description = "A chat server with names, rooms and private messages, and its clients.",
    subcommands = {
      ChatApp.Server.class,
      ChatApp.Client.class,
      ChatApp.Gui.class,
      ChatApp.Load.class,
      GuiDemo.class,
      TerminalDemo.class,
      Screenshots.class,
      ChatGrade.class
    })
public final class ChatApp implements Callable<Integer> {

  static final int DEFAULT_PORT = 5004;

  @Spec CommandSpec spec;

  /** Standard input: the admin console's and the terminal client's; a pipe in tests. */
  final InputStream in;

  ChatApp(InputStream in) {
    this.in = in;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ChatApp(System.in)).execute(args));
  }

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: server, client, gui, load, demo or grade");
  }

  @Command(
      name = "server",
      mixinStandardHelpOptions = true,
      description = {
        "Run the chat server. Type admin commands on its standard input:",
        "list, kick <name> [reason], rename <old> <new>, say <text>, shutdown.",
        "Limits and timeouts defend it against dead, flooding and slow clients; 0 turns one off."
      })
  static final class Server implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand ChatApp app;

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
        names = "--data",
        paramLabel = "DIR",
        description = "Folder for the server's data (default: ${DEFAULT-VALUE}).")
    Path data = DataDirectory.defaultPath();

    @Option(
        names = "--tls",
        description =
            "Speak TLS 1.3 only. Without --keystore: a self-signed certificate, made on the first"
                + " run and kept in the --data folder; its fingerprint is printed for clients to"
                + " compare.")
    boolean tls;

    @Option(
        names = "--keystore",
        paramLabel = "FILE",
        description =
            "With --tls: a PKCS12 or JKS keystore holding the server's key and certificate. Its"
                + " password is read from the environment variable "
                + KEYSTORE_PASSWORD
                + ".")
    Path keystore;

    @Option(
        names = "--history",
        paramLabel = "N",
        defaultValue = "" + ServerOptions.DEFAULT_HISTORY,
        description =
            "Messages of history an arrival gets, public and per room; 0 turns history off"
                + " (default: ${DEFAULT-VALUE}).")
    int history;

    @Option(
        names = "--hash-iterations",
        paramLabel = "N",
        description =
            "PBKDF2 iterations for new passwords (default: ${DEFAULT-VALUE}, OWASP's"
                + " recommendation; fewer only for tests).")
    int hashIterations = PasswordHasher.RECOMMENDED_ITERATIONS;

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
        description =
            "Time to answer a PING before being disconnected (default: ${DEFAULT-VALUE}).")
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
      checkRange(spec, "--burst", burst, 0, 1_000_000);
      checkRange(spec, "--max-clients", maxClients, 0, 1_000_000);
      checkRange(spec, "--max-per-address", maxPerAddress, 0, 1_000_000);
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

    @Override
    public Integer call() throws InterruptedException {
      checkRange(spec, "--port", port, 0, 65535);
      checkRange(spec, "--history", history, 0, ServerOptions.MAX_HISTORY);
      checkRange(spec, "--hash-iterations", hashIterations, 1, 100_000_000);
      Limits limits = limits();
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (keystore != null && !tls) {
        throw new ParameterException(spec.commandLine(), "--keystore needs --tls");
      }
      ServerCertificate certificate = null;
      if (tls) {
        try {
          certificate = certificate(this, out);
        } catch (IOException e) {
          err.println(e.getMessage());
          return 1;
        }
        if (certificate == null) {
          err.println("Set " + KEYSTORE_PASSWORD + " to the password of " + keystore + ".");
          return 1;
        }
      }
      ChatServer server;
      try {
        Policy throttle = Policy.DEFAULT;
        server =
            new ServerOptions(data, history, hashIterations, throttle, certificate, limits)
                .open(host, port, out::println);
      } catch (UnknownHostException e) {
        err.println("Unknown host: " + host + ". Use an address of this machine, or 0.0.0.0.");
        return 1;
      } catch (IOException e) {
        err.println(cannotListen(host, port, e));
        return 1;
      } catch (StoreException e) {
        err.println(e.getMessage());
        return 1;
      }
      // Ctrl+C (SIGINT) and kill (SIGTERM) run shutdown hooks: say goodbye as "shutdown" does. The
      // JVM halts when the hook returns, so the hook waits until this command has said its last.
      CountDownLatch finished = new CountDownLatch(1);
      Thread onSignal =
          new Thread(() -> {
            server.shutdown();
            try {
              finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      Runtime.getRuntime().addShutdownHook(onSignal);
      Thread.ofPlatform()
          .daemon() // the console must not keep the program alive once the server has stopped
          .name("admin console")
          .start(() -> new AdminConsole(server, out::println).run(app.in));
      try {
        server.serve();
        out.println("Server stopped");
        return 0;
      } catch (IOException e) {
        err.println("Server stopped: " + e.getMessage());
        return 1;
      } finally {
        finished.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(onSignal);
        } catch (IllegalStateException e) {
          // The JVM is already shutting down (Ctrl+C): the hook is running, nothing to remove.
        }
      }
    }
  }

  /**
   * The environment variable with {@code --keystore}'s password: unlike an option, ps cannot see
   * it.
   */
  static final String KEYSTORE_PASSWORD = "CHAT_KEYSTORE_PASSWORD";

  /** The server's certificate for {@code --tls}, its fingerprint printed; null: no password. */
  static ServerCertificate certificate(Server options, PrintWriter out) throws IOException {
    ServerCertificate certificate;
    if (options.keystore != null) {
      String password = System.getenv(KEYSTORE_PASSWORD);
      if (password == null) {
        return null;
      }
      certificate = ServerCertificate.fromKeystore(options.keystore, password.toCharArray());
      out.println("TLS certificate from " + certificate.file());
    } else {
      certificate = ServerCertificate.selfSigned(DataDirectory.prepare(options.data));
      out.println(
          (certificate.created() ? "TLS certificate made (self-signed): " : "TLS certificate: ")
              + certificate.file());
    }
    out.println("TLS certificate SHA-256 fingerprint: " + certificate.fingerprint());
    return certificate;
  }

  @Command(
      name = "client",
      mixinStandardHelpOptions = true,
      description = "Chat in this terminal. /help lists the commands; /exit or Ctrl+D leaves.")
  static final class Client implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand ChatApp app;

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
      checkRange(spec, "--port", port, 1, 65535);
      checkRange(spec, "--timeout", timeoutSeconds, 1, 86400);
      if (login && register) {
        throw new ParameterException(
            spec.commandLine(), "--login and --register exclude each other");
      }
      PrintWriter err = spec.commandLine().getErr();
      ServerTrust trusting = serverTrust(spec, tls, trust, knownServers);
      TerminalClient.Options options =
          new TerminalClient.Options(
              host,
              port,
              name,
              login
                  ? TerminalClient.Account.LOGIN
                  : register ? TerminalClient.Account.REGISTER : TerminalClient.Account.GUEST,
              Duration.ofSeconds(timeoutSeconds));
      try (Screen screen = Screen.open(app.in, spec.commandLine().getOut())) {
        // On a terminal a new server's fingerprint is shown and the user asked; with none (a
        // pipe), trusting decides alone: --trust, or refuse.
        Transport transport =
            trusting == null
                ? Transport.TCP
                : new TlsTransport(
                    screen.isTerminal()
                        ? trusting.askingWith(new TerminalTrustQuestion(screen))
                        : trusting);
        return TerminalClient.run(options, transport, screen);
      } catch (IOException e) {
        err.println(ChatConnection.explain(host, port, e));
        return 1;
      }
    }
  }

  @Command(
      name = "gui",
      mixinStandardHelpOptions = true,
      description = {
        "Chat in a window: a connect dialog (server, port, name, password, Use TLS), then the",
        "chat window. Server, port and Use TLS are remembered (never the password); --name",
        "connects at once as a guest."
      })
  static final class Gui implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--host", description = "Server (default: the last one, or 127.0.0.1).")
    String host;

    @Option(names = "--port", description = "Server's port (default: the last one, or 5004).")
    Integer port;

    @Option(names = "--name", description = "Your name; with it, the dialog connects at once.")
    String name;

    @Option(
        names = "--theme",
        description = "light, dark or system (default: the last one chosen, or system).")
    String theme;

    @Override
    public Integer call() throws InterruptedException {
      if (port != null) {
        checkRange(spec, "--port", port, 1, 65535);
      }
      checkTheme(spec, theme);
      if (!ChatGui.hasDisplay()) {
        spec.commandLine().getErr().println(ChatGui.NO_DISPLAY);
        return 1;
      }
      ChatGui.setUp(theme, false);
      ChatGui.run(host, port, name);
      return 0;
    }
  }

  @Command(
      name = "load",
      mixinStandardHelpOptions = true,
      description = {
        "Register --clients users that each send --messages public messages and all read;",
        "print deliveries, loss, rate and latency. Exit 1 if anything was lost."
      })
  static final class Load implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--host",
        defaultValue = "127.0.0.1",
        description = "Server (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
        names = "--port",
        defaultValue = "" + DEFAULT_PORT,
        description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
        names = "--clients",
        defaultValue = "100",
        description = "Users (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
        names = "--messages",
        defaultValue = "100",
        description = "Messages each user sends (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(
        names = "--rate",
        defaultValue = "0",
        description =
            "Messages per second per user; 0 is as fast as possible (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(
        names = "--timeout",
        defaultValue = "10",
        description =
            "Seconds without a delivery after which the rest counts as lost (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(
        names = "--tls",
        description = "Connect with TLS; the server must be known, or given with --trust.")
    boolean tls;

    @Option(
        names = "--trust",
        paramLabel = "FINGERPRINT",
        description = "With --tls: trust a new server with this SHA-256 fingerprint.")
    String trust;

    @Option(
        names = "--known-servers",
        paramLabel = "FILE",
        description = "With --tls: the servers you trust (default: ${DEFAULT-VALUE}).")
    Path knownServers = KnownServers.defaultPath();

    @Override
    public Integer call() throws InterruptedException {
      checkRange(spec, "--port", port, 1, 65535);
      checkRange(spec, "--clients", clients, 1, 20_000);
      checkRange(spec, "--messages", messages, 1, 10_000_000);
      checkRange(spec, "--timeout", timeoutSeconds, 1, 3600);
      if (rate < 0) {
        throw new ParameterException(spec.commandLine(), "--rate must be 0 or more, not " + rate);
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      ServerTrust trusting = serverTrust(spec, tls, trust, knownServers);
      LoadGenerator.Result r;
      try {
        r =
            LoadGenerator.run(
                new LoadGenerator.Options(
                    host,
                    port,
                    clients,
                    messages,
                    rate,
                    Duration.ofSeconds(timeoutSeconds),
                    trusting),
                out::println);
      } catch (IOException e) {
        err.println(ChatConnection.explain(host, port, e));
        return 1;
      } catch (IllegalStateException e) {
        err.println("Load run failed: " + e.getMessage());
        return 1;
      }
      out.printf(
          "deliveries: %,d expected, %,d received, %,d lost (%.3f%%); %,d out of order, %,d corrupted%n",
          r.expected(),
          r.received(),
          r.lost(),
          100.0 * r.lost() / r.expected(),
          r.misordered(),
          r.corrupted());
      out.printf("time: %.3f s, rate: %,.0f deliveries/s%n", r.seconds(), r.rate());
      out.printf(
          "latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
          r.p50() / 1e6, r.p99() / 1e6, r.max() / 1e6);
      out.flush();
      return r.ok() ? 0 : 1;
    }
  }

  /** Reads the version from the jar's manifest (there is none when run from target/classes). */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ChatApp.class.getPackage().getImplementationVersion();
      return new String[] {"phase4-gui " + (version == null ? "(development build)" : version)};
    }
  }

  static String cannotListen(String host, int port, IOException e) {
    // "Address already in use" is by far the usual cause; the others are named by the system.
    String advice =
        e instanceof BindException && String.valueOf(e.getMessage()).contains("in use")
            ? " Is another server using port %d? Stop it, or choose another port with --port."
                .formatted(port)
            : "";
    return "Cannot listen on %s:%d (%s).%s".formatted(host, port, e.getMessage(), advice);
  }

  /** The clients' TLS options as a {@link ServerTrust}; null without {@code --tls}. */
  static ServerTrust serverTrust(CommandSpec spec, boolean tls, String trust, Path knownServers) {
    if (trust != null && (!tls || Fingerprints.parse(trust) == null)) {
      throw new ParameterException(
          spec.commandLine(),
          tls
              ? "--trust must be a SHA-256 fingerprint (64 hex digits, colons allowed), not "
                  + trust
              : "--trust needs --tls");
    }
    if (!tls) {
      return null;
    }
    ServerTrust trusting = ServerTrust.of(new KnownServers(knownServers));
    return trust == null ? trusting : trusting.trusting(trust);
  }

  static void checkTheme(CommandSpec spec, String theme) {
    if (theme != null && !ChatGui.THEMES.contains(theme)) {
      throw new ParameterException(
          spec.commandLine(), "--theme must be one of " + ChatGui.THEMES + ", not " + theme);
    }
  }

  static void checkRange(CommandSpec spec, String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ParameterException(
          spec.commandLine(),
          "%s must be between %d and %d, not %d".formatted(option, min, max, value));
    }
  }
}
