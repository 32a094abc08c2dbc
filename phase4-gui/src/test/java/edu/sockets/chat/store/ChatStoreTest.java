package edu.sockets.chat.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ChatStore: accounts, queued messages and history in SQLite, kept across a restart")
class ChatStoreTest {

  private static final Instant T = Instant.parse("2026-11-22T10:15:30.125Z");

  @TempDir Path dir;

  /** What the accounts would store for a password: the store keeps its bytes, whatever they are. */
  private static PasswordHash hash(int seed) {
    byte[] salt = new byte[16];
    byte[] hash = new byte[32];
    Arrays.fill(salt, (byte) seed);
    Arrays.fill(hash, (byte) (seed + 1));
    return new PasswordHash(salt, hash, 1_000 + seed);
  }

  @Test
  void everythingSurvivesClosingAndOpeningAgain() throws Exception {
    PasswordHash hash = hash(1);
    try (ChatStore store = ChatStore.open(dir)) {
      assertThat(store.createAccount("Alice", hash, T)).isTrue();
      assertThat(store.queue(new Stored(T, "bob", "Alice", "while you were out"))).isTrue();
      store.appendHistory(
          List.of(new Stored(T, "bob", "*", "hello"), new Stored(T, "bob", "#Java", "jvm")));
    }
    assertThat(dir.resolve("chat.db")).exists();
    try (ChatStore store = ChatStore.open(dir)) {
      assertThat(store.accountNames()).containsExactly("Alice");
      ChatStore.Account alice = store.account("alice");
      assertThat(alice.name()).isEqualTo("Alice");
      assertThat(alice.hash().salt()).isEqualTo(hash.salt());
      assertThat(alice.hash().hash()).isEqualTo(hash.hash());
      assertThat(alice.hash().iterations()).isEqualTo(hash.iterations());
      assertThat(store.takeQueued("alice"))
          .containsExactly(new Stored(T, "bob", "Alice", "while you were out"));
      assertThat(store.takeQueued("alice")).isEmpty(); // taken means gone
      assertThat(store.recentHistory(20))
          .containsExactly(
              new Stored(T, "bob", "*", "hello"), new Stored(T, "bob", "#Java", "jvm"));
    }
  }

  @Test
  void aNameIsOneAccountIgnoringCase() {
    try (ChatStore store = ChatStore.open(dir)) {
      assertThat(store.createAccount("alice", hash(1), T)).isTrue();
      assertThat(store.createAccount("ALICE", hash(2), T)).isFalse();
      assertThat(store.account("nobody")).isNull();
    }
  }

  @Test
  void aQueueHoldsAtMostTheLimitAndRefusesTheNext() {
    try (ChatStore store = ChatStore.open(dir)) {
      for (int i = 0; i < ChatStore.QUEUE_LIMIT; i++) {
        assertThat(store.queue(new Stored(T, "bob", "alice", "m" + i))).isTrue();
      }
      assertThat(store.queue(new Stored(T, "bob", "alice", "one too many"))).isFalse();
      assertThat(store.queue(new Stored(T, "bob", "carol", "another queue"))).isTrue();
      List<Stored> taken = store.takeQueued("alice");
      assertThat(taken).hasSize(ChatStore.QUEUE_LIMIT);
      assertThat(taken.getFirst().text()).isEqualTo("m0"); // oldest first
    }
  }

  @Test
  void historyGivesTheLastLinesOfEachPlaceOldestFirst() {
    try (ChatStore store = ChatStore.open(dir)) {
      List<Stored> batch = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        batch.add(new Stored(T.plusSeconds(i), "bob", i % 2 == 0 ? "*" : "#java", "m" + i));
      }
      store.appendHistory(batch);
      List<Stored> recent = store.recentHistory(3); // three of *, three of #java
      assertThat(recent)
          .extracting(Stored::text)
          .containsExactly("m24", "m25", "m26", "m27", "m28", "m29");
    }
  }

  @Test
  void textsAreKeptExactlyQuotesAndAllSoNothingIsReadAsSql() {
    String hostile = "'); DROP TABLE queued; -- \uD83D\uDE00 \"quoted\"";
    try (ChatStore store = ChatStore.open(dir)) {
      assertThat(store.queue(new Stored(T, "bob", "alice", hostile))).isTrue();
      assertThat(store.takeQueued("alice")).extracting(Stored::text).containsExactly(hostile);
    }
  }

  @Test
  void aFolderThatIsAFileGivesOneClearError() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    try {
      ChatStore.open(file).close();
    } catch (StoreException e) {
      assertThat(e.getMessage()).startsWith("Cannot open the database").contains("not-a-folder");
      return;
    }
    throw new AssertionError("opening a database inside a file should fail");
  }
}
