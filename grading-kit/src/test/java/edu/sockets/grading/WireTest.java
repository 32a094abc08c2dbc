package edu.sockets.grading;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A wire against a server socket the test holds: what the server sends, the wire must report. */
@Timeout(10)
class WireTest {

  /** Waits short enough for tests that wait for nothing to arrive. */
  private static final Timing SHORT =
      new Timing(
          Duration.ofSeconds(1),
          Duration.ofMillis(300),
          Duration.ofMillis(100),
          Duration.ofSeconds(1),
          Duration.ofSeconds(5));

  private ServerSocket listener;
  private Socket server;
  private Wire wire;

  @BeforeEach
  void connect() throws Exception {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    CompletableFuture<Socket> accepted =
        CompletableFuture.supplyAsync(() -> {
          try {
            return listener.accept();
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
    wire = new Wire(new Socket("127.0.0.1", listener.getLocalPort()), SHORT);
    server = accepted.get(5, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() throws IOException {
    wire.close();
    server.close();
    listener.close();
  }

  @Test
  void aSendThatFailsLeavesWhatArrivedToBeRead() throws IOException {
    serverSends("Hello client");
    server.setSoLinger(true, 0);
    server.close(); // the server hangs up before it reads anything
    wire.send("x".repeat(100_000)); // fails once the reset arrives: no exception
    wire.send("more");

    Reply reply = wire.readLine();
    assertThat(reply.text()).isEqualTo("Hello client");
    assertThat(reply.ended()).isTrue();
  }

  private void serverSends(String text) throws IOException {
    OutputStream out = server.getOutputStream();
    out.write(text.getBytes(UTF_8));
    out.flush();
  }

  @Test
  void cutsLinesOutOfWhatArrives() throws IOException {
    serverSends("one\ntwo\r\nthr");
    assertThat(wire.readLine().text()).isEqualTo("one");
    assertThat(wire.readLine().text()).isEqualTo("two");
    Reply rest = wire.readLine();
    assertThat(rest.end()).isEqualTo(Reply.End.QUIET);
    assertThat(rest.describe()).isEqualTo("\"thr\" (3 bytes, no line feed within 0.3 s)");
  }

  @Test
  void sayThatTheServerClosedAfterBytesWithoutALineFeed() throws IOException {
    serverSends("Hello client");
    server.close();
    Reply reply = wire.readLine();
    assertThat(reply.end()).isEqualTo(Reply.End.CLOSED);
    assertThat(reply.text()).isEqualTo("Hello client");
    assertThat(wire.endedSilently()).isFalse();
  }

  @Test
  void aServerThatClosesWithoutAWordEndedSilently() throws IOException {
    server.close();
    assertThat(wire.readLine().end()).isEqualTo(Reply.End.CLOSED);
    assertThat(wire.endedSilently()).isTrue();
  }

  @Test
  void aResetIsReported() throws IOException {
    server.setSoLinger(true, 0);
    server.close();
    assertThat(wire.readLine().end()).isEqualTo(Reply.End.RESET);
  }

  @Test
  void awaitLineReadsPastOtherLinesAndKeepsThem() throws IOException {
    serverSends("*** welcome\n[a] hello\n");
    Wire.Search search = wire.awaitLine(line -> line.startsWith("[a]"));
    assertThat(search.succeeded()).isTrue();
    assertThat(search.found().text()).isEqualTo("[a] hello");
    assertThat(search.others()).extracting(Reply::text).containsExactly("*** welcome");
  }

  @Test
  void aFailedSearchDescribesWhatCameInstead() throws IOException {
    serverSends("one\ntwo\n");
    Wire.Search search = wire.awaitLine(line -> line.equals("three"));
    assertThat(search.succeeded()).isFalse();
    assertThat(search.describe())
        .isEqualTo("2 other lines (\"one\\n\", \"two\\n\"), then nothing within 0.3 s");
  }

  @Test
  void drainStopsWhenTheServerFallsQuiet() throws IOException {
    serverSends("a\nb\n");
    Reply drained = wire.drain(SHORT.answer());
    assertThat(drained.end()).isEqualTo(Reply.End.QUIET);
    assertThat(new String(drained.bytes(), UTF_8)).isEqualTo("a\nb\n");
  }

  @Test
  void piecesArriveAsSeparateReads() throws Exception {
    CompletableFuture<Void> sending =
        CompletableFuture.runAsync(() -> {
          try {
            wire.sendByteByByte("abc".getBytes(UTF_8));
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
    server.setSoTimeout(5000);
    byte[] buffer = new byte[16];
    assertThat(server.getInputStream().read(buffer))
        .as("the first read gets one byte")
        .isEqualTo(1);
    sending.get(5, TimeUnit.SECONDS);
  }

  @Test
  void seesItsOwnAddressAsTheServerDoes() {
    assertThat(wire.localEndpoint())
        .isEqualTo("127.0.0.1:" + server.getPort())
        .isEqualTo(server.getInetAddress().getHostAddress() + ":" + server.getPort());
  }
}
