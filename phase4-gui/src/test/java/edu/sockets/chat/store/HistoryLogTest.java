package edu.sockets.chat.store;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.protocol.ServerMessage.History;
import edu.sockets.chat.protocol.ServerMessage.Msg;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("HistoryLog: the last N of each place, from memory, written behind in batches")
@Timeout(10)
class HistoryLogTest {

  private static final Instant T = Instant.parse("2026-11-22T10:15:30Z");

  @TempDir Path dir;

  private final List<String> log = new ArrayList<>();

  @Test
  void servesTheLastNOfEachPlaceAndTheyAreOnDiskAfterClosing() throws Exception {
    try (ChatStore store = ChatStore.open(dir)) {
      HistoryLog history = new HistoryLog(3, store, log::add);
      for (int i = 0; i < 50; i++) {
        history.record(new Msg(T.plusMillis(i), "bob", i % 5 == 0 ? "#Java" : "*", "m" + i));
      }
      assertThat(history.recent("*"))
          .extracting(History::text)
          .containsExactly("m47", "m48", "m49");
      assertThat(history.recent("#java"))
          .extracting(History::text)
          .containsExactly("m35", "m40", "m45");
      assertThat(history.recent("#nowhere")).isEmpty();
      history.close(); // writes what still waits
    }
    try (ChatStore store = ChatStore.open(dir)) {
      HistoryLog again = new HistoryLog(3, store, log::add);
      assertThat(again.recent("*")).extracting(History::text).containsExactly("m47", "m48", "m49");
      assertThat(again.recent("#JAVA"))
          .extracting(History::text)
          .containsExactly("m35", "m40", "m45");
      again.close();
    }
    assertThat(log).isEmpty();
  }

  @Test
  void zeroKeepsNothing() throws Exception {
    try (ChatStore store = ChatStore.open(dir)) {
      HistoryLog history = new HistoryLog(0, store, log::add);
      history.record(new Msg(T, "bob", "*", "not kept"));
      assertThat(history.recent("*")).isEmpty();
      history.close();
      assertThat(store.recentHistory(20)).isEmpty();
    }
  }
}
