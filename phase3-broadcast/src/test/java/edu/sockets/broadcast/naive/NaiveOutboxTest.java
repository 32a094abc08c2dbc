package edu.sockets.broadcast.naive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The naive kind of member, on a real connection over loopback. */
@DisplayName("NaiveOutbox: writes on the sender's thread, closes at finish")
@Timeout(10)
class NaiveOutboxTest {

  private Socket client;
  private Socket served;
  private NaiveOutbox naive;

  @BeforeEach
  void connect() throws IOException {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      client = new Socket(listener.getInetAddress(), listener.getLocalPort());
      client.setSoTimeout(5_000);
      served = listener.accept();
    }
    naive = new NaiveOutbox("10.0.0.1:1000", served, null);
  }

  @AfterEach
  void disconnect() throws IOException {
    client.close();
    served.close();
  }

  @Test
  @DisplayName("naive: offer writes on the caller's thread, at once")
  void naiveWritesAtOnce() throws IOException {
    naive.start();

    assertThat(naive.offer("now\n".getBytes(UTF_8))).isTrue();

    assertThat(new String(client.getInputStream().readNBytes(4), UTF_8)).isEqualTo("now\n");
  }

  @Test
  @DisplayName("finish closes the connection at once: everything was written already")
  void finishClosesAtOnce() {
    naive.finish();

    assertThat(served.isClosed()).isTrue();
    assertThat(naive.awaitFinished(Duration.ZERO)).isTrue();
  }
}
