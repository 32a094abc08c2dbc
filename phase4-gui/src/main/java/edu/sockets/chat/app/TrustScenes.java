package edu.sockets.chat.app;

import static edu.sockets.chat.app.Screenshots.EVERYONE;
import static edu.sockets.chat.app.Screenshots.LEFT;
import static edu.sockets.chat.app.Screenshots.RIGHT;
import static edu.sockets.chat.app.Screenshots.STEP;

import edu.sockets.chat.client.Credentials;
import edu.sockets.chat.gui.ChatGui;
import edu.sockets.chat.gui.ChatWindow;
import edu.sockets.chat.gui.ConnectWindow;
import edu.sockets.chat.server.ChatServer;
import edu.sockets.chat.tls.ServerCertificate;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chapter 4c's pictures (protocol version 2): the connect dialog with "Use TLS" and the question
 * about a new server; then creating an account, and the history and a private message that waited
 * while their receiver was offline. Each on a server of its own.
 */
final class TrustScenes {

  private static final String PASSWORD = "correct horse battery";

  private final Camera camera;

  TrustScenes(Camera camera) {
    this.camera = camera;
  }

  /** Over TLS: the connect dialog with "Use TLS", and the question about a new server. */
  void tls() throws Exception {
    Path data = Files.createTempDirectory("screenshots-tls");
    ChatServer secure =
        ServerOptions.DEFAULTS
            .withTls(ServerCertificate.selfSigned(data))
            .open("127.0.0.1", 0, line -> {});
    secure.serveInBackground("screenshots TLS server");
    try {
      ConnectWindow dave = ChatGui.openConnectDialog("127.0.0.1", secure.port(), "dave");
      dave.useTls(data.resolve("known-servers"));
      camera.shoot("gui-connect-tls.png", dave.window());
      dave.connect();
      camera.shoot("gui-trust-question.png", dave.awaitTrustQuestion(STEP));
      dave.answerTrustQuestion(false);
      dave.awaitMessage("You did not trust", STEP);
      dave.close();
    } finally {
      secure.shutdown();
    }
  }

  /** Accounts, on a server with history: dave registers, leaves, and finds what he missed. */
  void accounts() throws Exception {
    ChatServer server =
        ServerOptions.DEFAULTS
            .withHistory(ServerOptions.DEFAULT_HISTORY)
            .open("127.0.0.1", 0, line -> {});
    server.serveInBackground("screenshots server, accounts");
    try {
      ConnectWindow dialog = ChatGui.openConnectDialog("127.0.0.1", server.port(), "dave");
      dialog.fillPassword(PASSWORD, true);
      camera.shoot("gui-connect-account.png", dialog.window());
      dialog.close();
      whileDaveIsAway(server.port());
    } finally {
      server.shutdown();
    }
  }

  /** dave registers and leaves; erin talks and sends him a private message; dave comes back. */
  private void whileDaveIsAway(int port) throws Exception {
    ChatWindow dave =
        ChatGui.open("127.0.0.1", port, new Credentials("dave", PASSWORD, true), LEFT);
    ChatWindow erin = ChatGui.open("127.0.0.1", port, Credentials.guest("erin"), RIGHT);
    dave.close(); // dave is offline now; his account stays
    erin.awaitLine(EVERYONE, "dave left the chat", STEP);
    erin.type("Has anyone seen dave today?");
    erin.type("The lab moves to room 204 on Monday.");
    erin.type("/pm dave Can you bring the switch for the lab on Monday?");
    erin.awaitLine("dave", "waits until they sign in", STEP);

    ChatWindow back =
        ChatGui.open("127.0.0.1", port, new Credentials("dave", PASSWORD, false), LEFT);
    back.awaitLine(EVERYONE, "room 204", STEP);
    back.type("Back now. Thanks erin!");
    erin.awaitLine(EVERYONE, "Back now", STEP);
    back.awaitLine(EVERYONE, "Back now", STEP);
    camera.shoot("gui-history.png", back.window());
    back.show("erin");
    camera.shoot("gui-offline.png", back.window());
    back.close();
    erin.close();
  }
}
