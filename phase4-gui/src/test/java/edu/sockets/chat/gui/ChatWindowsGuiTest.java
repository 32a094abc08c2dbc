package edu.sockets.chat.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.timing.Timeout.timeout;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.formdev.flatlaf.FlatLightLaf;
import edu.sockets.chat.LocalServer;
import edu.sockets.chat.client.ReconnectPolicy;
import edu.sockets.chat.protocol.LineReader;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.swing.JLabel;
import javax.swing.JTabbedPane;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real windows, driven as a user drives them (AssertJ Swing moves the mouse and types), against
 * a real server over loopback. They need a display: on a desktop they open there; in CI and on
 * servers, under Xvfb. Without one they are skipped, with a message that says how to run them. Any
 * use of Swing off the event thread fails the test ({@link ThreadViolations}).
 */
@DisplayName("The Swing client's windows, driven by a robot (needs a display or Xvfb)")
@Timeout(60)
class ChatWindowsGuiTest {

  private static final int WAIT_MILLIS = 10_000;

  private static final String NO_DISPLAY =
      "No display: the window tests were skipped. Run them on a desktop, or with a virtual"
          + " display: xvfb-run -a ./mvnw -pl phase4-gui verify";

  private Robot robot;
  private LocalServer server;
  private Settings settings;

  @BeforeAll
  static void needsADisplay() throws Exception {
    if (GraphicsEnvironment.isHeadless()) {
      System.out.println(NO_DISPLAY); // on the console too, not only in the report
    }
    assumeFalse(GraphicsEnvironment.isHeadless(), NO_DISPLAY);
    ThreadViolations.installChecker();
    GuiActionRunner.execute(() -> {
      FlatLightLaf.setup();
      return null;
    });
  }

  @BeforeEach
  void start() throws IOException {
    robot = BasicRobot.robotWithNewAwtHierarchy();
    // Faster than the defaults (60 ms, 100 ms), slow enough that no click is lost under Xvfb.
    robot.settings().delayBetweenEvents(30);
    robot.settings().eventPostingDelay(60);
    server = LocalServer.start();
    settings = new Settings(new MemoryPreferences());
  }

  @AfterEach
  void stop() throws Exception {
    try {
      GuiActionRunner.execute(() -> { // leave the chat, so no session lives on to reconnect
        for (Frame frame : Frame.getFrames()) {
          if (frame instanceof ChatFrame chat && chat.isDisplayable()) {
            chat.leave();
          }
        }
        return null;
      });
      robot.cleanUp(); // closes every window the test opened
      server.close();
    } finally {
      ThreadViolations.assertNone();
    }
  }

  /** Opens the connect dialog with the test server's address filled in. */
  private DialogFixture connectDialog(int port) {
    ConnectDialog dialog =
        GuiActionRunner.execute(() -> {
          ConnectDialog d =
              new ConnectDialog(
                  settings,
                  (model, session, relay) ->
                      new ChatFrame(model, session, relay, settings).setVisible(true));
          d.fill("127.0.0.1", port, "");
          // A minute before retrying by itself: the test presses "Reconnect now".
          d.setReconnectPolicy(
              new ReconnectPolicy(Duration.ofMinutes(1), 2, Duration.ofMinutes(1), 0));
          return d;
        });
    DialogFixture fixture = new DialogFixture(robot, dialog);
    fixture.show();
    return fixture;
  }

  /** Signs in through the dialog, as a user does, and returns the chat window. */
  private FrameFixture signIn(String name) {
    DialogFixture dialog = connectDialog(server.port());
    // Enter in a field presses the default button, Connect.
    dialog.textBox("name").deleteText().enterText(name).pressAndReleaseKeys(KeyEvent.VK_ENTER);
    return WindowFinder.findFrame("chat " + name).withTimeout(WAIT_MILLIS).using(robot);
  }

  private static void type(FrameFixture frame, String text) {
    frame.textBox("input").enterText(text).pressAndReleaseKeys(KeyEvent.VK_ENTER);
  }

  private static void await(String what, Supplier<Boolean> condition) {
    Pause.pause(
        new Condition(what) {
          @Override
          public boolean test() {
            return GuiActionRunner.execute(condition::get);
          }
        },
        timeout(WAIT_MILLIS));
  }

  private static String conversation(FrameFixture frame, String key) {
    return frame.textBox("conversation " + key).text();
  }

  private static String tabTitles(FrameFixture frame) {
    JTabbedPane tabs = frame.tabbedPane("conversations").target();
    StringBuilder titles = new StringBuilder();
    for (int i = 0; i < tabs.getTabCount(); i++) {
      titles.append(i == 0 ? "" : " | ").append(tabs.getTitleAt(i));
    }
    return titles.toString();
  }

  private static String message(DialogFixture dialog) {
    return ((ConnectDialog) dialog.target()).message();
  }

  private static String status(FrameFixture frame) {
    return frame.label("status").target().getText();
  }

  @Test
  @DisplayName("connect dialog: a taken name and a dead server are said there; it stays open")
  void connectDialogExplainsAndStaysOpen() throws Exception {
    try (RawClient bob = RawClient.signIn(server.port(), "bob")) {
      DialogFixture dialog = connectDialog(server.port());
      // Enter in a field presses Connect (the default button). Under Xvfb, with no window
      // manager, the first click on a window that has just appeared is sometimes lost.
      dialog.textBox("name").deleteText().enterText("Bob").pressAndReleaseKeys(KeyEvent.VK_ENTER);
      await(
          "the name taken",
          () -> message(dialog).equals("The name Bob is taken. Choose another one."));
      dialog.requireVisible();

      // Enter again: a click right after the dialog has grown to show its message is sometimes
      // lost under Xvfb (seen before this code was restructured too); the last step clicks.
      dialog
          .textBox("port")
          .deleteText()
          .enterText(Integer.toString(freePort()))
          .pressAndReleaseKeys(KeyEvent.VK_ENTER);
      await(
          "no server there",
          () ->
              message(dialog)
                  .matches("Cannot connect to 127.0.0.1:\\d+ .*Is the server running\\?"));
      dialog.requireVisible();

      dialog.textBox("port").deleteText().enterText(Integer.toString(server.port()));
      dialog.textBox("name").deleteText().enterText("alice");
      dialog.button("connect").click();
      FrameFixture alice =
          WindowFinder.findFrame("chat alice").withTimeout(WAIT_MILLIS).using(robot);
      alice.requireVisible();
      assertThat(settings.port()).isEqualTo(server.port()); // remembered for next time
      assertThat(settings.name()).isEqualTo("alice");
      bob.skipTo("JOIN \\S+ alice \\*");
    }
  }

  @Test
  @DisplayName("send, receive, a private tab from the online list, unread counts, a leave notice")
  void chatsWithAnotherClient() throws Exception {
    try (RawClient bob = RawClient.signIn(server.port(), "bob")) {
      FrameFixture alice = signIn("alice");
      await("bob in the online list", () -> alice.list("users").target().getModel().getSize() == 2);

      type(alice, "hi bob");
      bob.skipTo("MSG \\S+ alice \\* hi bob");
      bob.send("hi alice \uD83D\uDC4B");
      await(
          "bob's message shown",
          () -> conversation(alice, "*").contains("bob  hi alice \uD83D\uDC4B"));
      assertThat(conversation(alice, "*"))
          .as("the banner's instruction, for people who type /name themselves")
          .doesNotContain("Choose a name");

      alice.list("users").item("bob").doubleClick(); // opens the private conversation
      await(
          "the private tab, selected",
          () ->
              tabTitles(alice).equals("Everyone | @bob")
                  && alice.tabbedPane("conversations").target().getSelectedIndex() == 1);
      type(alice, "psst");
      bob.skipTo("MSG \\S+ alice bob psst");

      // Ctrl+Page Up: the previous conversation.
      robot.pressKey(KeyEvent.VK_CONTROL);
      robot.pressAndReleaseKeys(KeyEvent.VK_PAGE_UP);
      robot.releaseKey(KeyEvent.VK_CONTROL);
      await(
          "Everyone showing",
          () -> alice.tabbedPane("conversations").target().getSelectedIndex() == 0);
      bob.send("/pm alice psst");
      await("an unread count on @bob", () -> tabTitles(alice).equals("Everyone | @bob (1)"));
      bob.send("/join #java");
      bob.skipTo("JOIN \\S+ bob #java");

      bob.close(); // the connection ends
      await("the leave notice", () -> conversation(alice, "*").contains("bob left the chat"));
      await("bob gone from the list", () -> alice.list("users").target().getModel().getSize() == 1);
    }
  }

  @Test
  @DisplayName("the server restarts: the window says so, keeps the conversation, reconnects")
  void survivesAServerRestart() throws Exception {
    FrameFixture alice = signIn("alice");
    type(alice, "before");
    await("own message shown", () -> conversation(alice, "*").contains("before"));

    server.stop();
    await("the drop is said", () -> conversation(alice, "*").contains("Connection lost"));
    await("status: reconnecting", () -> status(alice).contains("Reconnecting in"));
    assertThat(conversation(alice, "*")).contains("before");

    server.restart();
    alice.button("reconnect").click(); // no waiting for the backoff
    await("back online", () -> status(alice).contains("Online as alice"));
    await("the notice", () -> conversation(alice, "*").contains("Back online as alice."));

    try (RawClient carol = RawClient.signIn(server.port(), "carol")) {
      type(alice, "after");
      carol.skipTo("MSG \\S+ alice \\* after");
    }
  }

  @Test
  @DisplayName("the thread check itself: a label changed off the event thread fails the test")
  void theThreadCheckCatchesViolations() throws Exception {
    FrameFixture alice = signIn("alice");
    JLabel status = alice.label("status").target();
    Thread offender =
        Thread.ofPlatform()
            .start(() -> {
              try {
                status.setText("changed from the wrong thread");
              } catch (RuntimeException e) {
                // The check throws here, on the offending thread; it also keeps the violation.
              }
            });
    offender.join();

    assertThat(ThreadViolations.takeAll()).isNotEmpty();
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  /** Another user, speaking the raw protocol over a socket. */
  private static final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final LineReader in;
    private final OutputStream out;

    private RawClient(Socket socket) throws IOException {
      this.socket = socket;
      this.in = new LineReader(socket.getInputStream(), 1 << 20);
      this.out = socket.getOutputStream();
    }

    static RawClient signIn(int port, String name) throws IOException {
      Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setSoTimeout(WAIT_MILLIS);
      RawClient client = new RawClient(socket);
      client.send("/name " + name);
      client.skipTo("WELCOME " + name);
      return client;
    }

    void send(String line) throws IOException {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    void skipTo(String regex) throws IOException {
      Pattern pattern = Pattern.compile(regex);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (pattern.matcher(line).matches()) {
          return;
        }
      }
      throw new AssertionError("the connection ended before a line matching " + regex);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
