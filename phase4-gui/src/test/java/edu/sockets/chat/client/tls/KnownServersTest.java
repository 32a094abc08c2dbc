package edu.sockets.chat.client.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sockets.chat.client.tls.KnownServers.Entry;
import edu.sockets.chat.client.tls.KnownServers.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("KnownServers: the file of trusted servers, read with suspicion")
class KnownServersTest {

  private static final String A = "AA:".repeat(31) + "AA";
  private static final String B = "BB:".repeat(31) + "BB";

  @TempDir Path dir;

  @Test
  @DisplayName("reads host:port and fingerprint, skipping comments and blank lines")
  void readsEntries() {
    String text =
        "# a comment\n\n127.0.0.1:5004 " + A + "\r\n  chat.example.org:443\t" + B + " the lab\n";

    assertThat(KnownServers.parse(text))
        .containsExactly(
            new Entry("127.0.0.1:5004", A, 3), new Entry("chat.example.org:443", B, 4));
  }

  @Test
  @DisplayName("skips malformed lines instead of trusting them")
  void skipsHostileLines() {
    String text =
        String.join(
            "\n",
            "127.0.0.1:5004", // no fingerprint
            "127.0.0.1 " + A, // no port
            ":5004 " + A, // no host
            "127.0.0.1:0 " + A, // port 0
            "127.0.0.1:65536 " + A, // port too large
            "127.0.0.1:99999999999999999999 " + A, // would overflow an int
            "127.0.0.1:5004 " + A.substring(3), // 31 bytes
            "127.0.0.1:5004 " + A.replace('A', 'G'), // not hex
            "127.0.0.1:50\u000004 " + A, // NUL
            "127.0.0.1:5004\u001b[2J " + A, // an escape sequence
            "\uFFFD:5004 " + A, // bytes that were not UTF-8
            "x".repeat(100_000) + ":5004 " + A, // an enormous host
            "127.0.0.1:5004" + A); // no space

    assertThat(KnownServers.parse(text)).isEmpty();
  }

  @Test
  @DisplayName("reads lower-case and colon-less fingerprints and any host case as the same")
  void normalises() {
    assertThat(KnownServers.parse("LAB.Example.ORG:5004 " + A.toLowerCase().replace(":", "")))
        .containsExactly(new Entry("lab.example.org:5004", A, 1));
    assertThat(KnownServers.key("LAB.example.org", 5004)).isEqualTo("lab.example.org:5004");
    assertThat(KnownServers.key("::1", 5004)).isEqualTo("[::1]:5004");
    assertThat(KnownServers.parse("[::1]:5004 " + A))
        .containsExactly(new Entry("[::1]:5004", A, 1));
  }

  @Test
  @DisplayName("says known, changed or unknown; a server may have several fingerprints")
  void checks() throws IOException {
    KnownServers known = new KnownServers(dir.resolve("sub").resolve("known-servers"));
    assertThat(known.check("127.0.0.1:5004", A)).isEqualTo(Verdict.UNKNOWN);

    known.remember("127.0.0.1:5004", A);
    assertThat(known.check("127.0.0.1:5004", A)).isEqualTo(Verdict.KNOWN);
    assertThat(known.check("127.0.0.1:5004", B)).isEqualTo(Verdict.CHANGED);
    assertThat(known.check("127.0.0.1:5005", B)).isEqualTo(Verdict.UNKNOWN);

    known.remember("127.0.0.1:5004", B); // as after removing nothing: both are trusted
    assertThat(known.check("127.0.0.1:5004", B)).isEqualTo(Verdict.KNOWN);
    assertThat(Files.readString(known.file()))
        .startsWith("# Chat servers this client trusts")
        .endsWith("127.0.0.1:5004 " + A + "\n127.0.0.1:5004 " + B + "\n");
  }

  @Test
  @DisplayName("refuses to read a file over 1 MiB")
  void refusesHugeFiles() throws IOException {
    Path file = dir.resolve("known-servers");
    Files.write(file, new byte[(int) KnownServers.MAX_BYTES + 1]);

    assertThatThrownBy(() -> new KnownServers(file).check("127.0.0.1:5004", A))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("over 1 MiB");
  }

  @Test
  @DisplayName("lives in the per-user config folder of each system")
  void defaultPath() {
    assertThat(KnownServers.defaultPath("Linux", "/home/ann", Map.of()))
        .isEqualTo(Path.of("/home/ann/.config/socket-course/known-servers"));
    assertThat(KnownServers.defaultPath("Linux", "/home/ann", Map.of("XDG_CONFIG_HOME", "/cfg")))
        .isEqualTo(Path.of("/cfg/socket-course/known-servers"));
    assertThat(KnownServers.defaultPath("Mac OS X", "/Users/ann", Map.of()))
        .isEqualTo(Path.of("/Users/ann/Library/Application Support/socket-course/known-servers"));
  }
}
