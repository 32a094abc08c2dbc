package edu.sockets.chat.app;

import edu.sockets.chat.client.Credentials;
import edu.sockets.chat.client.SignInException;
import edu.sockets.chat.gui.ChatGui;
import edu.sockets.chat.gui.ChatWindow;
import edu.sockets.chat.server.ChatServer;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The demo, and the course's main program: a server in this process on a free port, and two chat
 * windows side by side, already signed in as alice and bob. Closing both ends it.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run a server in this process and open two chat windows, signed in as alice and bob,",
      "side by side. Close both windows to stop."
    })
final class GuiDemo implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--theme", description = "light, dark or system (default: the last chosen).")
  String theme;

  @Override
  public Integer call() throws Exception {
    ChatApp.checkTheme(spec, theme);
    PrintWriter out = spec.commandLine().getOut();
    if (!ChatGui.hasDisplay()) {
      spec.commandLine().getErr().println(ChatGui.NO_DISPLAY);
      return 1;
    }
    ChatServer server =
        ServerOptions.DEFAULTS.open("127.0.0.1", 0, line -> out.println("[server] " + line));
    Thread serving = server.serveInBackground("demo server");
    try {
      ChatGui.setUp(theme, false);
      openSideBySide(server.port());
      out.println("Two chat windows are open, alice and bob. Close both to stop the demo.");
      out.flush();
      ChatGui.awaitAllClosed();
      return 0;
    } finally {
      server.shutdown();
      serving.join(5_000);
    }
  }

  /** alice left of the screen's middle, bob right of it, as large as fits; alice says hello. */
  private static void openSideBySide(int port) throws SignInException, InterruptedException {
    Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
    int width = Math.min(screen.width / 2, 760);
    int height = Math.min(screen.height, 540);
    int middle = screen.x + screen.width / 2;
    int top = screen.y + Math.max(0, (screen.height - height) / 2);
    ChatWindow alice =
        ChatGui.open(
            "127.0.0.1",
            port,
            Credentials.guest("alice"),
            new Rectangle(middle - width, top, width, height));
    ChatGui.open(
        "127.0.0.1", port, Credentials.guest("bob"), new Rectangle(middle, top, width, height));
    alice.type("Hi bob! Type in either window: the other one sees it. Close both to stop.");
  }
}
