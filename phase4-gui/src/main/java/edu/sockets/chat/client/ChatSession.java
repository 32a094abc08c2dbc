package edu.sockets.chat.client;

import edu.sockets.chat.client.SignInErrors.Fail;
import edu.sockets.chat.client.SignInException.Failure;
import edu.sockets.chat.client.Status.State;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Err;
import edu.sockets.chat.protocol.ServerMessage.Welcome;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A signed-in chat session that survives a dropped connection: it connects and signs in as one
 * asynchronous step, and when the connection ends without the user asking, it reconnects with
 * backoff, signs in again under the same name and rejoins the user's rooms.
 *
 * <p>Everything it does happens on one thread of its own, the {@link SessionThread}, so its state
 * needs no lock, and a caller (the Swing event thread) never waits for the network: every public
 * method returns at once. The {@link Listener} is called on the session thread.
 *
 * <pre>
 * Connecting --connected--> SigningIn --WELCOME--> Online --close()--> Leaving --> Closed
 *     ^                         |                    |
 *     |           refused after a drop        the connection ends
 *     +--backoff or "now"-- Waiting <----------------+
 * The first sign-in fails: the future fails, Closed. Kicked, or a lasting problem: Closed.
 * </pre>
 */
public final class ChatSession {

  /** What the session reports, on the session thread. */
  public interface Listener {
    /** A message from the server, from {@code WELCOME} on. */
    void onMessage(ServerMessage message);

    void onStatus(Status status);

    /** A line the user typed could not be sent: the connection was down. */
    default void onNotSent(String line) {}
  }

  /** How long connecting (and a TLS handshake) may take. */
  private static final Duration CONNECT_TIME = Duration.ofSeconds(5);

  /** After {@code /exit}, how long to wait for the server's BYE before closing anyway. */
  private static final Duration GOODBYE_TIME = Duration.ofSeconds(2);

  private final SignIn signIn;
  private final Listener listener;
  private final SessionThread thread;

  /** Completes at the first WELCOME, or fails; from then on the session reconnects by itself. */
  private final CompletableFuture<ChatSession> signedIn = new CompletableFuture<>();

  // Only the session thread changes these (phase is read from other threads too).
  private volatile Phase phase = new Phase.Connecting();
  private final SessionMemory memory; // the name and the rooms, for a reconnect
  private int attempt; // attempts since the last WELCOME
  private Ending announced; // the end the server announced on this connection, if any

  private ChatSession(SignIn signIn, Listener listener) {
    this.signIn = signIn;
    this.listener = listener;
    this.memory = new SessionMemory(signIn.credentials());
    this.thread = new SessionThread("chat session " + signIn.server());
  }

  /**
   * Connects and signs in, on the session thread. The future completes when the server has welcomed
   * the user, or fails with a {@link SignInException}. Once signed in, the session reconnects by
   * itself, signing in to an account again with the same password; over TLS, a server the user
   * trusted the first time is known, and nothing is asked again.
   */
  public static CompletableFuture<ChatSession> signIn(SignIn signIn, Listener listener) {
    ChatSession session = new ChatSession(signIn, listener);
    session.thread.execute(session::connect);
    return session.signedIn;
  }

  public State state() {
    return phase.state();
  }

  /** The server as the user named it, {@code host:port}. */
  public String server() {
    return signIn.server();
  }

  /** True if the session speaks TLS: what is sent cannot be read or changed on the way. */
  public boolean isSecure() {
    return signIn.transport().isSecure();
  }

  /** Sends a line typed by the user; {@link Listener#onNotSent} if the connection is down. */
  public void send(String line) {
    thread.execute(() -> {
      if (!(phase instanceof Phase.Online) || !write(line)) {
        listener.onNotSent(line);
      }
    });
  }

  /** While waiting to reconnect: tries at once (the "Reconnect now" button). */
  public void reconnectNow() {
    thread.execute(() -> {
      if (phase instanceof Phase.Waiting waiting) {
        waiting.next().cancel(false);
        connect();
      }
    });
  }

  /** Leaves: {@code /exit}, a moment for the server's BYE, then closes. Returns at once. */
  public void close() {
    thread.execute(() -> {
      if (phase instanceof Phase.Online online && write("/exit")) {
        phase = new Phase.Leaving(online.connection());
        // The server answers BYE and closes; closed() then ends the session. If it does not:
        thread.schedule(this::stop, GOODBYE_TIME);
      } else {
        stop();
      }
    });
  }

  // ---- On the session thread from here on. ----

  private void connect() {
    phase = new Phase.Connecting();
    announced = null;
    status("Connecting to " + server() + " as " + memory.name() + "...");
    ChatConnection.Listener relay = thread.relay(this::received, this::closed);
    try {
      phase =
          new Phase.SigningIn(
              ChatConnection.open(
                  signIn.host(), signIn.port(), CONNECT_TIME, signIn.transport(), relay));
    } catch (IOException e) {
      notConnected(e);
      return;
    }
    // If this fails, the server closed at once (a full server says why first, then closes): the
    // reader thread has seen it too, and closed() decides, on this thread, right after this.
    write(memory.signInLine(firstTime()));
  }

  private void notConnected(IOException e) {
    if (firstTime()) {
      failSignIn(
          new Fail(Failure.UNREACHABLE, ChatConnection.explain(signIn.host(), signIn.port(), e)));
    } else if (e instanceof ConnectProblem problem && problem.isLasting()) {
      finish(e.getMessage()); // the certificate changed, say: retrying cannot help
    } else {
      retryLater("No connection (" + e.getMessage() + ")");
    }
  }

  private void received(ServerMessage message) {
    switch (phase) {
      case Phase.SigningIn signingIn -> signingIn(signingIn.connection(), message);
      case Phase.Online online -> follow(message);
      case Phase.Leaving leaving -> follow(message);
      default -> {} // not connected: nothing can arrive
    }
  }

  /**
   * Before WELCOME: the answer to the sign-in line. The banner is not passed on: it tells people
   * who type to choose a name with {@code /name}, and this client has done it for them.
   */
  private void signingIn(ChatConnection connection, ServerMessage message) {
    switch (message) {
      case Welcome welcome -> online(connection, welcome);
      case Err e -> refused(e);
      default -> expectEnd(message); // BYE: the server is shutting down
    }
  }

  private void online(ChatConnection connection, Welcome welcome) {
    phase = new Phase.Online(connection);
    attempt = 0;
    listener.onMessage(welcome);
    memory.welcomed(welcome.name()).forEach(this::write); // /who, and /join the rooms again
    status(
        "Online as " + memory.name() + " at " + server() + (isSecure() ? " (TLS, encrypted)" : ""));
    signedIn.complete(this);
  }

  private void refused(Err e) {
    switch (SignInErrors.verdict(e, firstTime(), memory.name(), server())) {
      case Fail fail -> failSignIn(fail);
      case SignInErrors.TryAgain again -> {
        abandon();
        retryLater(again.why());
      }
      case null -> expectEnd(e); // SERVER_FULL, TIMEOUT: the server closes next
    }
  }

  /** Online: keeps what a reconnect needs, and passes the message on. */
  private void follow(ServerMessage message) {
    memory.follow(message);
    expectEnd(message);
    listener.onMessage(message);
  }

  /** Keeps the first end the server announces on this connection: closed() words it. */
  private void expectEnd(ServerMessage message) {
    if (announced == null) {
      announced = Ending.announcedBy(message);
    }
  }

  private void closed(IOException cause) {
    switch (announced != null ? announced : new Ending.Lost(cause)) {
      case Ending ending when phase instanceof Phase.Leaving -> finish("You left the chat.");
      case Ending ending when firstTime() ->
          failSignIn(SignInErrors.closedBefore(ending, server()));
      case Ending.Kicked kicked -> finish("You were removed from the chat: " + kicked.reason());
      case Ending ending -> retryLater("Connection lost (" + ending.why() + ")");
    }
  }

  private void retryLater(String why) {
    attempt++;
    Duration wait = signIn.policy().delay(attempt, Math::random);
    phase = new Phase.Waiting(thread.schedule(this::connect, wait));
    listener.onStatus(new Status(State.WAITING, memory.name(), server(), why, wait, attempt));
  }

  private void failSignIn(Fail fail) {
    stop();
    signedIn.completeExceptionally(new SignInException(fail.failure(), fail.message()));
  }

  /** Ends the session for good, saying why. */
  private void finish(String why) {
    stop();
    status(why);
  }

  private void status(String text) {
    listener.onStatus(
        new Status(phase.state(), memory.name(), server(), text, Duration.ZERO, attempt));
  }

  /** Whether the session has never been online: it is signing in for the first time. */
  private boolean firstTime() {
    return !signedIn.isDone();
  }

  private boolean write(String line) {
    if (!(phase instanceof Phase.Connected connected)) {
      return false;
    }
    try {
      connected.connection().send(line);
      return true;
    } catch (IOException e) {
      return false; // the connection is gone; its reader reports that, and we reconnect
    }
  }

  /** Closes the connection, if any; its end is not news, since we are the ones ending it. */
  private void abandon() {
    thread.forget();
    if (phase instanceof Phase.Connected connected) {
      try {
        connected.connection().close();
      } catch (IOException e) {
        // Closing anyway.
      }
    }
  }

  private void stop() {
    abandon();
    phase = new Phase.Closed();
    thread.stop();
  }
}
