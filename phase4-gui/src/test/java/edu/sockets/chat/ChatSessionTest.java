package edu.sockets.chat;

import static edu.sockets.chat.ChatClient.TS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import edu.sockets.chat.client.ChatSession;
import edu.sockets.chat.client.Credentials;
import edu.sockets.chat.client.ReconnectPolicy;
import edu.sockets.chat.client.SignIn;
import edu.sockets.chat.client.SignInException;
import edu.sockets.chat.client.SignInException.Failure;
import edu.sockets.chat.client.Status;
import edu.sockets.chat.client.Status.State;
import edu.sockets.chat.client.Transport;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Msg;
import edu.sockets.chat.protocol.ServerMessage.Users;
import edu.sockets.chat.protocol.ServerMessage.Welcome;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The session behind the Swing client, without Swing: signing in as one asynchronous step, plain
 * words for each failure, and reconnecting (same name, same rooms) after the server restarts.
 */
@DisplayName("ChatSession: sign-in, failures in plain words, reconnecting with backoff")
@Timeout(30)
class ChatSessionTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ReconnectPolicy QUICK =
      new ReconnectPolicy(Duration.ofMillis(100), 2, Duration.ofSeconds(1), 0);

  /** What the session reported, in order, from its thread. */
  private static final class Recorder implements ChatSession.Listener {
    final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

    @Override
    public void onMessage(ServerMessage message) {
      events.add(message);
    }

    @Override
    public void onStatus(Status status) {
      events.add(status);
    }

    @Override
    public void onNotSent(String line) {
      events.add("not sent: " + line);
    }

    /** Skips events until one matches; fails after the wait. */
    @SuppressWarnings("unchecked")
    <T> T await(Class<T> type, Predicate<T> wanted) throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (true) {
        Object event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (event == null) {
          return fail("no matching " + type.getSimpleName() + " within " + WAIT);
        }
        if (type.isInstance(event) && wanted.test((T) event)) {
          return (T) event;
        }
      }
    }

    Status awaitState(State state) throws InterruptedException {
      return await(Status.class, s -> s.state() == state);
    }
  }

  private static ChatSession signIn(int port, String name, ReconnectPolicy policy, Recorder r)
      throws Exception {
    SignIn signIn = new SignIn("127.0.0.1", port, Credentials.guest(name), Transport.TCP, policy);
    return ChatSession.signIn(signIn, r).get(10, TimeUnit.SECONDS);
  }

  private static Throwable signInFailure(int port, String name) throws Exception {
    try {
      signIn(port, name, QUICK, new Recorder());
      return fail("signed in as " + name);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  @DisplayName("signs in, fetches who is online, and relays messages both ways")
  void signsInAndRelays() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        ChatClient bob = server.user("bob")) {
      Recorder alice = new Recorder();
      ChatSession session = signIn(server.port(), "alice", QUICK, alice);

      assertThat(session.state()).isEqualTo(State.ONLINE);
      // The banner's "Choose a name with /name" is for people who type; the session chose it.
      assertThat(alice.await(ServerMessage.class, m -> true))
          .as("the first message passed on")
          .isEqualTo(new Welcome("alice"));
      alice.await(Users.class, u -> u.names().equals(java.util.List.of("alice", "bob")));
      bob.expect("JOIN " + TS + " alice \\*");

      session.send("hello bob");
      bob.expect("MSG " + TS + " alice \\* hello bob");
      bob.send("hello alice");
      alice.await(Msg.class, m -> m.text().equals("hello alice"));

      session.close();
      bob.skipTo("LEAVE " + TS + " alice \\* quit");
      alice.awaitState(State.CLOSED);
    }
  }

  @Test
  @DisplayName("first sign-in: a taken name, an invalid one, no server: each said in plain words")
  void firstSignInFailuresAreExplained() throws Exception {
    try (ServerFixture server = ServerFixture.start();
        ChatClient bob = server.user("bob")) {
      assertThat(signInFailure(server.port(), "BOB"))
          .isInstanceOf(SignInException.class)
          .hasMessage("The name BOB is taken. Choose another one.")
          .extracting(e -> ((SignInException) e).failure())
          .isEqualTo(Failure.NAME_TAKEN);
      assertThat(signInFailure(server.port(), "Server"))
          .hasMessageStartingWith("The server refused the name Server")
          .extracting(e -> ((SignInException) e).failure())
          .isEqualTo(Failure.NAME_INVALID);
    }
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    assertThat(signInFailure(port, "alice"))
        .hasMessage(
            "Cannot connect to 127.0.0.1:%d (Connection refused). Is the server running?", port)
        .extracting(e -> ((SignInException) e).failure())
        .isEqualTo(Failure.UNREACHABLE);
  }

  @Test
  @DisplayName("a server that is full: the first sign-in fails, saying what the server said")
  void aFullServerIsExplained() throws Exception {
    try (ServerFixture server = ServerFixture.start("--max-clients", "1");
        ChatClient holder = server.client()) {
      assertThat(signInFailure(server.port(), "alice"))
          .hasMessage(
              "The server at 127.0.0.1:%d closed the connection (the server has its maximum of 1"
                  + " connections; try again later) before you signed in.",
              server.port())
          .extracting(e -> ((SignInException) e).failure())
          .isEqualTo(Failure.UNREACHABLE);
    }
  }

  @Test
  @DisplayName("after a server restart: reconnects, registers the same name, rejoins its rooms")
  void reconnectsAfterARestart() throws Exception {
    try (LocalServer server = LocalServer.start()) {
      Recorder alice = new Recorder();
      ChatSession session = signIn(server.port(), "alice", QUICK, alice);
      session.send("/join #java");
      alice.await(ServerMessage.Join.class, j -> j.where().equals("#java"));

      server.stop();
      Status lost = alice.awaitState(State.WAITING);
      assertThat(lost.text()).isEqualTo("Connection lost (the server is shutting down)");
      assertThat(lost.attempt()).isEqualTo(1);
      session.send("into the void");
      alice.await(String.class, s -> s.equals("not sent: into the void"));

      server.restart();
      alice.awaitState(State.ONLINE);
      alice.await(ServerMessage.Join.class, j -> j.where().equals("#java"));
      try (ChatClient carol = new ChatClient(new java.net.Socket("127.0.0.1", server.port()))) {
        carol.socket.setSoTimeout(5_000);
        carol.expect("INFO .*");
        carol.send("/name carol");
        carol.expect("WELCOME carol");
        carol.send("/who #java");
        carol.expect("USERS #java alice");
      }
      session.close();
    }
  }

  @Test
  @DisplayName("Reconnect now skips the wait; a refused attempt waits longer the next time")
  void reconnectNowSkipsTheWait() throws Exception {
    ReconnectPolicy slow = new ReconnectPolicy(Duration.ofMinutes(1), 2, Duration.ofMinutes(5), 0);
    try (LocalServer server = LocalServer.start()) {
      Recorder alice = new Recorder();
      ChatSession session = signIn(server.port(), "alice", slow, alice);
      server.stop();
      assertThat(alice.awaitState(State.WAITING).retryIn()).isEqualTo(Duration.ofMinutes(1));

      session.reconnectNow(); // the server is still down: refused, and a longer wait
      Status refused = alice.awaitState(State.WAITING);
      assertThat(refused.text()).startsWith("No connection (Connection refused");
      assertThat(refused.retryIn()).isEqualTo(Duration.ofMinutes(2));

      server.restart();
      session.reconnectNow();
      alice.awaitState(State.ONLINE);
      session.close();
    }
  }

  @Test
  @DisplayName("kicked by the administrator: closed, with the reason, and no reconnecting")
  void kickedIsFinal() throws Exception {
    try (LocalServer server = LocalServer.start()) {
      Recorder alice = new Recorder();
      ChatSession session = signIn(server.port(), "alice", QUICK, alice);

      server.kick("alice", "be nice");

      assertThat(alice.awaitState(State.CLOSED).text())
          .isEqualTo("You were removed from the chat: be nice");
      assertThat(session.state()).isEqualTo(State.CLOSED);
      session.reconnectNow(); // ignored: the session is over
      assertThat(session.state()).isEqualTo(State.CLOSED);
    }
  }
}
