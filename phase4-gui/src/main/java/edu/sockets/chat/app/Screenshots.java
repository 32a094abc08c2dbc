package edu.sockets.chat.app;

import edu.sockets.chat.gui.ChatGui;
import java.awt.Rectangle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Pictures for lab reports: a scripted session (a server in this process, alice, bob and carol, a
 * public exchange, a room, a private message, a leave, a server restart: {@link ChatScenes}; then
 * TLS and accounts: {@link TrustScenes}) with a PNG of each window at each step worth showing. Runs
 * on a desktop or under a virtual display ({@code xvfb-run -a}).
 */
@Command(
    name = "screenshots",
    mixinStandardHelpOptions = true,
    description = {
      "Play a scripted chat (server, alice, bob, carol) in windows and write a PNG",
      "of each window at each step into --out. Needs a display: on a server, use",
      "xvfb-run -a."
    })
final class Screenshots implements Callable<Integer> {

  /** The longest a scene waits for a line to show; far more than it takes. */
  static final Duration STEP = Duration.ofSeconds(10);

  /** The public conversation's name in the windows' lists. */
  static final String EVERYONE = "*";

  static final Rectangle LEFT = new Rectangle(0, 0, 760, 500);
  static final Rectangle RIGHT = new Rectangle(770, 0, 760, 500);
  static final Rectangle BELOW_LEFT = new Rectangle(0, 510, 760, 500);

  @Spec CommandSpec spec;

  // Not the report's own folder by default: a student making pictures for their report must not
  // overwrite the course's.
  @Option(
      names = "--out",
      defaultValue = "screenshots",
      description =
          "Folder for the pictures (default: ${DEFAULT-VALUE}, in the current folder). The"
              + " course's own pictures are made with --out report/images.")
  Path out;

  @Override
  public Integer call() throws Exception {
    PrintWriter log = spec.commandLine().getOut();
    if (!ChatGui.hasDisplay()) {
      spec.commandLine().getErr().println(ChatGui.NO_DISPLAY);
      return 1;
    }
    // FlatLaf draws the title bars, so the pictures look the same on every system.
    ChatGui.setUp("light", true);
    Camera camera = new Camera(out, log);
    try (ChatScenes chat = ChatScenes.start(camera)) {
      chat.play();
    }
    TrustScenes trust = new TrustScenes(camera);
    trust.tls();
    trust.accounts();
    log.println("Pictures written to " + out.toAbsolutePath().normalize());
    return 0;
  }
}
