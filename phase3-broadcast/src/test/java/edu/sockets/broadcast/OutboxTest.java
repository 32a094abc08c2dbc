package edu.sockets.broadcast;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One client's bounded queue and its writer loop, with streams in memory instead of sockets. */
@DisplayName("Outbox: the bounded queue and the writer that empties it")
@Timeout(10)
class OutboxTest {

  /** Never connected: the outbox only closes it, which the tests look for. */
  private final Socket connection = new Socket();

  private final Outbox outbox =
      new Outbox("10.0.0.1:1000", connection, Thread.ofVirtual().factory());

  @Test
  @DisplayName("accepts lines up to 1 MiB waiting, and refuses the line that would go over")
  void refusesALineOverTheBound() {
    byte[] kib = new byte[1024];
    for (int i = 0; i < 1024; i++) {
      assertThat(outbox.offer(kib)).as("line %d", i).isTrue();
    }

    assertThat(outbox.offer(new byte[1])).isFalse();
    assertThat(outbox.offer(new byte[1])).as("and every line after it").isFalse();
  }

  @Test
  void makesRoomAgainOnceLinesAreWritten() {
    byte[] half = new byte[Outbox.MAX_QUEUED_BYTES / 2];
    assertThat(outbox.offer(half)).isTrue();
    assertThat(outbox.offer(half)).isTrue();

    outbox.takeQueued();

    assertThat(outbox.queuedBytes()).isZero();
    assertThat(outbox.offer(half)).isTrue();
  }

  @Test
  @DisplayName("the writer sends every line in order, then stops at finish()")
  void writesEveryLineInOrderThenStops() throws Exception {
    ByteArrayOutputStream socket = new ByteArrayOutputStream();
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      String line = "line " + i + "\n";
      outbox.offer(line.getBytes(UTF_8));
      expected.append(line);
    }
    outbox.finish();

    outbox.writeTo(socket); // returns at the end that finish() marked

    assertThat(socket.toString(UTF_8)).isEqualTo(expected.toString());
    assertThat(outbox.queuedBytes()).isZero();
    assertThat(connection.isClosed())
        .as("the handler, not the outbox, closes after a finish")
        .isFalse();
  }

  @Test
  @DisplayName("lines waiting together leave in a few large writes, not one write each")
  void gathersWaitingLinesIntoFewWrites() throws Exception {
    List<Integer> writes = new ArrayList<>();
    OutputStream socket =
        new OutputStream() {
          @Override
          public void write(int b) {
            writes.add(1);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            writes.add(length);
          }
        };
    byte[] line = "[10.0.0.2:2000] a chat line of about forty bytes\n".getBytes(UTF_8);
    for (int i = 0; i < 1000; i++) {
      outbox.offer(line);
    }
    outbox.finish();

    outbox.writeTo(socket);

    assertThat(writes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000 * line.length);
    assertThat(writes).hasSizeLessThanOrEqualTo(2);
  }

  @Test
  @DisplayName("the writer waits for lines that come later, from another thread")
  void writerWaitsForLaterLines() throws Exception {
    ByteArrayOutputStream socket = new ByteArrayOutputStream();
    CountDownLatch wrote = new CountDownLatch(1);
    OutputStream watched =
        new OutputStream() {
          @Override
          public void write(int b) {
            socket.write(b);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            socket.write(bytes, offset, length);
            wrote.countDown();
          }
        };
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(() -> {
          try {
            outbox.writeTo(watched);
          } catch (IOException | InterruptedException e) {
            throw new RuntimeException(e);
          }
        });

    outbox.offer("first\n".getBytes(UTF_8));
    assertThat(wrote.await(5, TimeUnit.SECONDS)).as("written without waiting for more").isTrue();
    outbox.offer("second\n".getBytes(UTF_8));
    outbox.finish();
    writer.get(5, TimeUnit.SECONDS);

    assertThat(socket.toString(UTF_8)).isEqualTo("first\nsecond\n");
  }

  @Test
  @DisplayName("finish() on a client over its bound closes the connection instead of waiting")
  void finishClosesAClientThatIsOverItsBound() {
    outbox.offer(new byte[Outbox.MAX_QUEUED_BYTES]);
    outbox.offer(new byte[1]);

    outbox.finish();

    assertThat(connection.isClosed()).isTrue();
  }

  @Test
  @DisplayName("start(): a writer thread sends the lines, then ends the stream at finish()")
  void writerThreadSendsThenEndsTheStream() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket(listener.getInetAddress(), listener.getLocalPort());
        Socket served = listener.accept()) {
      client.setSoTimeout(5_000);
      Outbox started = new Outbox("10.0.0.1:1000", served, Thread.ofVirtual().factory());
      started.start();
      started.offer("one\n".getBytes(UTF_8));
      started.offer("two\n".getBytes(UTF_8));
      started.finish();

      assertThat(started.awaitFinished(Duration.ofSeconds(5))).isTrue();
      assertThat(new String(client.getInputStream().readAllBytes(), UTF_8))
          .as("both lines, then end of stream")
          .isEqualTo("one\ntwo\n");
    }
  }
}
