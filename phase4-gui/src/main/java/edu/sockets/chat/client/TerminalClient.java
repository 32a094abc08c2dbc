package edu.sockets.chat.client;

import edu.sockets.chat.protocol.Command;
import edu.sockets.chat.protocol.ErrorCode;
import edu.sockets.chat.protocol.Passwords;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Bye;
import edu.sockets.chat.protocol.ServerMessage.Err;
import edu.sockets.chat.protocol.ServerMessage.Nick;
import edu.sockets.chat.protocol.ServerMessage.Welcome;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The terminal chat client. Two threads: one reads what the user types and sends it; the
 * connection's reader thread prints what arrives. The main thread waits for the outcome: the exit
 * code, 0 after the user's own {@code /exit}, 1 when the server went away or kicked us.
 */
public final class TerminalClient implements ChatConnection.Listener {

  /** After {@code /exit}, how long to wait for the server's BYE before leaving anyway. */
  private static final Duration GOODBYE_TIME = Duration.ofSeconds(5);

  private final Screen screen;
  private final TerminalFormat format;
  private final CompletableFuture<Integer> outcome = new CompletableFuture<>();

  /** Replies to {@code /name} while not yet registered: WELCOME or ERR. */
  private final BlockingQueue<ServerMessage> nameReplies = new LinkedBlockingQueue<>();

  private ChatConnection connection;
  private volatile String me; // our name once registered; it changes with NICK
  private volatile boolean leaving; // we sent /exit
  private volatile boolean byeReceived;
  private volatile String kickedBecause;
  private volatile boolean needsTls; // a plain connection to a TLS server

  /** How the user signs in: as a guest, or to an account (created first with REGISTER). */
  public enum Account {
    GUEST,
    LOGIN,
    REGISTER
  }

  private Account account = Account.GUEST;
  // ERR TIMEOUT (a PING unanswered, no name in time) or SERVER_FULL: the server closes next.
  private volatile String closedBecause;

  private TerminalClient(Screen screen) {
    this.screen = screen;
    this.format = new TerminalFormat(ZoneId.systemDefault(), screen.colour());
  }

  /**
   * What the user asked for on the command line.
   *
   * @param name the name to ask for, or null to ask the user
   */
  public record Options(String host, int port, String name, Account account, Duration timeout) {}

  /**
   * Runs a chat session on {@code screen} over {@code transport}. With {@code LOGIN} or {@code
   * REGISTER} it asks for the password without showing it (after a warning, on a plain connection,
   * that it crosses the network in clear).
   *
   * @return the exit code
   * @throws IOException if the connection cannot be made (the caller explains it to the user)
   */
  public static int run(Options options, Transport transport, Screen screen)
      throws IOException, InterruptedException {
    TerminalClient client = new TerminalClient(screen);
    client.account = options.account();
    client.connection =
        ChatConnection.open(options.host(), options.port(), options.timeout(), transport, client);
    try (ChatConnection connection = client.connection) {
      screen.print("Connected to " + connection.server() + ". Ctrl+D or /exit leaves.");
      if (connection.isSecure()) {
        screen.print("TLS: the connection is encrypted, and the server is the one you trust.");
      }
      Thread.ofPlatform().daemon().name("keyboard").start(() -> client.interact(options.name()));
      return client.outcome.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void onMessage(ServerMessage message) {
    boolean registering = me == null;
    switch (message) {
      case Welcome w -> me = w.name();
      case Nick n when n.oldName().equals(me) -> me = n.newName();
      case Bye b -> byeReceived = true;
      case Err e when e.code().equals(ErrorCode.KICKED.name()) -> kickedBecause = e.text();
      case Err e when e.code().equals(ErrorCode.TLS_REQUIRED.name()) -> {
        needsTls = true; // said once, when the connection closes
        return;
      }
      case Err e
          when e.code().equals(ErrorCode.TIMEOUT.name())
              || e.code().equals(ErrorCode.SERVER_FULL.name()) ->
          closedBecause = e.text();
      default -> {}
    }
    if (registering && (message instanceof Welcome || message instanceof Err)) {
      nameReplies.add(message); // the keyboard thread waits for this to go on, or to ask again
    }
    String line = format.format(message, me);
    if (line != null) {
      screen.print(line);
    }
  }

  @Override
  public void onClosed(IOException cause) {
    String server = connection == null ? "the server" : connection.server();
    if (needsTls) {
      screen.print("The server at " + server + " speaks TLS: add --tls.");
      outcome.complete(1);
    } else if (leaving && byeReceived) {
      screen.print("Bye.");
      outcome.complete(0);
    } else if (kickedBecause != null) {
      screen.print("You were removed from the chat: " + kickedBecause);
      outcome.complete(1);
    } else if (closedBecause != null) {
      screen.print("The server at " + server + " closed the connection: " + closedBecause + ".");
      outcome.complete(1);
    } else if (byeReceived) {
      screen.print("The server at " + server + " closed the chat (it is shutting down).");
      outcome.complete(1);
    } else {
      String why = cause == null ? "the server closed the connection" : cause.getMessage();
      screen.print("Connection to " + server + " lost (" + why + "). Is the server still running?");
      outcome.complete(1);
    }
  }

  /** The keyboard thread: choose a name, then send what the user types. */
  private void interact(String name) {
    try {
      if (register(name)) {
        chat();
      }
      leave();
    } catch (IOException e) {
      // Sending failed: the connection is gone, and onClosed tells the user.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Asks for names until one is accepted; false if input ended or the connection did. */
  private boolean register(String name) throws IOException, InterruptedException {
    String candidate = name;
    while (!outcome.isDone()) {
      if (candidate == null) {
        candidate = screen.readLine("Your name: ");
        if (candidate == null) {
          return false;
        }
        candidate = candidate.strip();
        if (candidate.isEmpty()) {
          candidate = null;
          continue;
        }
      }
      Credentials credentials = Credentials.guest(candidate);
      if (account != Account.GUEST) {
        credentials = askPassword(candidate, account == Account.REGISTER);
        if (credentials == null) {
          return false;
        }
      }
      connection.send(credentials.firstLine());
      ServerMessage reply = awaitNameReply();
      if (reply instanceof Welcome) {
        return true;
      }
      if (reply == null) {
        return false; // the connection ended
      }
      candidate = null; // taken or invalid: the error is on screen; ask again
    }
    return false;
  }

  /** Asks for the password until it follows the rule; null if input ended. */
  private Credentials askPassword(String name, boolean create) throws IOException {
    String warning = Credentials.clearTextWarning(connection.isSecure());
    if (warning != null) {
      screen.print(warning);
    }
    while (true) {
      String password = screen.readPassword("Password for " + name + ": ");
      if (password == null) {
        return null;
      }
      if (Passwords.isValid(password)) {
        return new Credentials(name, password, create);
      }
      screen.print(Passwords.rule() + ".");
    }
  }

  private ServerMessage awaitNameReply() throws InterruptedException {
    while (!outcome.isDone()) {
      ServerMessage reply = nameReplies.poll(100, TimeUnit.MILLISECONDS);
      if (reply != null) {
        return reply;
      }
    }
    return null;
  }

  private void chat() throws IOException {
    while (!outcome.isDone()) {
      String line = screen.readLine(me + "> ");
      if (line == null) {
        return;
      }
      String word = line.strip().split(" ", 2)[0].toLowerCase(Locale.ROOT);
      switch (word) {
        case "/help" -> Command.HELP.forEach(screen::print);
        case "/exit", "/quit" -> {
          return;
        }
        case "/login", "/register" -> {
          String[] words = line.strip().split(" ");
          if (words.length == 2) { // a name and no password: ask for it without showing it
            Credentials credentials = askPassword(words[1], word.equals("/register"));
            if (credentials != null) {
              connection.send(credentials.firstLine());
            }
          } else {
            connection.send(line);
          }
        }
        default -> {
          if (!line.isBlank()) {
            connection.send(line);
          }
        }
      }
    }
  }

  /** Says goodbye and waits, a little, for the server's BYE. */
  private void leave() throws IOException, InterruptedException {
    if (outcome.isDone()) {
      return;
    }
    leaving = true;
    connection.send("/exit");
    try {
      outcome.get(GOODBYE_TIME.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      outcome.complete(0); // we asked to leave; a server that does not answer does not matter
    }
  }
}
