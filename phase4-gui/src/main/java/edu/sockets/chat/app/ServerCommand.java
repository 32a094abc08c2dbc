package edu.sockets.chat.app;

import edu.sockets.chat.limits.Limits;
import edu.sockets.chat.server.AdminConsole;
import edu.sockets.chat.server.ChatServer;
import edu.sockets.chat.store.StoreException;
import edu.sockets.chat.tls.ServerCertificate;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code server}: the chat server with its admin console on standard input, until {@code shutdown}
 * or Ctrl+C. Its options come in three groups: the data ({@link DataOptions}), TLS ({@link
 * TlsOptions}) and the limits ({@link LimitOptions}).
 */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
      "Run the chat server. Type admin commands on its standard input:",
      "list, kick <name> [reason], rename <old> <new>, say <text>, shutdown.",
      "Limits and timeouts defend it against dead, flooding and slow clients; 0 turns one off."
    })
final class ServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand ChatApp app;

  @Option(
      names = "--host",
      defaultValue = "0.0.0.0",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, every interface).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "" + ChatApp.DEFAULT_PORT,
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Mixin DataOptions data;
  @Mixin TlsOptions tls;
  @Mixin LimitOptions limits;

  @Override
  public Integer call() {
    ChatApp.checkRange(spec, "--port", port, 0, 65535);
    data.check();
    Limits chosen = limits.limits();
    tls.check();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ServerCertificate certificate;
    try {
      certificate = tls.certificate(data.folder, out);
    } catch (IOException e) {
      err.println(e.getMessage());
      return 1;
    }
    ChatServer server = open(data.options(certificate, chosen), out, err);
    return server == null ? 1 : serve(server, out, err);
  }

  /** The server listening, its data open; null when it cannot start, said in one line. */
  private ChatServer open(ServerOptions options, PrintWriter out, PrintWriter err) {
    try {
      return options.open(host, port, out::println);
    } catch (UnknownHostException e) {
      err.println("Unknown host: " + host + ". Use an address of this machine, or 0.0.0.0.");
    } catch (IOException e) {
      err.println(cannotListen(host, port, e));
    } catch (StoreException e) {
      err.println(e.getMessage());
    }
    return null;
  }

  /** Serves, the admin console beside it, until {@code shutdown}, Ctrl+C or kill. */
  private int serve(ChatServer server, PrintWriter out, PrintWriter err) {
    // Ctrl+C (SIGINT) and kill (SIGTERM) run shutdown hooks: say goodbye as "shutdown" does. The
    // JVM halts when the hook returns, so the hook waits until this command has said its last.
    CountDownLatch finished = new CountDownLatch(1);
    Thread onSignal = new Thread(() -> shutDown(server, finished));
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

  private static void shutDown(ChatServer server, CountDownLatch finished) {
    server.shutdown();
    try {
      finished.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String cannotListen(String host, int port, IOException e) {
    // "Address already in use" is by far the usual cause; the others are named by the system.
    String advice =
        e instanceof BindException && String.valueOf(e.getMessage()).contains("in use")
            ? " Is another server using port %d? Stop it, or choose another port with --port."
                .formatted(port)
            : "";
    return "Cannot listen on %s:%d (%s).%s".formatted(host, port, e.getMessage(), advice);
  }
}
