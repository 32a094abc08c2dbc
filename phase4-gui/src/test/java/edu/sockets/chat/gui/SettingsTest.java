package edu.sockets.chat.gui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
}
