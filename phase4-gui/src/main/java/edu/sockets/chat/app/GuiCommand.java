package edu.sockets.chat.app;

import edu.sockets.chat.gui.ChatGui;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gui}: the Swing client, from its connect dialog. */
@Command(
    name = "gui",
    mixinStandardHelpOptions = true,
    description = {
      "Chat in a window: a connect dialog (server, port, name, password, Use TLS), then the",
      "chat window. Server, port and Use TLS are remembered (never the password); --name",
      "connects at once as a guest."
    })
final class GuiCommand implements Callable<Integer> {
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
      ChatApp.checkRange(spec, "--port", port, 1, 65535);
    }
    ChatApp.checkTheme(spec, theme);
    if (!ChatGui.hasDisplay()) {
      spec.commandLine().getErr().println(ChatGui.NO_DISPLAY);
      return 1;
    }
    ChatGui.setUp(theme, false);
    ChatGui.run(host, port, name);
    return 0;
  }
}
