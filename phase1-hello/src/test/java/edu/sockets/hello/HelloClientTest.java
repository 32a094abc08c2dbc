package edu.sockets.hello;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client's command, against a stand-in server that the test scripts by hand. */
@DisplayName("HelloClient: the client side of the exchange")
@Timeout(10)
class HelloClientTest {

  private static final Duration EXIT = Duration.ofSeconds(5);

  @Test
  @DisplayName("sends Hello Server, prints the reply, closes its socket and exits 0")
  void sendsGreetingPrintsReplyAndCloses() throws Exception {
    try (ServerSocket listener = loopbackListener()) {
      CommandRun client = CommandRun.start("client", "--port", "" + listener.getLocalPort());

      try (Socket connection = listener.accept()) {
        connection.setSoTimeout(5_000);
        LineReader in = new LineReader(connection.getInputStream());
        assertThat(in.readLine()).isEqualTo("Hello Server");
        connection.getOutputStream().write("Hello Client\n".getBytes(UTF_8));

        assertThat(client.awaitExit(EXIT)).isZero();
        assertThat(client.out.lines()).contains("Sending: Hello Server", "Received: Hello Client");
        assertThat(in.readLine()).as("end of stream: the client closed its socket").isNull();
      }
    }
  }

  @Test
  @DisplayName("--message sends any one line, Unicode included")
  void sendsTheGivenMessage() throws Exception {
    try (ServerSocket listener = loopbackListener()) {
      CommandRun client =
          CommandRun.start(
              "client", "--port", "" + listener.getLocalPort(), "--message", "درود 🌍");

      try (Socket connection = listener.accept()) {
        connection.setSoTimeout(5_000);
        assertThat(new LineReader(connection.getInputStream()).readLine()).isEqualTo("درود 🌍");
        connection.getOutputStream().write("Hello Client\n".getBytes(UTF_8));
        assertThat(client.awaitExit(EXIT)).isZero();
      }
    }
  }

  @Test
  @DisplayName("a server that never replies: the client gives up after --timeout, exit 1")
  void givesUpOnASilentServer() throws Exception {
    try (ServerSocket listener = loopbackListener()) {
      CommandRun client =
          CommandRun.start("client", "--port", "" + listener.getLocalPort(), "--timeout", "1");

      try (Socket connection = listener.accept()) {
        assertThat(client.awaitExit(EXIT)).isEqualTo(1);
        assertThat(client.err.lines()).singleElement().asString().contains("no reply");
      }
    }
  }

  @Test
  @DisplayName("a server that hangs up without replying: one clear line, exit 1")
  void reportsAServerThatHangsUp() throws Exception {
    try (ServerSocket listener = loopbackListener()) {
      CommandRun client = CommandRun.start("client", "--port", "" + listener.getLocalPort());
      CompletableFuture.runAsync(
              () -> {
                try (Socket connection = listener.accept()) {
                  new LineReader(connection.getInputStream()).readLine();
                } catch (IOException e) {
                  throw new RuntimeException(e);
                }
              })
          .get(5, TimeUnit.SECONDS);

      assertThat(client.awaitExit(EXIT)).isEqualTo(1);
      assertThat(client.err.lines())
          .singleElement()
          .asString()
          .contains("closed the connection without replying");
    }
  }

  private static ServerSocket loopbackListener() throws IOException {
    return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }
}
