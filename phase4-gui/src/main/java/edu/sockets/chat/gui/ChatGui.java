package edu.sockets.chat.gui;

import edu.sockets.chat.client.ChatModel;
import edu.sockets.chat.client.ChatSession;
import edu.sockets.chat.client.Credentials;
import edu.sockets.chat.client.ReconnectPolicy;
import edu.sockets.chat.client.SignIn;
import edu.sockets.chat.client.SignInException;
import edu.sockets.chat.client.Transport;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Window;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JRootPane;
import javax.swing.RootPaneContainer;

/**
 * The Swing client's entry points, for the command line: the connect dialog ({@code gui}), windows
 * signed in directly ({@code demo}, {@code screenshots}). Every window is created and changed on
 * the event thread; the callers' threads only wait.
 */
public final class ChatGui {

  /** What to tell a user who runs the client where there is no screen. */
  public static final String NO_DISPLAY =
      "No display: the Swing client needs a desktop. Run it on one, or under a virtual display:"
          + " xvfb-run -a java -jar phase4-gui/target/phase4-gui.jar ...";

  /** The names {@code --theme} takes. */
  public static final List<String> THEMES = List.of("system", "light", "dark");

  /** What the client remembers; set by {@link #setUp}. */
  private static Settings settings;

  /** Windows open; when the last one closes, {@link #awaitAllClosed()} returns. */
  private static final AtomicInteger OPEN = new AtomicInteger();

  private static final CompletableFuture<Void> ALL_CLOSED = new CompletableFuture<>();

  private ChatGui() {}

  /** False on a machine without a screen (a server, CI without Xvfb): no window can open. */
  public static boolean hasDisplay() {
    return !GraphicsEnvironment.isHeadless();
  }

  /**
   * Installs the look and feel, before any window: the theme named ({@code light}, {@code dark},
   * {@code system}), or the remembered one when null. Call it on the main thread: asking the system
   * for its theme runs a program, which must not happen on the event thread.
   *
   * @param forPictures for the screenshots: FlatLaf draws the windows' title bars (so pictures look
   *     the same on every system), and settings live in memory (so nothing the user's client
   *     remembers changes); otherwise the system draws title bars and settings are the user's
   */
  public static void setUp(String theme, boolean forPictures) {
    settings = forPictures ? new Settings(new MemoryPreferences()) : Settings.forUser();
    Theme chosen = theme == null ? settings.theme() : Theme.of(theme);
    chosen.isDark(); // the slow part, here
    EventThread.run(() -> {
      chosen.install();
      JFrame.setDefaultLookAndFeelDecorated(forPictures);
      JDialog.setDefaultLookAndFeelDecorated(forPictures);
    });
  }

  /**
   * Opens the connect dialog, filled in from the arguments (or what was remembered), and connects
   * at once if a name is given. Returns when every window has closed.
   */
  public static void run(String host, Integer port, String name) throws InterruptedException {
    EventThread.run(() -> {
      ConnectDialog dialog =
          new ConnectDialog(
              settings,
              (model, session, relay) ->
                  track(new ChatFrame(model, session, relay, settings)).setVisible(true));
      dialog.fill(host, port, name);
      track(dialog).setVisible(true);
      if (name != null) {
        dialog.connect();
      }
    });
    awaitAllClosed();
  }

  /** Returns when every window opened here has closed. */
  public static void awaitAllClosed() throws InterruptedException {
    try {
      ALL_CLOSED.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Signs in as a guest or to an account, over plain TCP, and opens the chat window at {@code
   * bounds}; returns once it shows.
   *
   * @throws SignInException if the server cannot be reached or refuses the name
   */
  public static ChatWindow open(String host, int port, Credentials credentials, Rectangle bounds)
      throws SignInException, InterruptedException {
    ChatModel model = EventThread.call(ChatModel::new);
    SessionRelay relay = new SessionRelay(model);
    ChatSession session;
    try {
      SignIn signIn = new SignIn(host, port, credentials, Transport.TCP, ReconnectPolicy.DEFAULT);
      session = ChatSession.signIn(signIn, relay).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SignInException failed) {
        throw failed;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer from " + host + ":" + port + " in 10 s");
    }
    ChatFrame frame =
        EventThread.call(() -> {
          ChatFrame f = track(new ChatFrame(model, session, relay, settings));
          f.setBounds(bounds);
          f.setVisible(true);
          return f;
        });
    return new ChatWindow(frame, model);
  }

  /**
   * Opens the connect dialog, filled in, with settings of its own (in memory: nothing the user's
   * client remembers changes), for the screenshots.
   */
  public static ConnectWindow openConnectDialog(String host, int port, String name) {
    return EventThread.call(() -> {
      ConnectDialog dialog =
          new ConnectDialog(
              new Settings(new MemoryPreferences()), (model, session, relay) -> session.close());
      dialog.fill(host, port, name);
      track(dialog).setVisible(true);
      return new ConnectWindow(dialog);
    });
  }

  /** Switches every window to {@code theme}: {@code light} or {@code dark}. */
  public static void switchTheme(String theme) {
    EventThread.run(() -> Theme.of(theme).apply());
  }

  /**
   * Writes a picture of {@code windows}, side by side, to {@code file} (PNG): each window painted
   * into an image, so it works the same under any display, virtual or real, with no screen capture.
   */
  public static void capture(Path file, Window... windows) throws IOException {
    BufferedImage image =
        EventThread.call(() -> {
          int gap = 12;
          int width = -gap;
          int height = 0;
          for (Window window : windows) {
            JRootPane root = ((RootPaneContainer) window).getRootPane();
            root.validate();
            width += root.getWidth() + gap;
            height = Math.max(height, root.getHeight());
          }
          BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
          Graphics2D g = picture.createGraphics();
          try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            int x = 0;
            for (Window window : windows) {
              JRootPane root = ((RootPaneContainer) window).getRootPane();
              Graphics2D part = (Graphics2D) g.create(x, 0, root.getWidth(), root.getHeight());
              root.printAll(part);
              part.dispose();
              x += root.getWidth() + gap;
            }
          } finally {
            g.dispose();
          }
          return picture;
        });
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(image, "png", file.toFile());
  }

  /** Counts a window as open until it is disposed. */
  static <W extends Window> W track(W window) {
    OPEN.incrementAndGet();
    window.addWindowListener(
        new WindowAdapter() {
          @Override
          public void windowClosed(WindowEvent e) {
            if (OPEN.decrementAndGet() == 0) {
              ALL_CLOSED.complete(null);
            }
          }
        });
    return window;
  }
}
