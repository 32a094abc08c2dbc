package edu.sockets.broadcast.naive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The naive kind of member: what it does at once, on the caller's thread. */
@DisplayName("NaiveOutbox: writes on the sender's thread, closes at finish")
@Timeout(10)
class NaiveOutboxTest {

  @Test
  @DisplayName("naive: offer writes on the caller's thread, at once")
  void naiveWritesAtOnce() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket(listener.getInetAddress(), listener.getLocalPort());
        Socket served = listener.accept()) {
      client.setSoTimeout(5_000);
      NaiveOutbox naive = new NaiveOutbox("10.0.0.1:1000", served, null);
      naive.start();

      assertThat(naive.offer("now\n".getBytes(UTF_8))).isTrue();

      InputStream in = client.getInputStream();
      assertThat(new String(in.readNBytes(4), UTF_8)).isEqualTo("now\n");
    }
  }

  @Test
  @DisplayName("finish closes the connection at once: everything was written already")
  void finishClosesAtOnce() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket(listener.getInetAddress(), listener.getLocalPort());
        Socket served = listener.accept()) {
      NaiveOutbox naive = new NaiveOutbox("10.0.0.1:1000", served, null);

      naive.finish();

      assertThat(served.isClosed()).isTrue();
      assertThat(naive.awaitFinished(Duration.ZERO)).isTrue();
    }
  }
}
