package edu.sockets.chat.app;

import static edu.sockets.chat.app.Screenshots.BELOW_LEFT;
import static edu.sockets.chat.app.Screenshots.EVERYONE;
import static edu.sockets.chat.app.Screenshots.LEFT;
import static edu.sockets.chat.app.Screenshots.RIGHT;
import static edu.sockets.chat.app.Screenshots.STEP;

import edu.sockets.chat.client.Credentials;
import edu.sockets.chat.gui.ChatGui;
import edu.sockets.chat.gui.ChatWindow;
import edu.sockets.chat.gui.ConnectWindow;
import edu.sockets.chat.server.ChatServer;
import java.io.IOException;
import java.time.Duration;

/**
 * Chapter 4b's pictures: guests alice, bob and carol on one server; the connect dialog refusing a
 * taken name, a public exchange, a room, a private message, a leave, the dark theme, and the
 * windows reconnecting by themselves after the server restarts on the same port.
 */
final class ChatScenes implements AutoCloseable {

  private final Camera camera;
  private final int port;
  private ChatServer server; // replaced when the server restarts

  private ChatScenes(Camera camera, ChatServer server) {
    this.camera = camera;
    this.server = server;
    this.port = server.port();
  }

  /** The scenes, with their server started on a free port. */
  static ChatScenes start(Camera camera) throws IOException {
    return new ChatScenes(camera, serve(0));
  }

  void play() throws Exception {
    ChatWindow bob = ChatGui.open("127.0.0.1", port, Credentials.guest("bob"), RIGHT);
    nameTaken();
    ChatWindow alice = ChatGui.open("127.0.0.1", port, Credentials.guest("alice"), LEFT);
    ChatWindow carol = ChatGui.open("127.0.0.1", port, Credentials.guest("carol"), BELOW_LEFT);
    publicChat(alice, bob, carol);
    roomPrivateAndLeave(alice, bob, carol);
    privateReplyAndDarkTheme(alice, bob);
    restart(alice, bob);
    alice.close();
    bob.close();
  }

  /** The connect dialog, and its answer when the name is taken (bob is online). */
  private void nameTaken() throws Exception {
    ConnectWindow dialog = ChatGui.openConnectDialog("127.0.0.1", port, "Bob");
    camera.shoot("gui-connect.png", dialog.window());
    dialog.connect();
    dialog.awaitMessage("is taken", STEP);
    camera.shoot("gui-connect-name-taken.png", dialog.window());
    dialog.close();
  }

  private void publicChat(ChatWindow alice, ChatWindow bob, ChatWindow carol) throws Exception {
    alice.type("Hi everyone! \uD83D\uDC4B");
    bob.awaitLine(EVERYONE, "Hi everyone", STEP);
    bob.type(
        "Hello alice! \u4F60\u597D \u2014 this window speaks the protocol nc speaks \uD83D\uDE42");
    alice.awaitLine(EVERYONE, "this window speaks", STEP);
    camera.shoot("gui-two-windows.png", alice.window(), bob.window());
    carol.type("Hi both. I have to go in a minute.");
    alice.awaitLine(EVERYONE, "I have to go", STEP);
  }

  private void roomPrivateAndLeave(ChatWindow alice, ChatWindow bob, ChatWindow carol)
      throws Exception {
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
    camera.shoot("gui-alice-everyone.png", alice.window());
    bob.show("#java");
    camera.shoot("gui-bob-room.png", bob.window());
  }

  private void privateReplyAndDarkTheme(ChatWindow alice, ChatWindow bob) throws Exception {
    alice.show("bob");
    alice.type("Yes! See you there.");
    bob.awaitLine("alice", "See you there", STEP);
    camera.shoot("gui-alice-private.png", alice.window());

    ChatGui.switchTheme("dark");
    camera.shoot("gui-alice-private-dark.png", alice.window());
    bob.show(EVERYONE);
    camera.shoot("gui-bob-everyone-dark.png", bob.window());
    ChatGui.switchTheme("light");
  }

  /** The server goes away and comes back on the same port: the windows reconnect by themselves. */
  private void restart(ChatWindow alice, ChatWindow bob) throws Exception {
    alice.show(EVERYONE);
    server.shutdown();
    alice.awaitLine(EVERYONE, "Reconnecting", STEP);
    camera.shoot("gui-alice-reconnecting.png", alice.window());
    server = serve(port);
    alice.awaitLine(EVERYONE, "Back online as alice", Duration.ofSeconds(30));
    alice.awaitLine("#java", "you joined #java", STEP); // rooms are joined again, too
    bob.awaitLine(EVERYONE, "Back online as bob", Duration.ofSeconds(30));
    alice.type("Still here after the restart.");
    bob.awaitLine(EVERYONE, "Still here", STEP);
    camera.shoot("gui-alice-reconnected.png", alice.window());
  }

  private static ChatServer serve(int port) throws IOException {
    ChatServer server = ServerOptions.DEFAULTS.open("127.0.0.1", port, line -> {});
    server.serveInBackground("screenshots server");
    return server;
  }

  @Override
  public void close() {
    server.shutdown();
  }
}
