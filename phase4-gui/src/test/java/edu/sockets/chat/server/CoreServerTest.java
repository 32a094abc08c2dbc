package edu.sockets.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.protocol.LineReader;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server of chapter 4a alone, without anything chapter 4c adds: protocol version 1. */
@DisplayName("ChatServer without extensions: the chat of chapter 4a, over real sockets")
@Timeout(20)
class CoreServerTest {

  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  @Test
  @DisplayName("names, messages and goodbye work; /register is a command it does not know")
  void servesProtocolVersionOne() throws Exception {
    ChatServer server = ChatServer.open("127.0.0.1", 0, Extensions.NONE, log::add);
    Thread serving = server.serveInBackground("core test server");
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(5_000);
      LineReader in = new LineReader(socket.getInputStream());
      assertThat(in.readLine()).startsWith("INFO Welcome to the chat.");

      send(socket, "/register alice correct horse");
      assertThat(in.readLine())
          .isEqualTo("ERR UNKNOWN_COMMAND unknown command /register; /help lists the commands");
      send(socket, "/name alice");
      assertThat(in.readLine()).isEqualTo("WELCOME alice");
      send(socket, "hello");
      assertThat(in.readLine()).matches("MSG \\S+ alice \\* hello");
      send(socket, "/pm nobody hi");
      assertThat(in.readLine()).isEqualTo("ERR NO_SUCH_USER no user is called nobody");
      send(socket, "/exit");
      assertThat(in.readLine()).isEqualTo("BYE");
      assertThat(in.readLine()).isNull(); // the server closed its side
    } finally {
      server.shutdown();
      assertThat(server.awaitStopped(Duration.ofSeconds(10))).isTrue();
    }
    serving.join(10_000);
    assertThat(log.getFirst()).matches("Listening on 127\\.0\\.0\\.1:\\d+");
    assertThat(log).noneMatch(line -> line.startsWith("Data:")); // no store: nothing to say
    assertThat(server.connectionCount()).isZero();
  }

  private static void send(Socket socket, String line) throws IOException {
    socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
