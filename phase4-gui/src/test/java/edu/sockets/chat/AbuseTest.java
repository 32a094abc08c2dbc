package edu.sockets.chat;

import static edu.sockets.chat.ChatClient.TS;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.client.ChatConnection;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Welcome;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server's defences end to end, each with small limits passed as options of {@code server}:
 * flooding, heartbeats, slowloris, clients that never register, connection caps.
 */
@DisplayName("Holding under abuse: limits and timeouts over real sockets")
@Timeout(20)
class AbuseTest {

  @Test
  @DisplayName(
      "a flood: the burst passes, one ERR RATE_LIMITED for many refused lines, then KICKED; "
          + "the others see LEAVE flooding")
  void floodIsRefusedThenDisconnected() throws Exception {
    try (ServerFixture server = ServerFixture.start("--rate-limit", "1", "--burst", "5");
        ChatClient alice = server.user("alice");
        ChatClient mallory = server.user("mallory")) { // "/name mallory" is its first line
      alice.expect("JOIN " + TS + " mallory \\*");
      StringBuilder flood = new StringBuilder();
      for (int i = 0; i < 20; i++) {
        flood.append("spam ").append(i).append('\n');
      }
      mallory.sendRaw(flood.toString().getBytes(StandardCharsets.UTF_8));

      for (int i = 0; i < 4; i++) {
        mallory.expect("MSG " + TS + " mallory \\* spam " + i);
        alice.expect("MSG " + TS + " mallory \\* spam " + i);
      }
      mallory.expect("ERR RATE_LIMITED slow down: at most 1 lines a second \\(5 at once\\).*");
      mallory.expect("ERR KICKED flooding: .*"); // five refused lines later, with no second ERR
      assertThat(mallory.isClosedByServer()).isTrue();
      alice.expect("LEAVE " + TS + " mallory \\* flooding");
    }
  }

  @Test
  @DisplayName(
      "heartbeat: after /pong a quiet client gets PING, and without an answer is dropped "
          + "(LEAVE timeout, name free again); a client that never sent /pong is never pinged")
  void heartbeatDropsTheSilent() throws Exception {
    try (ServerFixture server =
            ServerFixture.start("--ping-interval", "0.2", "--ping-timeout", "0.2");
        ChatClient plain = server.user("plain");
        ChatClient silent = server.user("silent")) {
      silent.send("/pong");
      plain.expect("JOIN " + TS + " silent \\*");

      silent.expect("PING \\S+");
      silent.expect("ERR TIMEOUT no answer to PING within 0.2 s");
      assertThat(silent.isClosedByServer()).isTrue();
      // plain has been quiet for longer than a ping interval and timeout too: no PING came first.
      plain.expect("LEAVE " + TS + " silent \\* timeout");
      try (ChatClient again = server.user("silent")) {
        plain.expect("JOIN " + TS + " silent \\*");
      }
    }
  }

  @Test
  @DisplayName("heartbeat: a client that answers each PING with /pong <token> stays")
  void answeringKeepsTheConnection() throws Exception {
    try (ServerFixture server =
            ServerFixture.start("--ping-interval", "0.1", "--ping-timeout", "0.2");
        ChatClient alive = server.user("alive")) {
      alive.send("/pong");
      for (int i = 0; i < 3; i++) {
        String token = alive.expect("PING (\\S+)").group(1);
        alive.send("/pong " + token);
      }

      alive.send("/who");
      alive.skipTo("USERS \\* alive"); // past a fourth PING, perhaps
    }
  }

  @Test
  @DisplayName("ChatConnection opts in after WELCOME and answers PING by itself, unseen")
  void chatConnectionAnswersPings() throws Exception {
    try (ServerFixture server =
            ServerFixture.start("--ping-interval", "0.1", "--ping-timeout", "0.3");
        ChatClient observer = server.user("observer")) {
      BlockingQueue<ServerMessage> received = new LinkedBlockingQueue<>();
      try (ChatConnection auto =
          ChatConnection.open(
              server.host(),
              server.port(),
              Duration.ofSeconds(5),
              new ChatConnection.Listener() {
                @Override
                public void onMessage(ServerMessage message) {
                  received.add(message);
                }

                @Override
                public void onClosed(IOException cause) {}
              })) {
        auto.send("/name auto");
        observer.expect("JOIN " + TS + " auto \\*");
        // A silent heartbeat client that came later is dropped: by then auto was pinged too.
        try (ChatClient silent = server.user("silent")) {
          silent.send("/pong");
          observer.expect("JOIN " + TS + " silent \\*");
          observer.expect("LEAVE " + TS + " silent \\* timeout");
        }
        observer.send("/who");
        observer.expect("USERS \\* auto observer");
        List<ServerMessage> seen = List.copyOf(received);
        assertThat(seen).hasAtLeastOneElementOfType(Welcome.class);
        assertThat(seen)
            .as("PING is answered by the connection, never shown")
            .noneMatch(m -> m instanceof ServerMessage.Ping || m instanceof ServerMessage.Err);
      }
    }
  }

  @Test
  @DisplayName("slowloris: a line trickling in a byte at a time is cut off after --line-timeout")
  void slowLineIsTimedOut() throws Exception {
    try (ServerFixture server = ServerFixture.start("--line-timeout", "0.3");
        ChatClient other = server.user("other");
        ChatClient sloth = server.user("sloth")) {
      other.expect("JOIN " + TS + " sloth \\*");
      Thread trickle =
          Thread.ofVirtual()
              .start(() -> {
                try {
                  OutputStream out = sloth.socket.getOutputStream();
                  while (true) {
                    out.write('z'); // a byte every 50 ms, never a newline
                    out.flush();
                    TimeUnit.MILLISECONDS.sleep(50); // pacing the attack, not waiting for it
                  }
                } catch (IOException | InterruptedException e) {
                  // The server closed the connection: the attack is over.
                }
              });

      sloth.expect("ERR TIMEOUT a line must end within 0.3 s of its first byte");
      other.expect("LEAVE " + TS + " sloth \\* timeout");
      sloth.close();
      trickle.join();
      other.send("/who"); // whole lines, however far apart, are never late
      other.expect("USERS \\* other");
    }
  }

  @Test
  @DisplayName(
      "a connection without a name after --register-timeout gets ERR TIMEOUT and is closed")
  void unregisteredIsTimedOut() throws Exception {
    try (ServerFixture server = ServerFixture.start("--register-timeout", "0.3");
        ChatClient idle = server.client();
        ChatClient named = server.user("named")) {
      idle.expect("ERR TIMEOUT no name chosen within 0.3 s; /name <name>");
      assertThat(idle.isClosedByServer()).isTrue();

      named.send("/who"); // as old as idle, but registered
      named.expect("USERS \\* named");
    }
  }

  @Test
  @DisplayName(
      "per-address cap (loopback included by --limit-loopback): ERR SERVER_FULL before any "
          + "banner, then close; a closed connection makes room")
  void perAddressCap() throws Exception {
    try (ServerFixture server = ServerFixture.start("--max-per-address", "2", "--limit-loopback");
        ChatClient first = server.client();
        ChatClient second = server.client();
        ChatClient third = new ChatClient(server.connect())) {
      third.expect("ERR SERVER_FULL already 2 connections from 127.0.0.1; close one first");
      assertThat(third.isClosedByServer()).isTrue();

      first.close();
      try (ChatClient later = retryUntilAdmitted(server)) {
        later.send("/name later");
        later.expect("WELCOME later");
      }
    }
  }

  @Test
  @DisplayName(
      "total cap: the connection over --max-clients is refused; loopback is not capped per address by default")
  void totalCap() throws Exception {
    try (ServerFixture server =
            ServerFixture.start("--max-clients", "2", "--max-per-address", "1");
        ChatClient first = server.client();
        ChatClient second = server.client(); // from the same address, over its cap of 1: exempt
        ChatClient third = new ChatClient(server.connect())) {
      third.expect("ERR SERVER_FULL the server has its maximum of 2 connections; try again later");
      assertThat(third.isClosedByServer()).isTrue();
    }
  }

  /** Connects until the server has seen a closed connection go and lets a new one in. */
  private static ChatClient retryUntilAdmitted(ServerFixture server) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      ChatClient client = new ChatClient(server.connect());
      String line = client.next();
      if (line.startsWith("INFO ")) {
        return client;
      }
      assertThat(line).startsWith("ERR SERVER_FULL");
      client.close();
      assertThat(System.nanoTime()).as("admitted within 5 s").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
