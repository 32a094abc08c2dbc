package edu.sockets.chat;

import static edu.sockets.chat.ChatClient.TS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The admin console, typed on the server's standard input while clients are connected. */
@DisplayName("AdminConsole: the server's standard input")
@Timeout(20)
class AdminConsoleTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  @DisplayName("list shows each user with ip:port, rooms and since when; / and : prefixes work")
  void listShowsUsers() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        ChatClient alice = server.user("alice");
        ChatClient bob = server.user("bob")) {
      bob.send("/join #java");
      bob.expect("JOIN " + TS + " bob #java");

      server.console("/list");
      server.run().out.awaitLine(Pattern.compile("^2 users online$"), WAIT);
      server
          .run()
          .out
          .awaitLine(
              Pattern.compile(
                  "^  bob +127\\.0\\.0\\.1:" + bob.socket.getLocalPort() + " +#java +since .+"),
              WAIT);
      server.console(":list");
      server.console("list");
      server
          .run()
          .out
          .awaitLine(Pattern.compile("^  alice +127\\.0\\.0\\.1:\\d+ +- +since .+"), WAIT);
    }
  }

  @Test
  @DisplayName("kick: ERR KICKED <reason>, then the connection closes; the others see LEAVE kicked")
  void kickDisconnectsWithAReason() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        ChatClient alice = server.user("alice");
        ChatClient bob = server.user("bob")) {
      alice.expect("JOIN " + TS + " bob \\*");

      server.console("kick bob flooding the room");

      bob.expect("ERR KICKED flooding the room");
      assertThat(bob.isClosedByServer()).isTrue();
      alice.expect("LEAVE " + TS + " bob \\* kicked");
      server
          .run()
          .out
          .awaitLine(Pattern.compile("127\\.0\\.0\\.1:\\d+ bob kicked: flooding the room$"), WAIT);
      server.console("kick nobody");
      server.run().out.awaitLine(Pattern.compile("^No user is called nobody$"), WAIT);
    }
  }

  @Test
  @DisplayName("rename sends NICK to everyone; say sends MSG from server to *")
  void renameAndSay() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        ChatClient alice = server.user("alice")) {
      server.console("rename alice ally");
      alice.expect("NICK " + TS + " alice ally");
      server.console("say The server restarts at noon.");
      alice.expect("MSG " + TS + " server \\* The server restarts at noon\\.");
      server.console("rename ally server");
      server.run().out.awaitLine(Pattern.compile("^Cannot: server is reserved$"), WAIT);
      server.console("frobnicate");
      server.run().out.awaitLine(Pattern.compile("^Unknown admin command: frobnicate"), WAIT);
    }
  }

  @Test
  @DisplayName("shutdown: everyone gets INFO and BYE, connections close, the server exits 0")
  void shutdownSaysGoodbyeAndExitsZero() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        ChatClient alice = server.user("alice");
        ChatClient guest = server.client()) {
      server.console("shutdown");

      for (ChatClient client : new ChatClient[] {alice, guest}) {
        client.expect("INFO .+");
        client.expect("BYE");
        assertThat(client.isClosedByServer()).isTrue();
      }
      assertThat(server.run().awaitExit(WAIT)).isZero();
    }
  }
}
