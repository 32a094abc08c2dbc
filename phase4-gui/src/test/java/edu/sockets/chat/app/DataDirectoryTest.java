package edu.sockets.chat.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("DataDirectory: where the server keeps its data")
class DataDirectoryTest {

  @Test
  @DisplayName("each system's per-user data folder, XDG_DATA_HOME first on Linux")
  void defaultsPerSystem() {
    assertThat(DataDirectory.defaultPath("Linux", "/home/ada", Map.of()))
        .isEqualTo(Path.of("/home/ada/.local/share/socket-course/chat"));
    assertThat(DataDirectory.defaultPath("Linux", "/home/ada", Map.of("XDG_DATA_HOME", "/d")))
        .isEqualTo(Path.of("/d/socket-course/chat"));
    assertThat(DataDirectory.defaultPath("Linux", "/home/ada", Map.of("XDG_DATA_HOME", " ")))
        .isEqualTo(Path.of("/home/ada/.local/share/socket-course/chat"));
    assertThat(DataDirectory.defaultPath("Mac OS X", "/Users/ada", Map.of()))
        .isEqualTo(Path.of("/Users/ada/Library/Application Support/socket-course/chat"));
    assertThat(
            DataDirectory.defaultPath("Windows 11", "C:/Users/ada", Map.of("APPDATA", "/appdata")))
        .isEqualTo(Path.of("/appdata/socket-course/chat"));
  }

  @Test
  @DisplayName("created on first use, with its parents; a file in the way is said plainly")
  void createsOrExplains(@TempDir Path temp) throws IOException {
    Path dir = temp.resolve("a/b/chat");
    assertThat(DataDirectory.prepare(dir)).isDirectory();
    assertThat(DataDirectory.prepare(dir)).isDirectory(); // the second run finds it

    Path file = Files.writeString(temp.resolve("file"), "x");
    assertThatThrownBy(() -> DataDirectory.prepare(file.resolve("chat")))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("Cannot use " + file.resolve("chat") + " for the server's data");
  }
}
