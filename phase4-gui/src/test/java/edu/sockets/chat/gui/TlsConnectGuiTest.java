package edu.sockets.chat.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.timing.Timeout.timeout;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.formdev.flatlaf.FlatLightLaf;
import edu.sockets.chat.LocalServer;
import edu.sockets.chat.TlsFixture;
import edu.sockets.chat.client.tls.KnownServers;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import javax.swing.JDialog;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.core.Robot;
import org.assertj.swing.core.matcher.JButtonMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JCheckBoxFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Use TLS" in the connect dialog against a TLS server: the new server's fingerprint is asked about
 * in a dialog (on the event thread, while the session thread waits), and the answer counts. Needs a
 * display or Xvfb, like the other window tests.
 */
@DisplayName("The Swing client over TLS: Use TLS and the new-server dialog (needs a display)")
@Timeout(60)
class TlsConnectGuiTest {

  private static final int WAIT_MILLIS = 10_000;

  @TempDir Path dir;
  private Robot robot;
  private LocalServer server;
  private Settings settings;
  private KnownServers known;

  @BeforeAll
  static void needsADisplay() {
    assumeFalse(GraphicsEnvironment.isHeadless(), "no display: run under xvfb-run");
    ThreadViolations.installChecker();
    GuiActionRunner.execute(() -> {
      FlatLightLaf.setup();
      return null;
    });
  }

  @BeforeEach
  void start() throws Exception {
    robot = BasicRobot.robotWithNewAwtHierarchy();
    robot.settings().delayBetweenEvents(30);
    robot.settings().eventPostingDelay(60);
    server = LocalServer.startTls();
    settings = new Settings(new MemoryPreferences());
    known = new KnownServers(dir.resolve("known-servers"));
  }

  @AfterEach
  void stop() throws Exception {
    try {
      GuiActionRunner.execute(() -> {
        for (Frame frame : Frame.getFrames()) {
          if (frame instanceof ChatFrame chat && chat.isDisplayable()) {
            chat.leave();
          }
        }
        return null;
      });
      robot.cleanUp();
      server.close();
    } finally {
      ThreadViolations.assertNone();
    }
  }

  /** Ticks "Use TLS", types a name and presses Enter; returns the dialog. */
  private DialogFixture connectWithTls(String name) {
    ConnectDialog dialog =
        GuiActionRunner.execute(() -> {
          ConnectDialog d =
              new ConnectDialog(
                  settings,
                  (model, session, relay) ->
                      new ChatFrame(model, session, relay, settings).setVisible(true));
          d.fill("127.0.0.1", server.port(), "");
          d.setKnownServers(known);
          return d;
        });
    DialogFixture fixture = new DialogFixture(robot, dialog);
    fixture.show();
    tickUseTls(fixture);
    fixture.textBox("name").deleteText().enterText(name).pressAndReleaseKeys(KeyEvent.VK_ENTER);
    return fixture;
  }

  /**
   * Ticks "Use TLS" from the keyboard, as a user may: under Xvfb the robot's mouse click on this
   * check box was now and then lost, while a key press reaches the focused box.
   */
  private static void tickUseTls(DialogFixture fixture) {
    JCheckBoxFixture box = fixture.checkBox("tls");
    box.focus().pressAndReleaseKeys(KeyEvent.VK_SPACE);
    box.requireSelected();
  }

  /** The new-server question, once it shows. */
  private DialogFixture question() {
    return WindowFinder.findDialog(
            new GenericTypeMatcher<JDialog>(JDialog.class) {
              @Override
              protected boolean isMatching(JDialog dialog) {
                return "A new server".equals(dialog.getTitle()) && dialog.isShowing();
              }
            })
        .withTimeout(WAIT_MILLIS)
        .using(robot);
  }

  @Test
  @DisplayName("Trust: the chat window opens, the server is remembered, and Use TLS too")
  void trustOpensTheChat() throws Exception {
    connectWithTls("ann");
    question().button(JButtonMatcher.withText("Trust")).click();

    FrameFixture ann = WindowFinder.findFrame("chat ann").withTimeout(WAIT_MILLIS).using(robot);
    ann.requireVisible();
    Pause.pause(
        new Condition("the status says TLS") {
          @Override
          public boolean test() {
            return GuiActionRunner.execute(() -> ann.label("status").target().getText())
                .contains("(TLS, encrypted)");
          }
        },
        timeout(WAIT_MILLIS));
    assertThat(Files.readString(known.file()))
        .contains(
            "127.0.0.1:" + server.port() + " " + TlsFixture.certificate().fingerprint() + "\n");
    assertThat(settings.tls()).isTrue();
  }

  @Test
  @DisplayName("Use TLS hides the plain-text warning, and the fields stay where they were")
  void useTlsHidesTheWarningWithoutMovingTheFields() {
    ConnectDialog dialog =
        GuiActionRunner.execute(() -> new ConnectDialog(settings, (model, session, relay) -> {}));
    DialogFixture fixture = new DialogFixture(robot, dialog);
    fixture.show();
    fixture.label("warning").requireText(Pattern.compile(".*not encrypted.*"));
    Point before = GuiActionRunner.execute(() -> fixture.textBox("host").target().getLocation());

    tickUseTls(fixture);

    fixture.label("warning").requireText("");
    assertThat(GuiActionRunner.execute(() -> fixture.textBox("host").target().getLocation()))
        .isEqualTo(before);
  }
}
