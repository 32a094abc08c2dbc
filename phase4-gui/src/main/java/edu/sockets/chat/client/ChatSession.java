package edu.sockets.chat.client;

import edu.sockets.chat.protocol.ErrorCode;
import edu.sockets.chat.protocol.Names;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Bye;
import edu.sockets.chat.protocol.ServerMessage.Err;
import edu.sockets.chat.protocol.ServerMessage.Info;
import edu.sockets.chat.protocol.ServerMessage.Join;
import edu.sockets.chat.protocol.ServerMessage.Leave;
import edu.sockets.chat.protocol.ServerMessage.Nick;
import edu.sockets.chat.protocol.ServerMessage.Welcome;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * A signed-in chat session that survives a dropped connection: it connects and registers as one
 * asynchronous step, and when the connection ends without the user asking, it reconnects with
 * backoff, registers the same name again and rejoins the user's rooms.
 *
 * <p>Everything it does happens on one thread of its own, the session thread: connecting (which can
 * take seconds), sending, scheduling the next attempt, and handling what the connection's reader
 * thread hands over. One thread means its state needs no lock, and a caller (the Swing event
 * thread) never waits for the network: every public method returns at once. The {@link Listener} is
 * called on the session thread.
 *
 * <pre>
 * CONNECTING --WELCOME--> ONLINE --connection ends--> WAITING --backoff or "now"--> CONNECTING
 *     |  (a refused connection or a taken name after a drop: WAITING again)
 *     +-- first sign-in fails: the future fails, nothing retries
 * ONLINE --/exit, or kicked--> CLOSED
 * </pre>
 */
public final class ChatSession {

  /** Where the session is. */
  public enum State {
    /** Connecting and registering. */
    CONNECTING,
    /** Registered: messages flow. */
    ONLINE,
    /** The connection was lost; the next attempt is scheduled. */
    WAITING,
    /** Over: the user left, or was removed by the administrator. */
    CLOSED
  }

  /**
   * What a status bar shows.
   *
   * @param text one line for people: why the connection was lost, or where we are connected
   * @param retryIn for {@code WAITING}: the wait before the next attempt; else zero
   * @param attempt for {@code WAITING}: which attempt comes next (1 after a drop)
   */
  public record Status(
      State state, String name, String server, String text, Duration retryIn, int attempt) {}

  /** What the session reports, on the session thread. */
  public interface Listener {
    /** A message from the server (after the first sign-in's banner, the replies to the user). */
    void onMessage(ServerMessage message);

    void onStatus(Status status);

    /** A line the user typed could not be sent: the connection was down. */
    default void onNotSent(String line) {}
  }

  /** Why the first sign-in failed: the connect dialog says so and stays open. */
  public enum Failure {
    UNREACHABLE,
    NAME_TAKEN,
    NAME_INVALID,
    /**
     * The password: wrong, invalid, or too many failures ({@code AUTH_*}, {@code NAME_PROTECTED}).
     */
    PASSWORD
  }

  /** The first sign-in failed; {@link #getMessage()} says why, in plain words. */
  public static final class SignInException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Failure failure;

    SignInException(Failure failure, String message) {
      super(message);
      this.failure = failure;
    }

    public Failure failure() {
      return failure;
    }
  }

  /** After {@code /exit}, how long to wait for the server's BYE before closing anyway. */
  private static final Duration GOODBYE_TIME = Duration.ofSeconds(2);

  private final String host;
  private final int port;
  private final Duration timeout;
  private final ReconnectPolicy policy;
  private final DoubleSupplier random;
  private final Listener listener;
  private final ScheduledExecutorService thread;
  private Transport transport = Transport.TCP; // set before the first connect

  // Only the session thread touches these (state is read from other threads too).
  private volatile State state = State.CONNECTING;
  private String name;
  private Credentials credentials; // the name's password, if it is an account's
  private ChatConnection connection;
  private int generation; // which connection's events count: older ones are ignored
  private boolean registered;
  private CompletableFuture<ChatSession> firstSignIn = new CompletableFuture<>();
  private final Map<String, String> rooms = new LinkedHashMap<>(); // key -> spelling
  private int attempt;
  private ScheduledFuture<?> nextAttempt;
  private boolean leaving;
  private boolean byeReceived;
  private String kickedBecause;
  private String refusedBecause; // an ERR before WELCOME, then the server closed (SERVER_FULL)

  private ChatSession(
      String host,
      int port,
      Credentials credentials,
      Duration timeout,
      ReconnectPolicy policy,
      DoubleSupplier random,
      Listener listener) {
    this.host = host;
    this.port = port;
    this.name = credentials.name();
    this.credentials = credentials;
    this.timeout = timeout;
    this.policy = policy;
    this.random = random;
    this.listener = listener;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(task ->
            Thread.ofPlatform()
                .daemon() // a session must not keep the program alive after its window
                .name("chat session " + host + ":" + port)
                .unstarted(task));
  }

  /**
   * Connects to {@code host:port} and registers {@code name}, on the session thread. The future
   * completes when the server has welcomed the user, or fails with a {@link SignInException}. Once
   * signed in, the session reconnects by itself.
   */
  public static CompletableFuture<ChatSession> signIn(
      String host, int port, String name, Listener listener) {
    return signIn(host, port, name, Duration.ofSeconds(5), ReconnectPolicy.DEFAULT, listener);
  }

  /** As {@link #signIn(String, int, String, Listener)}, with a connect timeout and a policy. */
  public static CompletableFuture<ChatSession> signIn(
      String host,
      int port,
      String name,
      Duration timeout,
      ReconnectPolicy policy,
      Listener listener) {
    return signIn(host, port, Credentials.guest(name), timeout, policy, Transport.TCP, listener);
  }

  /**
   * As {@link #signIn(String, int, String, Duration, ReconnectPolicy, Listener)}, as a guest or to
   * an account, over TLS unless {@code tls} is null. After a drop it signs in to the account again
   * with the same password. A new server is shown to the user by {@code tls}, from the session
   * thread; reconnecting finds it known and asks nothing.
   */
  public static CompletableFuture<ChatSession> signIn(
      String host,
      int port,
      Credentials credentials,
      Duration timeout,
      ReconnectPolicy policy,
      Transport transport,
      Listener listener) {
    ChatSession session =
        new ChatSession(host, port, credentials, timeout, policy, Math::random, listener);
    session.transport = transport;
    CompletableFuture<ChatSession> signedIn = session.firstSignIn;
    session.thread.execute(session::connect);
    return signedIn;
  }

  public State state() {
    return state;
  }

  /** The server as the user named it, {@code host:port}. */
  public String server() {
    return host + ":" + port;
  }

  /** True if the session speaks TLS: what is sent cannot be read or changed on the way. */
  public boolean isSecure() {
    return transport.isSecure();
  }

  /** Sends a line typed by the user; {@link Listener#onNotSent} if the connection is down. */
  public void send(String line) {
    execute(() -> {
      if (state != State.ONLINE || !write(line)) {
        listener.onNotSent(line);
      }
    });
  }

  /** While waiting to reconnect: tries at once (the "Reconnect now" button). */
  public void reconnectNow() {
    execute(() -> {
      if (state == State.WAITING) {
        nextAttempt.cancel(false);
        connect();
      }
    });
  }

  /** Leaves: {@code /exit}, a moment for the server's BYE, then closes. Returns at once. */
  public void close() {
    execute(() -> {
      leaving = true;
      if (state == State.ONLINE && write("/exit")) {
        // The server answers BYE and closes; closed() then ends the session. If it does not:
        thread.schedule(this::stop, GOODBYE_TIME.toMillis(), TimeUnit.MILLISECONDS);
      } else {
        stop();
      }
    });
  }

  // ---- On the session thread from here on. ----

  private void connect() {
    nextAttempt = null;
    registered = false;
    byeReceived = false;
    int current = ++generation;
    status(State.CONNECTING, "Connecting to " + server() + " as " + name + "...");
    try {
      connection = ChatConnection.open(host, port, timeout, transport, new Relay(current));
    } catch (IOException e) {
      connection = null;
      if (e instanceof ConnectProblem p && p.isLasting() && firstSignIn == null) {
        // The certificate changed, or the server no longer speaks TLS: retrying cannot help.
        status(State.CLOSED, e.getMessage());
        stop();
      } else if (firstSignIn != null) {
        failFirstSignIn(Failure.UNREACHABLE, ChatConnection.explain(host, port, e));
      } else {
        retryLater("No connection (" + e.getMessage() + ")");
      }
      return;
    }
    try {
      connection.send(firstSignIn != null ? credentials.firstLine() : credentials.againLine());
    } catch (IOException e) {
      // The server closed the connection at once (a full server says why first, then closes).
      // The reader thread has seen it too: it hands over what the server said and the close, and
      // closed() decides, on this thread, right after this method.
    }
  }

  /** Hands the reader thread's events to the session thread, and drops stale ones. */
  private final class Relay implements ChatConnection.Listener {
    private final int generation;

    Relay(int generation) {
      this.generation = generation;
    }

    @Override
    public void onMessage(ServerMessage message) {
      execute(() -> {
        if (generation == ChatSession.this.generation) {
          received(message);
        }
      });
    }

    @Override
    public void onClosed(IOException cause) {
      execute(() -> {
        if (generation == ChatSession.this.generation) {
          closed(cause);
        }
      });
    }
  }

  private void received(ServerMessage message) {
    if (!registered) {
      registering(message);
      return;
    }
    switch (message) {
      case Join j when isMe(j.name()) && !j.where().equals(Names.EVERYONE) ->
          rooms.put(Names.key(j.where()), j.where());
      case Leave l when isMe(l.name()) -> rooms.remove(Names.key(l.where()));
      case Nick n when isMe(n.oldName()) -> {
        name = n.newName();
        credentials = credentials.renamed(name);
      }
      case Bye b -> byeReceived = true;
      case Err e when e.code().equals(ErrorCode.KICKED.name()) -> kickedBecause = e.text();
      default -> {}
    }
    listener.onMessage(message);
  }

  /** Before WELCOME: the banner, then the answer to {@code /name}. */
  private void registering(ServerMessage message) {
    switch (message) {
      case Welcome w -> {
        registered = true;
        refusedBecause = null; // an ERR before it did not end the connection
        name = w.name();
        credentials = new Credentials(name, credentials.password(), credentials.create());
        attempt = 0;
        listener.onMessage(w);
        write("/who"); // the online list
        rooms.values().forEach(room -> write("/join " + room)); // after a reconnect
        status(
            State.ONLINE,
            "Online as "
                + name
                + " at "
                + server()
                + (transport.isSecure() ? " (TLS, encrypted)" : ""));
        if (firstSignIn != null) {
          firstSignIn.complete(this);
          firstSignIn = null;
        }
      }
      case Err e when isPasswordError(e) && firstSignIn != null ->
          failFirstSignIn(Failure.PASSWORD, "The server refused to sign you in: " + e.text() + ".");
      case Err e when isPasswordError(e) -> {
        abandonConnection();
        retryLater("The server refused to sign you in again: " + e.text());
      }
      case Err e when isNameError(e) -> {
        if (firstSignIn != null) {
          boolean taken = e.code().equals(ErrorCode.NAME_TAKEN.name());
          failFirstSignIn(
              taken ? Failure.NAME_TAKEN : Failure.NAME_INVALID,
              taken
                  ? "The name " + name + " is taken. Choose another one."
                  : "The server refused the name " + name + ": " + e.text());
        } else {
          // After a drop the server may not yet know our old connection is gone, and still
          // holds the name for it: try again later rather than take another name.
          abandonConnection();
          retryLater("The server still gives " + name + " to the old connection");
        }
      }
      case Err e when e.code().equals(ErrorCode.TLS_REQUIRED.name()) && firstSignIn != null ->
          failFirstSignIn(
              Failure.UNREACHABLE,
              "The server at " + server() + " speaks TLS: tick \"Use TLS\" (or add --tls).");
      case Info i when firstSignIn != null -> listener.onMessage(i); // the banner, once
      case Err e -> refusedBecause = e.text(); // SERVER_FULL, TIMEOUT: the server closes next
      default -> {} // a reconnect's banner: seen once is enough
    }
  }

  private void closed(IOException cause) {
    connection = null;
    String refused = refusedBecause;
    refusedBecause = null;
    if (firstSignIn != null) {
      String why =
          refused != null
              ? "closed the connection (" + refused + ")"
              : cause == null ? "closed the connection" : "failed: " + cause.getMessage();
      failFirstSignIn(
          Failure.UNREACHABLE, "The server at " + server() + " " + why + " before you signed in.");
    } else if (leaving) {
      status(State.CLOSED, "You left the chat.");
      stop();
    } else if (kickedBecause != null) {
      status(State.CLOSED, "You were removed from the chat: " + kickedBecause);
      stop();
    } else {
      String why =
          byeReceived
              ? "the server is shutting down"
              : refused != null
                  ? refused
                  : cause == null ? "the server closed the connection" : cause.getMessage();
      retryLater("Connection lost (" + why + ")");
    }
  }

  private void retryLater(String why) {
    registered = false;
    attempt++;
    Duration wait = policy.delay(attempt, random);
    nextAttempt = thread.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
    state = State.WAITING;
    listener.onStatus(new Status(State.WAITING, name, server(), why, wait, attempt));
  }

  private void failFirstSignIn(Failure failure, String message) {
    CompletableFuture<ChatSession> failed = firstSignIn;
    firstSignIn = null;
    stop();
    failed.completeExceptionally(new SignInException(failure, message));
  }

  private void status(State newState, String text) {
    state = newState;
    listener.onStatus(new Status(newState, name, server(), text, Duration.ZERO, attempt));
  }

  private boolean write(String line) {
    if (connection == null) {
      return false;
    }
    try {
      connection.send(line);
      return true;
    } catch (IOException e) {
      return false; // the connection is gone; its reader reports that, and we reconnect
    }
  }

  private void abandonConnection() {
    generation++; // its end is not news: we are the ones ending it
    if (connection != null) {
      try {
        connection.close();
      } catch (IOException e) {
        // Closing anyway.
      }
      connection = null;
    }
  }

  private void stop() {
    abandonConnection();
    state = State.CLOSED;
    thread.shutdownNow();
  }

  private boolean isMe(String other) {
    return other.equalsIgnoreCase(name);
  }

  /** The answers about a password, or about a name that needs one. */
  private static boolean isPasswordError(Err e) {
    return PASSWORD_ERRORS.contains(e.code());
  }

  private static final Set<String> PASSWORD_ERRORS =
      Set.of(
          ErrorCode.AUTH_FAILED.name(),
          ErrorCode.AUTH_LOCKED.name(),
          ErrorCode.NAME_PROTECTED.name(),
          ErrorCode.PASSWORD_INVALID.name());

  private static boolean isNameError(Err e) {
    return e.code().equals(ErrorCode.NAME_TAKEN.name())
        || e.code().equals(ErrorCode.NAME_INVALID.name());
  }

  /** Runs on the session thread; once the session has stopped, there is nothing left to do. */
  private void execute(Runnable task) {
    try {
      thread.execute(task);
    } catch (RejectedExecutionException e) {
      // The session is over: late events from a closed connection mean nothing now.
    }
  }
}
