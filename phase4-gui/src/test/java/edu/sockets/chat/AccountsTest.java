package edu.sockets.chat;

import static edu.sockets.chat.ChatClient.TS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sockets.chat.accounts.LoginThrottle;
import edu.sockets.chat.app.ServerOptions;
import edu.sockets.chat.client.ChatSession;
import edu.sockets.chat.client.Credentials;
import edu.sockets.chat.client.ReconnectPolicy;
import edu.sockets.chat.client.SignIn;
import edu.sockets.chat.client.SignInException;
import edu.sockets.chat.client.Status;
import edu.sockets.chat.client.Status.State;
import edu.sockets.chat.client.Transport;
import edu.sockets.chat.limits.Limits;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.server.ChatServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts, offline delivery and history over real sockets, against this phase's own server in the
 * test JVM with a temporary data folder: the tests restart it and read its log.
 */
@DisplayName("Accounts, offline delivery and history, end to end")
@Timeout(30)
class AccountsTest {

  /** Fails fast: three failures lock a name; the waits are a few milliseconds. */
  private static final LoginThrottle.Policy QUICK_LOCK =
      new LoginThrottle.Policy(
          3,
          50,
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMillis(1),
          Duration.ofMillis(5));

  @TempDir Path data;

  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final List<ChatClient> clients = new ArrayList<>();
  private ChatServer server;

  @BeforeEach
  void start() throws IOException {
    server = startServer(0, 1_000);
  }

  private ChatServer startServer(int port, int iterations) throws IOException {
    ServerOptions options =
        new ServerOptions(data, 5, iterations, QUICK_LOCK, null, Limits.DEFAULTS);
    ChatServer started = options.open("127.0.0.1", port, log::add);
    started.serveInBackground("accounts test server");
    return started;
  }

  @AfterEach
  void stop() throws Exception {
    for (ChatClient client : clients) {
      client.close();
    }
    if (server != null) {
      server.shutdown();
      server.awaitStopped(Duration.ofSeconds(10));
    }
  }

  private ChatClient connect() throws IOException {
    ChatClient client = new ChatClient(new Socket("127.0.0.1", server.port()));
    client.socket.setSoTimeout(5_000);
    clients.add(client);
    client.expect("INFO .*");
    return client;
  }

  private ChatClient guest(String name) throws IOException {
    ChatClient client = connect();
    client.send("/name " + name);
    client.expect("WELCOME " + name);
    return client;
  }

  private ChatClient register(String name, String password) throws IOException {
    ChatClient client = connect();
    client.send("/register " + name + " " + password);
    client.expect("WELCOME " + name);
    return client;
  }

  @Test
  @DisplayName("/register signs in, and the name is protected: /name of it is refused")
  void registeringProtectsTheName() throws IOException {
    register("alice", "correct horse");
    ChatClient bob = connect();
    bob.send("/name ALICE");
    bob.expect("ERR NAME_PROTECTED ALICE belongs to an account; sign in with /login .*");
    bob.send("/register Alice another password");
    bob.expect("ERR NAME_TAKEN .*");
    bob.send("/register bob short");
    bob.expect("ERR PASSWORD_INVALID a password is 8 to 128 characters.*");
  }

  @Test
  @DisplayName("a wrong password and an unknown name get the same ERR AUTH_FAILED")
  void wrongPasswordAndUnknownNameLookAlike() throws IOException {
    register("alice", "correct horse").send("/exit");
    ChatClient mallory = connect();
    mallory.send("/login alice wrong horse");
    String wrong = mallory.next();
    mallory.send("/login nobody12 wrong horse");
    String unknown = mallory.next();
    assertThat(wrong).isEqualTo(unknown).isEqualTo("ERR AUTH_FAILED wrong name or password");
    mallory.send("/login ALICE correct horse");
    mallory.expect("WELCOME alice"); // the account's spelling, whatever case was typed
  }

  @Test
  @DisplayName("repeated failures lock the name: ERR AUTH_LOCKED, even with the right password")
  void repeatedFailuresLockTheName() throws IOException {
    register("alice", "correct horse").send("/exit");
    ChatClient mallory = connect();
    for (int i = 0; i < 3; i++) {
      mallory.send("/login alice guess number " + i);
      mallory.expect("ERR AUTH_FAILED .*");
    }
    mallory.send("/login alice correct horse");
    mallory.expect("ERR AUTH_LOCKED too many failed sign-ins; try again in 60 seconds");
    ChatClient owner = connect(); // another connection: the lock is the name's
    owner.send("/login alice correct horse");
    owner.expect("ERR AUTH_LOCKED .*");
  }

  @Test
  @DisplayName("a guest protects its own name with /register, or takes another one (NICK)")
  void guestsRegisterTheirNameOrANewOne() throws IOException {
    ChatClient carol = guest("carol");
    ChatClient dave = guest("dave");
    carol.skipTo("JOIN " + TS + " dave \\*");
    carol.send("/register carol password1");
    carol.expect("INFO The name carol is now yours: sign in with /login carol next time\\.");
    dave.send("/register david password1");
    dave.expect("NICK " + TS + " dave david");
    carol.expect("NICK " + TS + " dave david");
    carol.send("/login carol password1");
    carol.expect("ERR NAME_UNCHANGED you are signed in as carol");
  }

  @Test
  @DisplayName("a login while the account is online elsewhere takes over; the old one is closed")
  void aSecondLoginTakesOver() throws IOException {
    ChatClient first = register("alice", "correct horse");
    ChatClient bob = guest("bob");
    first.skipTo("JOIN " + TS + " bob \\*");
    ChatClient second = connect();
    second.send("/login alice correct horse");
    first.expect("ERR KICKED signed in from another connection");
    assertThat(first.isClosedByServer()).isTrue();
    bob.expect("LEAVE " + TS + " alice \\* replaced");
    bob.expect("JOIN " + TS + " alice \\*");
    second.expect("WELCOME alice");
  }

  @Test
  @DisplayName("/pm to an offline account: echo and QUEUED; at sign-in OFFLINE, original time")
  void privateMessagesWaitForOfflineAccounts() throws IOException {
    register("alice", "correct horse").send("/exit");
    ChatClient bob = guest("bob");
    bob.send("/pm alice are you there?");
    Matcher echo = bob.expect("MSG (" + TS + ") bob alice are you there\\?");
    bob.expect("QUEUED " + echo.group(1) + " alice");
    bob.send("/pm alice second one");
    bob.expect("MSG " + TS + " bob alice second one");
    bob.expect("QUEUED " + TS + " alice");

    ChatClient alice = connect();
    alice.send("/login alice correct horse");
    alice.expect("WELCOME alice");
    alice.expect("OFFLINE " + echo.group(1) + " bob alice are you there\\?");
    alice.expect("OFFLINE " + TS + " bob alice second one");
    alice.send("/who");
    alice.expect("USERS \\* alice bob"); // nothing else came before: each was delivered once
  }

  @Test
  @DisplayName("guests get no queue; a full queue refuses with ERR QUEUE_FULL and stores nothing")
  void guestsHaveNoQueueAndQueuesAreBounded() throws IOException {
    guest("carol").send("/exit");
    ChatClient bob = guest("bob");
    bob.send("/pm carol hello");
    bob.expect("ERR NO_SUCH_USER no user is called carol");
    register("alice", "correct horse").send("/exit");
    bob.skipTo("LEAVE " + TS + " alice \\* quit");
    for (int i = 0; i < 100; i++) {
      bob.send("/pm alice message " + i);
    }
    for (int i = 0; i < 100; i++) {
      bob.expect("MSG " + TS + " bob alice message " + i);
      bob.expect("QUEUED " + TS + " alice");
    }
    bob.send("/pm alice one too many");
    bob.expect("ERR QUEUE_FULL alice has 100 messages waiting already; nothing was stored");
  }

  @Test
  @DisplayName("an arrival gets the last N public messages, and a room's on joining, as HISTORY")
  void arrivalsGetHistory() throws IOException {
    ChatClient bob = guest("bob");
    for (int i = 1; i <= 7; i++) {
      bob.send("public " + i);
    }
    bob.send("/join #java");
    bob.send("/msg #java in the room");
    bob.skipTo("MSG " + TS + " bob #java in the room");

    ChatClient carol = guest("carol");
    for (int i = 3; i <= 7; i++) { // the server keeps 5
      carol.expect("HISTORY " + TS + " bob \\* public " + i);
    }
    carol.send("/join #Java");
    carol.expect("JOIN " + TS + " carol #java");
    carol.expect("HISTORY " + TS + " bob #java in the room");
    carol.send("after");
    carol.expect("MSG " + TS + " carol \\* after"); // history is not sent twice
  }

  @Test
  @DisplayName("after a restart: the account, its queued messages and the history are all there")
  void everythingSurvivesARestart() throws Exception {
    register("alice", "correct horse").send("/exit");
    ChatClient bob = guest("bob");
    bob.send("before the restart");
    bob.send("/pm alice kept on disk");
    bob.skipTo("QUEUED " + TS + " alice");
    for (ChatClient client : clients) {
      client.close(); // else the shutdown waits for each to take its BYE and close
    }
    server.shutdown();
    server.awaitStopped(Duration.ofSeconds(10));

    server = startServer(0, 1_000);
    assertThat(log).anyMatch(line -> line.matches("Data: .*chat\\.db \\(1 account; .*"));
    ChatClient alice = connect();
    alice.send("/login alice correct horse");
    alice.expect("WELCOME alice");
    alice.expect("HISTORY " + TS + " bob \\* before the restart");
    alice.expect("OFFLINE " + TS + " bob alice kept on disk");
  }

  @Test
  @DisplayName("the server log never shows a password, right or wrong")
  void theLogHoldsNoPassword() throws IOException {
    ChatClient alice = register("alice", "secret-one-23");
    alice.send("/exit");
    ChatClient again = connect();
    again.send("/login alice secret-two-45");
    again.expect("ERR AUTH_FAILED .*");
    again.send("/login alice secret-one-23");
    again.expect("WELCOME alice");
    again.send("/register bob2 secret-three");
    again.expect("NICK .*");
    assertThat(log)
        .anyMatch(line -> line.contains("created the account alice"))
        .anyMatch(line -> line.contains("failed to sign in as alice"))
        .anyMatch(line -> line.contains("signed in to alice"))
        .noneMatch(line -> line.contains("secret"));
  }

  @Test
  @DisplayName("while one password is hashed, the chat goes on for everyone else")
  void hashingDoesNotStallTheChat() throws Exception {
    server.shutdown();
    server.awaitStopped(Duration.ofSeconds(10));
    server = startServer(0, 2_000_000); // about a second per hash on a laptop
    ChatClient slow = connect();
    ChatClient bob = guest("bob");
    slow.send("/login nobody12 some password");
    bob.send("still here");
    bob.expect("MSG " + TS + " bob \\* still here");
    for (int i = 0;
        i < 3;
        i++) { // more round trips: a stalled chat would have answered slow by now
      bob.send("/who");
      bob.expect("USERS \\* bob");
    }
    assertThat(slow.socket.getInputStream().available())
        .as("the login is still being checked while bob chats")
        .isZero();
    slow.expect("ERR AUTH_FAILED wrong name or password");
  }

  @Test
  @DisplayName("a ChatSession signs in to its account again after the server restarts")
  void aSessionLogsInAgainAfterARestart() throws Exception {
    int port = server.port();
    BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    ChatSession.Listener recorder =
        new ChatSession.Listener() {
          @Override
          public void onMessage(ServerMessage message) {
            events.add(message);
          }

          @Override
          public void onStatus(Status status) {
            events.add(status.state());
          }
        };
    ChatSession session =
        ChatSession.signIn(
                new SignIn(
                    "127.0.0.1",
                    port,
                    new Credentials("alice", "correct horse", true),
                    Transport.TCP,
                    new ReconnectPolicy(Duration.ofMillis(100), 2, Duration.ofSeconds(1), 0)),
                recorder)
            .get(10, TimeUnit.SECONDS);
    server.shutdown();
    server.awaitStopped(Duration.ofSeconds(10));
    awaitEvent(events, State.WAITING);
    server = startServer(port, 1_000);
    awaitEvent(events, State.ONLINE);
    assertThat(log)
        .anyMatch(
            line -> line.endsWith("signed in to alice") || line.contains("signed in to alice ("));
    session.close();
  }

  @Test
  @DisplayName("a ChatSession with a wrong password fails its first sign-in, saying why")
  void aSessionWithAWrongPasswordFails() throws Exception {
    register("alice", "correct horse").send("/exit");
    CompletableFuture<ChatSession> signIn =
        ChatSession.signIn(
            new SignIn(
                "127.0.0.1",
                server.port(),
                new Credentials("alice", "wrong horse", false),
                Transport.TCP,
                ReconnectPolicy.DEFAULT),
            new ChatSession.Listener() {
              @Override
              public void onMessage(ServerMessage message) {}

              @Override
              public void onStatus(Status status) {}
            });
    assertThatThrownBy(() -> signIn.get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOfSatisfying(
            SignInException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(SignInException.Failure.PASSWORD);
              assertThat(e.getMessage()).contains("wrong name or password");
            });
  }

  private static void awaitEvent(BlockingQueue<Object> events, Object wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      Object event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      assertThat(event).as("waiting for " + wanted).isNotNull();
      if (event.equals(wanted)) {
        return;
      }
    }
  }
}
