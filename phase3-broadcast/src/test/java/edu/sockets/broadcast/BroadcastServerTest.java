package edu.sockets.broadcast;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server, end to end over loopback, only through its socket. */
@DisplayName("BroadcastServer: relaying lines between real sockets")
@Timeout(20)
class BroadcastServerTest {

  private static final Duration EXIT = Duration.ofSeconds(5);

  @Test
  @DisplayName("a line reaches each other client once, as [ip:port] text, and not the sender")
  void relaysALineToEveryOtherClientOnce() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        TestClient a = server.join();
        TestClient b = server.join();
        TestClient c = server.join()) {
      a.send("hello");
      assertThat(b.readRelayed()).isEqualTo("[" + a.name() + "] hello");
      assertThat(c.readRelayed()).isEqualTo("[" + a.name() + "] hello");

      b.send("marker");
      // The next line each gets is b's marker: hello came once, and never back to a.
      assertThat(c.readRelayed()).isEqualTo("[" + b.name() + "] marker");
      assertThat(a.readRelayed()).isEqualTo("[" + b.name() + "] marker");
    }
  }

  @Test
  @DisplayName("the newcomer is welcomed with the count of others; the others hear who joined")
  void welcomesTheNewcomerAndAnnouncesIt() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        TestClient a = server.join();
        TestClient b = server.join()) {
      assertThat(a.welcome).matches(welcome(a, 0));
      assertThat(b.welcome).matches(welcome(b, 1));
      assertThat(a.readAbout(b.name())).isEqualTo("*** " + b.name() + " joined");
    }
  }

  @Test
  @DisplayName("/exit: a goodbye, the connection closes, and the others are told")
  void exitSaysGoodbyeAndTellsTheOthers() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        TestClient a = server.join();
        TestClient b = server.join()) {
      b.send("/exit");

      assertThat(b.readLine()).isEqualTo("*** Goodbye " + b.name() + ".");
      assertThat(b.readLine()).as("then end of stream").isNull();
      assertThat(a.readAbout(b.name())).isEqualTo("*** " + b.name() + " joined");
      assertThat(a.readAbout(b.name())).isEqualTo("*** " + b.name() + " left (/exit)");
    }
  }

  @Test
  @DisplayName(
      "lines and /exit in one send: the lines before it are relayed first, those after not")
  void linesSentWithExitAreRelayedBeforeItAndNotAfter() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        TestClient a = server.join();
        TestClient b = server.join()) {
      assertThat(a.readAbout(b.name())).isEqualTo("*** " + b.name() + " joined");
      b.sendBytes("one\ntwo\n/exit\nthree\n".getBytes(UTF_8));

      assertThat(a.readRelayed()).isEqualTo("[" + b.name() + "] one");
      assertThat(a.readRelayed()).isEqualTo("[" + b.name() + "] two");
      assertThat(a.readAbout(b.name())).isEqualTo("*** " + b.name() + " left (/exit)");
    }
  }

  @Test
  @DisplayName("end of stream (the client closes its side): the others are told")
  void endOfStreamIsALeave() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        TestClient a = server.join();
        TestClient b = server.join()) {
      b.socket.shutdownOutput();

      assertThat(b.readLine()).as("the server closes its side too").isNull();
      assertThat(a.readAbout(b.name())).isEqualTo("*** " + b.name() + " joined");
      assertThat(a.readAbout(b.name()))
          .isEqualTo("*** " + b.name() + " left (closed the connection)");
    }
  }

  @Test
  @DisplayName("a reset (RST instead of FIN): the others are told, and the server carries on")
  void resetIsALeave() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        TestClient a = server.join();
        TestClient b = server.join()) {
      String gone = b.name();
      b.reset();

      assertThat(a.readAbout(gone)).isEqualTo("*** " + gone + " joined");
      assertThat(a.readAbout(gone)).isEqualTo("*** " + gone + " left (connection reset)");
      try (TestClient c = server.join()) {
        c.send("still serving");
        assertThat(a.readRelayed()).isEqualTo("[" + c.name() + "] still serving");
      }
    }
  }

  @Test
  @DisplayName("2,000 lines from one sender arrive in the order sent")
  void keepsEachSendersOrder() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        TestClient a = server.join();
        TestClient b = server.join()) {
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < 2000; i++) {
        lines.append("line ").append(i).append('\n');
      }
      a.sendBytes(lines.toString().getBytes(UTF_8)); // many lines in few segments

      for (int i = 0; i < 2000; i++) {
        assertThat(b.readRelayed()).isEqualTo("[" + a.name() + "] line " + i);
      }
    }
  }

  @Test
  @DisplayName("50 clients send 20 lines each: every client gets the other 980, in order")
  void deliversEverythingAmongFiftyClients() throws Exception {
    try (ServerFixture server = ServerFixture.start()) {
      List<TestClient> clients = new ArrayList<>();
      try {
        for (int i = 0; i < 50; i++) {
          clients.add(server.join());
        }
        for (int round = 0; round < 20; round++) {
          for (TestClient client : clients) {
            client.send("round " + round);
          }
        }

        for (TestClient receiver : clients) {
          int[] next = new int[50];
          for (int n = 0; n < 49 * 20; n++) {
            String line = receiver.readRelayed();
            int sender = indexOf(clients, line);
            assertThat(sender).as("sender of %s", line).isNotIn(-1, clients.indexOf(receiver));
            assertThat(line).endsWith("] round " + next[sender]++);
          }
        }
      } finally {
        for (TestClient client : clients) {
          client.close();
        }
      }
    }
  }

  @Test
  @DisplayName("a client that never reads: another still gets 12 MB, and it is dropped")
  void aClientThatNeverReadsDoesNotStallTheOthers() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        TestClient sender = server.join();
        TestClient reader = server.join();
        Socket stuck = new Socket()) {
      stuck.setReceiveBufferSize(4096); // a small window, so its buffers fill sooner
      stuck.connect(reader.socket.getRemoteSocketAddress());
      String stuckName = BroadcastServer.endpoint(stuck.getLocalAddress(), stuck.getLocalPort());
      assertThat(reader.readAbout(stuckName)).isEqualTo("*** " + stuckName + " joined");
      String text = "x".repeat(8000);

      // 15 rounds of 100 lines (800 KB): the reader keeps up, the stuck client falls behind.
      boolean toldOfTheDrop = false;
      for (int round = 0; round < 15; round++) {
        for (int i = 0; i < 100; i++) {
          sender.send(round + " " + i + " " + text);
        }
        for (int i = 0; i < 100; i++) {
          String line = reader.readLine();
          while (line.startsWith("*** ")) {
            toldOfTheDrop |=
                line.equals("*** " + stuckName + " left (dropped by the server: not reading)");
            line = reader.readLine();
          }
          assertThat(line).startsWith("[" + sender.name() + "] " + round + " " + i + " xxx");
        }
      }

      assertThat(toldOfTheDrop)
          .as("the reader was told that the stuck client was dropped")
          .isTrue();
      server.run().out.awaitLine(Pattern.compile(Pattern.quote(stuckName) + " dropped"), EXIT);
    }
  }

  @Test
  @DisplayName("terminal control characters are removed from what is relayed; TAB stays")
  void stripsControlCharacters() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        TestClient a = server.join();
        TestClient b = server.join()) {
      a.send("\u001b]0;owned\u0007\u001b[2J\u009b31mred\u007f\u0000\tend");

      assertThat(b.readRelayed()).isEqualTo("[" + a.name() + "] ]0;owned[2J31mred\tend");
    }
  }

  @Test
  @DisplayName("a line over 8192 bytes is refused, not relayed; the connection stays usable")
  void refusesAnOverlongLineAndGoesOn() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        TestClient a = server.join();
        TestClient b = server.join()) {
      assertThat(a.readAbout(b.name())).isEqualTo("*** " + b.name() + " joined");
      a.send("y".repeat(LineReader.MAX_LINE_BYTES + 1));
      a.send("x".repeat(LineReader.MAX_LINE_BYTES));
      a.send("after");

      assertThat(a.readAbout("Line too long"))
          .isEqualTo("*** Line too long (over 8192 bytes): not sent.");
      assertThat(b.readRelayed())
          .isEqualTo("[" + a.name() + "] " + "x".repeat(LineReader.MAX_LINE_BYTES));
      assertThat(b.readRelayed()).isEqualTo("[" + a.name() + "] after");
    }
  }

  @Test
  @DisplayName("hostile input: invalid UTF-8, a line one byte at a time, CR LF, a 10 MB line")
  void survivesHostileInput() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        TestClient a = server.join();
        TestClient b = server.join()) {
      a.sendBytes(new byte[] {'b', 'a', 'd', (byte) 0xC3, (byte) 0xFF, '\n'});
      a.socket.setTcpNoDelay(true);
      for (byte x : "slow\r\n".getBytes(UTF_8)) {
        a.sendBytes(new byte[] {x});
      }
      byte[] huge = new byte[10_000_000]; // never kept: refused at 8 KiB, the rest skipped
      Arrays.fill(huge, (byte) 'z');
      a.sendBytes(huge);
      a.send("");
      a.send("fine");

      assertThat(b.readRelayed()).isEqualTo("[" + a.name() + "] bad\uFFFD\uFFFD");
      assertThat(b.readRelayed()).isEqualTo("[" + a.name() + "] slow");
      assertThat(b.readRelayed()).isEqualTo("[" + a.name() + "] fine");
    }
  }

  @Test
  @DisplayName("shutdown (Ctrl+C): every client is told and closed, and the server exits 0")
  void shutdownClosesEveryClient() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        TestClient a = server.join();
        TestClient b = server.join()) {
      a.readLine(); // b joined

      CompletableFuture<Integer> exitCode =
          CompletableFuture.supplyAsync(() -> {
            try {
              return server.stop();
            } catch (Exception e) {
              throw new CompletionException(e);
            }
          });
      for (TestClient client : List.of(a, b)) {
        assertThat(client.readLine()).isEqualTo("*** Server shutting down. Goodbye.");
        assertThat(client.readLine()).isNull();
        client.close(); // as the chat client does at end of stream, so the server need not wait
      }

      assertThat(exitCode.get(5, TimeUnit.SECONDS)).isZero();
      assertThat(server.run().out.lines())
          .endsWith("Server stopped: 2 clients served, 0 lines relayed");
    }
  }

  /** The welcome {@code client} should get when {@code others} are online. */
  private static String welcome(TestClient client, int others) {
    return Pattern.quote(
        "*** Welcome " + client.name() + "! Others online: " + others + ". Send /exit to leave.");
  }

  /** Which client (by ip:port) a relayed line came from, or -1. */
  private static int indexOf(List<TestClient> clients, String line) {
    for (int i = 0; i < clients.size(); i++) {
      if (line.startsWith("[" + clients.get(i).name() + "] ")) {
        return i;
      }
    }
    return -1;
  }
}
