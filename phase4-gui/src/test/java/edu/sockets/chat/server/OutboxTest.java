package edu.sockets.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("Outbox: a bounded queue that never makes a sender wait")
@Timeout(10)
class OutboxTest {

  private static byte[] line(String text) {
    return (text + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("refuses a line that would pass the byte limit, and takes one that fits")
  void refusesWhatDoesNotFit() {
    Outbox outbox = new Outbox(10);

    assertThat(outbox.offer(line("12345678"))).isTrue(); // 9 bytes
    assertThat(outbox.offer(line("xy"))).isFalse(); // 12 > 10
    assertThat(outbox.offer(line(""))).isTrue(); // 10
  }

  @Test
  @DisplayName("the writer writes every line in order, then ends after finish")
  void writesInOrderThenFinishes() throws Exception {
    Outbox outbox = new Outbox(1 << 20);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompletableFuture<Boolean> writer =
        CompletableFuture.supplyAsync(() -> {
          try {
            return outbox.drainTo(out);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    for (int i = 0; i < 1000; i++) {
      outbox.offer(line("line " + i));
    }
    outbox.finish();
    outbox.offer(line("too late"));

    assertThat(writer.get(5, TimeUnit.SECONDS)).isTrue();
    String written = out.toString(StandardCharsets.UTF_8);
    assertThat(written.lines()).hasSize(1000).startsWith("line 0").endsWith("line 999");
  }

  @Test
  @DisplayName("abort ends the writer without writing what is queued")
  void abortEndsTheWriter() throws Exception {
    Outbox outbox = new Outbox(1 << 20);
    outbox.offer(line("never written"));
    outbox.abort();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThat(outbox.drainTo(out)).isFalse();
    assertThat(out.size()).isZero();
  }
}
