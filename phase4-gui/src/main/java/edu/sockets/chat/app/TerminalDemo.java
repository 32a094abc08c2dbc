package edu.sockets.chat.app;

import edu.sockets.chat.client.ChatConnection;
import edu.sockets.chat.client.TerminalFormat;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Bye;
import edu.sockets.chat.protocol.ServerMessage.Join;
import edu.sockets.chat.protocol.ServerMessage.Leave;
import edu.sockets.chat.protocol.ServerMessage.Msg;
import edu.sockets.chat.protocol.ServerMessage.Users;
import edu.sockets.chat.protocol.ServerMessage.Welcome;
import edu.sockets.chat.server.ChatServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The terminal demo: a server and two scripted users, alice and bob, in this process. Each line
 * printed says whose it is; each step waits for its answers before the next, so the story reads in
 * order. (The windowed demo is {@link GuiDemo}.)
 */
@Command(
    name = "terminal-demo",
    mixinStandardHelpOptions = true,
    description =
        "Run a server and two scripted users in this process, and print what each sees (no window).")
final class TerminalDemo implements Callable<Integer> {

  private static final Duration STEP = Duration.ofSeconds(5);

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ChatServer server =
        ServerOptions.DEFAULTS.open("127.0.0.1", 0, line -> out.println("[server] " + line));
    Thread serving = server.serveInBackground("demo server");
    try (User alice = new User("alice", server.port(), out)) {
      alice.say("/name alice");
      alice.await(Welcome.class::isInstance);
      try (User bob = new User("bob", server.port(), out)) {
        converse(alice, bob);
      }
      alice.say("/exit");
      alice.await(Bye.class::isInstance);
    } finally {
      server.shutdown();
      serving.join(STEP.toMillis());
    }
    return 0;
  }

  private static void converse(User alice, User bob) throws IOException, InterruptedException {
    bob.say("/name bob");
    bob.await(Welcome.class::isInstance);
    alice.await(m -> m instanceof Join j && j.name().equals("bob"));

    alice.say("Hi bob! Everyone sees this, me included.");
    alice.await(Msg.class::isInstance);
    bob.await(Msg.class::isInstance);

    bob.say("/pm alice Hello alice, this one is only for you.");
    alice.await(Msg.class::isInstance);
    bob.await(Msg.class::isInstance);

    bob.say("/join #java");
    bob.await(Join.class::isInstance);
    alice.say("/join #java");
    alice.await(Join.class::isInstance);
    bob.await(Join.class::isInstance);
    bob.say("/msg #java Has anyone tried virtual threads?");
    alice.await(Msg.class::isInstance);
    bob.await(Msg.class::isInstance);

    alice.say("/who");
    alice.await(Users.class::isInstance);

    bob.say("/exit");
    bob.await(Bye.class::isInstance);
    alice.await(Leave.class::isInstance);
  }

  /** One scripted user: prints what it sends and, in human form, what it receives. */
  private static final class User implements ChatConnection.Listener, AutoCloseable {
    private final String name;
    private final PrintWriter out;
    private final TerminalFormat format = new TerminalFormat(ZoneId.systemDefault(), false);
    private final BlockingQueue<ServerMessage> received = new LinkedBlockingQueue<>();
    private final ChatConnection connection;

    User(String name, int port, PrintWriter out) throws IOException {
      this.name = name;
      this.out = out;
      this.connection = ChatConnection.open("127.0.0.1", port, STEP, this);
    }

    void say(String line) throws IOException {
      out.println("[" + name + "] > " + line);
      connection.send(line);
    }

    /** Waits for a message that matches, skipping (but showing) the others. */
    void await(Predicate<ServerMessage> wanted) throws InterruptedException {
      long deadline = System.nanoTime() + STEP.toNanos();
      while (true) {
        ServerMessage message = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (message == null) {
          throw new IllegalStateException(name + " waited " + STEP.toSeconds() + " s in vain");
        }
        if (wanted.test(message)) {
          return;
        }
      }
    }

    @Override
    public void onMessage(ServerMessage message) {
      String line = format.format(message, name);
      if (line != null) {
        out.println("[" + name + "] " + line);
      }
      received.add(message);
    }

    @Override
    public void onClosed(IOException cause) {}

    @Override
    public void close() throws IOException {
      connection.close();
    }
  }
}
