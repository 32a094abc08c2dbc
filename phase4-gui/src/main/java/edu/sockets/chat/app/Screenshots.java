package edu.sockets.chat.app;

import edu.sockets.chat.client.Credentials;
import edu.sockets.chat.gui.ChatGui;
import edu.sockets.chat.gui.ChatWindow;
import edu.sockets.chat.gui.ConnectWindow;
import edu.sockets.chat.server.ChatServer;
import edu.sockets.chat.tls.ServerCertificate;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Pictures for lab reports: a scripted session (a server in this process, alice, bob and carol, a
 * public exchange, a room, a private message, a leave, a server restart) with a PNG of each window
 * at each step worth showing. Runs on a desktop or under a virtual display ({@code xvfb-run -a}).
 */
@Command(
    name = "screenshots",
    mixinStandardHelpOptions = true,
    description = {
      "Play a scripted chat (server, alice, bob, carol) in windows and write a PNG of each",
      "window at each step into --out. Needs a display: on a server, use xvfb-run -a."
    })
final class Screenshots implements Callable<Integer> {

  private static final Duration STEP = Duration.ofSeconds(10);
  private static final String EVERYONE = "*";

  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      defaultValue = "report/images",
      description = "Folder for the pictures (default: ${DEFAULT-VALUE}).")
  Path out;

  private PrintWriter log;

  @Override
  public Integer call() throws Exception {
    log = spec.commandLine().getOut();
    if (!ChatGui.hasDisplay()) {
      spec.commandLine().getErr().println(ChatGui.NO_DISPLAY);
      return 1;
    }
    // FlatLaf draws the title bars, so the pictures look the same on every system.
    ChatGui.setUp("light", true);
    ChatServer server = start(0);
    int port = server.port();
    try {
      server = play(server, port);
    } finally {
      server.shutdown();
    }
    log.println("Pictures written to " + out.toAbsolutePath().normalize());
    return 0;
  }

  private ChatServer play(ChatServer server, int port) throws Exception {
    Rectangle left = new Rectangle(0, 0, 760, 500);
    Rectangle right = new Rectangle(770, 0, 760, 500);
    ChatWindow bob = ChatGui.open("127.0.0.1", port, Credentials.guest("bob"), right);

    ConnectWindow dialog = ChatGui.openConnectDialog("127.0.0.1", port, "Bob");
    shoot(dialog.window(), "gui-connect.png");
    dialog.connect();
    dialog.awaitMessage("is taken", STEP);
    shoot(dialog.window(), "gui-connect-name-taken.png");
    dialog.close();

    ChatWindow alice = ChatGui.open("127.0.0.1", port, Credentials.guest("alice"), left);
    ChatWindow carol =
        ChatGui.open(
            "127.0.0.1", port, Credentials.guest("carol"), new Rectangle(0, 510, 760, 500));

    alice.type("Hi everyone! \uD83D\uDC4B");
    bob.awaitLine(EVERYONE, "Hi everyone", STEP);
    bob.type(
        "Hello alice! \u4F60\u597D \u2014 this window speaks the protocol nc speaks \uD83D\uDE42");
    alice.awaitLine(EVERYONE, "this window speaks", STEP);
    shoot("gui-two-windows.png", alice.window(), bob.window());
    carol.type("Hi both. I have to go in a minute.");
    alice.awaitLine(EVERYONE, "I have to go", STEP);

    bob.type("/join #java");
    bob.awaitLine("#java", "you joined #java", STEP);
    alice.type("/join #java");
    bob.awaitLine("#java", "alice joined #java", STEP);
    bob.show("#java");
    bob.type("Has anyone tried virtual threads?");
    alice.awaitLine("#java", "virtual threads", STEP);

    bob.show(EVERYONE);
    bob.type("/pm alice Lunch at noon? \uD83C\uDF5C");
    alice.awaitLine("bob", "Lunch", STEP);

    carol.close();
    alice.awaitLine(EVERYONE, "carol left the chat", STEP);
    bob.awaitLine(EVERYONE, "carol left the chat", STEP);
    shoot(alice.window(), "gui-alice-everyone.png");
    bob.show("#java");
    shoot(bob.window(), "gui-bob-room.png");

    alice.show("bob");
    alice.type("Yes! See you there.");
    bob.awaitLine("alice", "See you there", STEP);
    shoot(alice.window(), "gui-alice-private.png");

    ChatGui.switchTheme("dark");
    shoot(alice.window(), "gui-alice-private-dark.png");
    bob.show(EVERYONE);
    shoot(bob.window(), "gui-bob-everyone-dark.png");
    ChatGui.switchTheme("light");

    // The server goes away and comes back on the same port: the windows reconnect by themselves.
    alice.show(EVERYONE);
    server.shutdown();
    alice.awaitLine(EVERYONE, "Reconnecting", STEP);
    shoot(alice.window(), "gui-alice-reconnecting.png");
    ChatServer restarted = start(port);
    alice.awaitLine(EVERYONE, "Back online as alice", Duration.ofSeconds(30));
    alice.awaitLine("#java", "you joined #java", STEP); // rooms are joined again, too
    bob.awaitLine(EVERYONE, "Back online as bob", Duration.ofSeconds(30));
    alice.type("Still here after the restart.");
    bob.awaitLine(EVERYONE, "Still here", STEP);
    shoot(alice.window(), "gui-alice-reconnected.png");

    alice.close();
    bob.close();

    // Over TLS: the connect dialog with "Use TLS", and the question about a new server.
    Path data = Files.createTempDirectory("screenshots-tls");
    ChatServer secure =
        ServerOptions.DEFAULTS
            .withTls(ServerCertificate.selfSigned(data))
            .open("127.0.0.1", 0, line -> {});
    secure.serveInBackground("screenshots TLS server");
    try {
      ConnectWindow dave = ChatGui.openConnectDialog("127.0.0.1", secure.port(), "dave");
      dave.useTls(data.resolve("known-servers"));
      shoot(dave.window(), "gui-connect-tls.png");
      dave.connect();
      shoot(dave.awaitTrustQuestion(STEP), "gui-trust-question.png");
      dave.answerTrustQuestion(false);
      dave.awaitMessage("You did not trust", STEP);
      dave.close();
    } finally {
      secure.shutdown();
    }
    accounts();
    return restarted;
  }

  /**
   * Protocol version 2 (chapter 5): the connect dialog creating an account, then history and a
   * private message that waited while its receiver was offline. A server of its own, with history.
   */
  private void accounts() throws Exception {
    ChatServer server =
        ServerOptions.DEFAULTS
            .withHistory(ServerOptions.DEFAULT_HISTORY)
            .open("127.0.0.1", 0, line -> {});
    server.serveInBackground("screenshots server, accounts");
    int port = server.port();
    try {
      ConnectWindow dialog = ChatGui.openConnectDialog("127.0.0.1", port, "dave");
      dialog.fillPassword("correct horse battery", true);
      shoot(dialog.window(), "gui-connect-account.png");
      dialog.close();

      Rectangle bounds = new Rectangle(0, 0, 760, 500);
      ChatWindow dave =
          ChatGui.open(
              "127.0.0.1", port, new Credentials("dave", "correct horse battery", true), bounds);
      ChatWindow erin =
          ChatGui.open(
              "127.0.0.1", port, Credentials.guest("erin"), new Rectangle(770, 0, 760, 500));
      dave.close(); // dave is offline now; his account stays
      erin.awaitLine(EVERYONE, "dave left the chat", STEP);
      erin.type("Has anyone seen dave today?");
      erin.type("The lab moves to room 204 on Monday.");
      erin.type("/pm dave Can you bring the switch for the lab on Monday?");
      erin.awaitLine("dave", "waits until they sign in", STEP);

      ChatWindow back =
          ChatGui.open(
              "127.0.0.1", port, new Credentials("dave", "correct horse battery", false), bounds);
      back.awaitLine(EVERYONE, "room 204", STEP);
      back.type("Back now. Thanks erin!");
      erin.awaitLine(EVERYONE, "Back now", STEP);
      back.awaitLine(EVERYONE, "Back now", STEP);
      shoot(back.window(), "gui-history.png");
      back.show("erin");
      shoot(back.window(), "gui-offline.png");
      back.close();
      erin.close();
    } finally {
      server.shutdown();
    }
  }

  private ChatServer start(int port) throws IOException {
    ChatServer server = ServerOptions.DEFAULTS.open("127.0.0.1", port, line -> {});
    server.serveInBackground("screenshots server");
    return server;
  }

  private void shoot(java.awt.Window window, String name) throws IOException {
    shoot(name, window);
  }

  private void shoot(String name, java.awt.Window... windows) throws IOException {
    Path file = out.resolve(name);
    ChatGui.capture(file, windows);
    log.println("wrote " + file);
    log.flush();
  }
}
