package edu.sockets.hello;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server, end to end over loopback: only its socket, its log and its exit code. */
@DisplayName("HelloServer: one exchange over a real socket")
@Timeout(10)
class HelloServerTest {

  private static final Duration EXIT = Duration.ofSeconds(5);

  @Test
  @DisplayName("answers Hello Server with Hello Client, then closes the connection")
  void answersHelloServerThenCloses() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        Socket socket = server.connect()) {
      send(socket, "Hello Server\n");

      LineReader in = new LineReader(socket.getInputStream());
      assertThat(in.readLine()).isEqualTo("Hello Client");
      assertThat(in.readLine()).as("end of stream: the server closed its side").isNull();
    }
  }

  @Test
  @DisplayName("a greeting sent one byte at a time is still one line")
  void readsAGreetingSentOneByteAtATime() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        Socket socket = server.connect()) {
      socket.setTcpNoDelay(true); // each byte leaves in a segment of its own
      for (byte b : "Hello Server\n".getBytes(UTF_8)) {
        socket.getOutputStream().write(b);
        socket.getOutputStream().flush();
      }

      assertThat(new LineReader(socket.getInputStream()).readLine()).isEqualTo("Hello Client");
    }
  }

  @Test
  @DisplayName("CR LF line ending: the server reads the greeting without the CR")
  void acceptsCrLf() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        Socket socket = server.connect()) {
      send(socket, "Hello Server\r\n");

      assertThat(new LineReader(socket.getInputStream()).readLine()).isEqualTo("Hello Client");
      server.run().awaitExit(EXIT);
      assertThat(server.run().out.lines()).contains("Received: Hello Server");
    }
  }

  @Test
  @DisplayName("Persian text and emoji arrive intact")
  void keepsUnicodeIntact() throws Exception {
    String greeting = "سلام، Hello Server 👋";
    try (ServerFixture server = ServerFixture.start();
        Socket socket = server.connect()) {
      send(socket, greeting + "\n");

      assertThat(new LineReader(socket.getInputStream()).readLine()).isEqualTo("Hello Client");
      server.run().awaitExit(EXIT);
      assertThat(server.run().out.lines()).contains("Received: " + greeting);
    }
  }

  @Test
  @DisplayName("logs the client's ip:port and what it received, and exits 0")
  void logsTheClientAndExitsZero() throws Exception {
    try (ServerFixture server = ServerFixture.start()) {
      int clientPort;
      try (Socket socket = server.connect()) {
        clientPort = socket.getLocalPort();
        send(socket, "Hello Server\n");
        new LineReader(socket.getInputStream()).readLine();
      }

      assertThat(server.run().awaitExit(EXIT)).isZero();
      assertThat(server.run().out.lines())
          .containsSubsequence(
              "Client connected from 127.0.0.1:" + clientPort,
              "Received: Hello Server",
              "Sending: Hello Client",
              "Connection closed");
    }
  }

  @Test
  @DisplayName("after its one exchange the server stops listening")
  void stopsListeningAfterOneExchange() throws Exception {
    try (ServerFixture server = ServerFixture.start()) {
      try (Socket socket = server.connect()) {
        send(socket, "Hello Server\n");
        new LineReader(socket.getInputStream()).readLine();
      }
      server.run().awaitExit(EXIT);

      assertThatThrownBy(() -> new Socket(server.host(), server.port()).close())
          .isInstanceOf(ConnectException.class);
    }
  }

  @Test
  @DisplayName("a client that says nothing: the server gives up after --timeout and exits 1")
  void givesUpOnASilentClient() throws Exception {
    try (ServerFixture server = ServerFixture.start("--timeout", "1");
        Socket socket = server.connect()) {
      int clientPort = socket.getLocalPort();

      assertThat(server.run().awaitExit(EXIT)).isEqualTo(1);
      assertThat(server.run().err.lines())
          .containsExactly(
              "Server stopped: 127.0.0.1:" + clientPort + " sent nothing for 1 s; giving up");
      assertThat(socket.getInputStream().read())
          .as("the server closed the connection")
          .isEqualTo(-1);
    }
  }

  @Test
  @DisplayName("a client that leaves without a word: one clear line, exit 1")
  void reportsAClientThatLeavesWithoutAWord() throws Exception {
    try (ServerFixture server = ServerFixture.start()) {
      int clientPort;
      try (Socket socket = server.connect()) {
        clientPort = socket.getLocalPort();
      }

      assertThat(server.run().awaitExit(EXIT)).isEqualTo(1);
      assertThat(server.run().err.lines())
          .containsExactly(
              "Server stopped: 127.0.0.1:"
                  + clientPort
                  + " closed the connection without sending a line");
    }
  }

  @Test
  @DisplayName("a line over 8192 bytes is refused: exit 1, connection closed")
  void refusesAnOverlongLine() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        Socket socket = server.connect()) {
      send(socket, "x".repeat(LineReader.MAX_LINE_BYTES + 1) + "\n");

      assertThat(server.run().awaitExit(EXIT)).isEqualTo(1);
      assertThat(server.run().err.text()).contains("longer than 8192 bytes");
      assertThat(readUntilClosed(socket.getInputStream()))
          .as("the connection ends without a reply")
          .isTrue();
    }
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(UTF_8));
    out.flush();
  }

  /**
   * True when the connection ends: end of stream, or a reset (the server closed with our unread
   * bytes still in its buffer, which makes TCP answer with RST instead of FIN).
   */
  private static boolean readUntilClosed(InputStream in) throws IOException {
    try {
      return in.read() == -1;
    } catch (SocketException reset) {
      return true;
    }
  }
}
