package edu.sockets.multiclient.app;

import edu.sockets.multiclient.EchoClient;
import edu.sockets.multiclient.EchoProtocol;
import edu.sockets.multiclient.EchoServer;
import edu.sockets.multiclient.EchoServer.Threads;
import edu.sockets.multiclient.LineReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: a server and two clients, Alice and Bob, in this process, every side labelled. Each
 * step waits for its reply, so the lines come out in the same order on every run.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run a server and two clients in this process, and show every side, labelled.")
final class EchoDemo implements Callable<Integer> {
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
