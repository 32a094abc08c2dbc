package edu.sockets.chat.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import edu.sockets.chat.client.ChatModel;
import edu.sockets.chat.client.Status;
import edu.sockets.chat.client.Status.State;
import edu.sockets.chat.protocol.ServerMessage;
import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import javax.swing.text.StyleConstants;
import javax.swing.text.StyledDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The chat panel painted into images, with no screen at all (this runs in headless CI too): names
 * in their colours, private lines tinted, emoji drawn with the bundled font, light and dark. The
 * pictures are written to {@code target/painted/} for a person to look at.
 */
@DisplayName("ChatPanel painted to images, without a display: colours, private tint, emoji, themes")
class ChatPanelPaintingTest {

  private static final String TS = "2026-11-22T10:15:30Z";
  private static final Path OUT = Path.of("target", "painted");

  @BeforeAll
  static void checkTheThreads() {
    ThreadViolations.installChecker();
  }

  @AfterEach
  void noSwingOffTheEventThread() {
    ThreadViolations.assertNone();
  }

  @AfterAll
  static void lightAgain() throws Exception {
    SwingUtilities.invokeAndWait(FlatLightLaf::setup);
  }

  /** A chat panel for alice with a public exchange, a notice and a private message. */
  private static ChatPanel panel(ChatModel model) {
    for (String line :
        new String[] {
          "WELCOME alice",
          "USERS * alice bob carol",
          "MSG " + TS + " alice * Hello everyone \uD83D\uDC4B",
          "MSG " + TS + " bob * \u4F60\u597D, caf\u00E9, \u0645\u0631\u062D\u0628\u0627",
          "JOIN " + TS + " dave *",
          "MSG " + TS + " bob alice psst \uD83E\uDD2B"
        }) {
      model.apply(ServerMessage.parse(line));
    }
    ChatPanel panel =
        new ChatPanel(
            model,
            new ChatPanel.Actions() {
              @Override
              public void send(String line) {}

              @Override
              public void reconnectNow() {}

              @Override
              public void quit() {}
            },
            ZoneOffset.UTC);
    panel.setStatus(
        new Status(State.ONLINE, "alice", "127.0.0.1:5004", "Online", Duration.ZERO, 0));
    return panel;
  }

  private static BufferedImage paint(Component component, String file) throws IOException {
    component.setSize(760, 480);
    layOut(component);
    BufferedImage image = new BufferedImage(760, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    component.printAll(g);
    g.dispose();
    Files.createDirectories(OUT);
    ImageIO.write(image, "png", OUT.resolve(file).toFile());
    return image;
  }

  /** What a window's validate() does, for components that have no window. */
  private static void layOut(Component component) {
    if (component instanceof Container container) {
      container.doLayout();
      for (Component child : container.getComponents()) {
        layOut(child);
      }
    }
  }

  private static long pixels(BufferedImage image, Color colour) {
    long count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == (colour.getRGB() & 0xffffff)) {
          count++;
        }
      }
    }
    return count;
  }

  private static double brightness(BufferedImage image) {
    double sum = 0;
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        Color c = new Color(image.getRGB(x, y));
        sum += (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
      }
    }
    return sum / ((image.getHeight() / 4) * (image.getWidth() / 4));
  }

  private static <T> T onEventThread(java.util.concurrent.Callable<T> task) throws Exception {
    Object[] result = new Object[1];
    Exception[] failure = new Exception[1];
    SwingUtilities.invokeAndWait(() -> {
      try {
        result[0] = task.call();
      } catch (Exception e) {
        failure[0] = e;
      }
    });
    if (failure[0] != null) {
      throw failure[0];
    }
    @SuppressWarnings("unchecked")
    T t = (T) result[0];
    return t;
  }

  @Test
  @DisplayName("light: each name in its own colour, a light background; dark: a dark one")
  void namesInTheirColoursInBothThemes() throws Exception {
    for (boolean dark : new boolean[] {false, true}) {
      BufferedImage image =
          onEventThread(() -> {
            FlatLaf.setup(dark ? new FlatDarkLaf() : new FlatLightLaf());
            return paint(panel(new ChatModel()), dark ? "chat-dark.png" : "chat-light.png");
          });
      Color alice = onEventThread(() -> Palette.name("alice"));
      Color bob = onEventThread(() -> Palette.name("bob"));

      assertThat(alice).isNotEqualTo(bob);
      assertThat(pixels(image, alice)).as("pixels in alice's colour").isGreaterThan(20);
      assertThat(pixels(image, bob)).as("pixels in bob's colour").isGreaterThan(20);
      if (dark) {
        assertThat(brightness(image)).isLessThan(0.35);
      } else {
        assertThat(brightness(image)).isGreaterThan(0.75);
      }
    }
  }

  @Test
  @DisplayName("a private conversation: tinted lines and a header that says only two read it")
  void privateLinesAreTinted() throws Exception {
    BufferedImage image =
        onEventThread(() -> {
          FlatLightLaf.setup();
          ChatModel model = new ChatModel();
          ChatPanel panel = panel(model);
          panel.select(model.find("bob").orElseThrow());
          return paint(panel, "chat-private.png");
        });
    Color tint = onEventThread(Palette::privateBackground);

    assertThat(pixels(image, tint)).as("tinted pixels").isGreaterThan(500);
  }

  @Test
  @DisplayName("emoji are drawn with the bundled font; CJK and Arabic with the system's")
  void emojiUseTheBundledFont() throws Exception {
    String[] families =
        onEventThread(() -> {
          FlatLightLaf.setup();
          ChatModel model = new ChatModel();
          ChatPanel panel = panel(model);
          ConversationPanel everyone = panel.panelOf(model.everyone());
          StyledDocument doc = (StyledDocument) findTextPane(everyone).getDocument();
          String text = doc.getText(0, doc.getLength());
          return new String[] {
            StyleConstants.getFontFamily(
                doc.getCharacterElement(text.indexOf("\uD83D\uDC4B")).getAttributes()),
            StyleConstants.getFontFamily(
                doc.getCharacterElement(text.indexOf("\u4F60")).getAttributes()),
          };
        });

    assertThat(Fonts.emojiFamily()).isEqualTo("Noto Emoji");
    java.awt.Font dialog = new java.awt.Font(java.awt.Font.DIALOG, java.awt.Font.PLAIN, 12);
    assertThat(Fonts.needsEmojiFont(dialog, 0x1F44B)).as("waving hand").isTrue();
    assertThat(Fonts.needsEmojiFont(dialog, 'a')).isFalse();
    assertThat(Fonts.needsEmojiFont(dialog, 0x4F60)).as("CJK").isFalse();
    assertThat(families[0]).isEqualTo("Noto Emoji");
    assertThat(families[1]).isNotEqualTo("Noto Emoji");
  }

  private static javax.swing.JTextPane findTextPane(Container container) {
    for (Component child : container.getComponents()) {
      if (child instanceof javax.swing.JTextPane pane) {
        return pane;
      }
      if (child instanceof Container inner) {
        javax.swing.JTextPane found = findTextPane(inner);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
