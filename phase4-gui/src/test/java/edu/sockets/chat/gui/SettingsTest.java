package edu.sockets.chat.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Settings: what the client remembers, in a store the test owns")
class SettingsTest {

  @Test
  @DisplayName("defaults to 127.0.0.1:5004, no name, the system's theme; then remembers")
  void defaultsThenRemembers() {
    MemoryPreferences store = new MemoryPreferences();
    Settings settings = new Settings(store);
    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.port()).isEqualTo(5004);
    assertThat(settings.name()).isEmpty();
    assertThat(settings.theme()).isEqualTo(Theme.SYSTEM);

    settings.rememberServer("lab-pc-07", 5904, "alice");
    settings.rememberTheme(Theme.DARK);

    Settings again = new Settings(store); // the next run
    assertThat(again.host()).isEqualTo("lab-pc-07");
    assertThat(again.port()).isEqualTo(5904);
    assertThat(again.name()).isEqualTo("alice");
    assertThat(again.theme()).isEqualTo(Theme.DARK);
  }

  @Test
  @DisplayName("a theme written by another version falls back to the system's")
  void unknownThemeFallsBack() {
    MemoryPreferences store = new MemoryPreferences();
    store.put("theme", "SEPIA");

    assertThat(new Settings(store).theme()).isEqualTo(Theme.SYSTEM);
    assertThat(Theme.of("dark")).isEqualTo(Theme.DARK);
  }

  @Test
  @Timeout(30)
  @DisplayName(
      "the first run on a fresh machine prints nothing of the JDK's own (no dated log line)")
  void firstRunPrintsNothingOfTheJdks(@TempDir Path home) throws Exception {
    // A JVM of its own, its preferences in a fresh folder: the user's own are never touched.
    String java = ProcessHandle.current().info().command().orElse("java");
    Process run =
        new ProcessBuilder(
                java,
                "-Djava.util.prefs.userRoot=" + home.resolve("prefs"),
                "-Djava.util.prefs.systemRoot=" + home.resolve("system-prefs"),
                "-Duser.home=" + home,
                "-cp",
                System.getProperty("java.class.path"),
                FirstRun.class.getName())
            .redirectErrorStream(true)
            .start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(run.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(output).isEqualTo("127.0.0.1:5004" + System.lineSeparator());
    assertThat(home.resolve("prefs")).isDirectory(); // the folder was made: this was a first run
  }

  /** The first use of the user's settings, in a JVM of its own. */
  static final class FirstRun {
    public static void main(String[] args) {
      Settings settings = Settings.forUser();
      System.out.println(settings.host() + ":" + settings.port());
    }
  }
}
