package edu.sockets.broadcast.app;

import edu.sockets.broadcast.BroadcastClient;
import edu.sockets.broadcast.BroadcastServer;
import edu.sockets.broadcast.Outbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The demo: a server and three clients, A, B and C, in one process, each line labelled with who
 * printed it. The script: everyone joins, A greets, C tries to retitle and clear the others'
 * terminals, B leaves with /exit, and the server shuts down.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run a server and three clients in this process, and show what each sees.")
final class BroadcastDemo implements Callable<Integer> {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Spec CommandSpec spec;

  private PrintWriter out;

  @Override
  public Integer call() throws Exception {
    out = spec.commandLine().getOut();
    // Resources close in reverse order: the server first, which ends serve(), then the executor,
    // which waits for the server's thread to finish.
    try (ExecutorService serverThread = Executors.newSingleThreadExecutor();
        BroadcastServer server =
            BroadcastServer.open(
                "127.0.0.1", 0, Outbox::new, line -> out.println("[server] " + line))) {
      // serve() blocks in accept(), so the server needs a thread of its own.
      Future<?> serving =
          serverThread.submit(() -> {
            server.serve();
            return null;
          });
      chat(server);
      serving.get(); // rethrows, wrapped, anything that went wrong on the server's side
      return 0;
    }
  }

  /** The script, from the first join to the shutdown; then it closes every client. */
  private void chat(BroadcastServer server) throws IOException {
    BroadcastClient a = join("A", server.port());
    BroadcastClient b = join("B", server.port());
    hear("A", a);
    BroadcastClient c = join("C", server.port());
    hear("A", a);
    hear("B", b);

    say("A", a, "Hello everyone!");
    hear("B", b);
    hear("C", c);

    // OSC 0 sets the window title, ESC [2J clears the screen: the server removes ESC and BEL,
    // so the others see harmless text instead.
    say("C", c, "\u001b]0;you have been hacked\u0007\u001b[2JHi from C");
    hear("A", a);
    hear("B", b);

    say("B", b, "/exit");
    hear("B", b);
    hear("A", a);
    hear("C", c);

    out.println("(the server shuts down, as on Ctrl+C)");
    server.close();
    hear("A", a);
    hear("C", c);
    for (BroadcastClient client : new BroadcastClient[] {a, b, c}) {
      client.close(); // the server waits for its clients to close before it stops
    }
  }

  private BroadcastClient join(String label, int port) throws IOException {
    BroadcastClient client = BroadcastClient.connect("127.0.0.1", port, TIMEOUT);
    out.println("[" + label + "] (connects from local port " + client.localPort() + ")");
    hear(label, client);
    return client;
  }

  private void say(String label, BroadcastClient client, String line) throws IOException {
    // Shown with ESC and BEL spelled out: printing them would retitle and clear this terminal.
    out.println("[" + label + "] > " + line.replace("\u001b", "<ESC>").replace("\u0007", "<BEL>"));
    client.send(line);
  }

  private void hear(String label, BroadcastClient client) throws IOException {
    String line = client.readLine();
    out.println("[" + label + "] " + (line == null ? "(connection closed)" : line));
  }
}
