package edu.sockets.chat.client;

import edu.sockets.chat.protocol.Command;
import edu.sockets.chat.protocol.ErrorCode;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Err;
import edu.sockets.chat.protocol.ServerMessage.Info;
import edu.sockets.chat.protocol.ServerMessage.Nick;
import edu.sockets.chat.protocol.ServerMessage.Welcome;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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

  /** How the user signs in: as a guest, or to an account (created first with REGISTER). */
  public enum Account {
    GUEST,
    LOGIN,
    REGISTER
  }

  /**
   * What the user asked for on the command line.
   *
   * @param name the name to ask for, or null to ask the user
   */
  public record Options(String host, int port, String name, Account account, Duration timeout) {}

  private final Screen screen;
  private final String server;
  private final TerminalFormat format;
  private final TerminalSignIn signIn;
  private final CompletableFuture<Integer> outcome = new CompletableFuture<>();

  private ChatConnection connection;
  private volatile String me; // our name once signed in; it changes with NICK
  private volatile boolean leaving; // we sent /exit
  private Ending announced; // the end the server announced, if any (the reader thread's)

  private TerminalClient(Screen screen, Options options) {
    this.screen = screen;
    this.server = options.host() + ":" + options.port();
    this.format = new TerminalFormat(ZoneId.systemDefault(), screen.colour());
    this.signIn = new TerminalSignIn(screen, options.account(), outcome::isDone);
  }

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
    TerminalClient client = new TerminalClient(screen, options);
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
    boolean signingIn = me == null;
    if (announced == null) {
      announced = Ending.announcedBy(message);
    }
    switch (message) {
      case Welcome w -> me = w.name();
      case Nick n when n.oldName().equals(me) -> me = n.newName();
      case Err e when e.code().equals(ErrorCode.TLS_REQUIRED.name()) -> {
        return; // said once, when the connection closes
      }
      case Info i when signingIn -> {
        return; // the banner: its "choose a name with /name" is for nc; this client asks itself
      }
      default -> {}
    }
    if (signingIn && (message instanceof Welcome || message instanceof Err)) {
      signIn.answered(message); // the keyboard thread waits for this to go on, or to ask again
    }
    String line = format.format(message, me);
    if (line != null) {
      screen.print(line);
    }
  }

  @Override
  public void onClosed(IOException cause) {
    Ending ending = announced != null ? announced : new Ending.Lost(cause);
    screen.print(
        switch (ending) {
          case Ending.Refused r when r.code().equals(ErrorCode.TLS_REQUIRED.name()) ->
              "The server at " + server + " speaks TLS: add --tls.";
          case Ending.Bye b when leaving -> "Bye.";
          case Ending.Kicked k -> "You were removed from the chat: " + k.reason();
          case Ending.Refused r ->
              "The server at " + server + " closed the connection: " + r.error() + ".";
          case Ending.Bye b ->
              "The server at " + server + " closed the chat (it is shutting down).";
          case Ending.Lost l ->
              "Connection to " + server + " lost (" + l.why() + "). Is the server still running?";
        });
    outcome.complete(ending instanceof Ending.Bye && leaving ? 0 : 1);
  }

  /** The keyboard thread: sign in, then send what the user types. */
  private void interact(String name) {
    try {
      if (signIn.signIn(connection, name)) {
        chat();
      }
      leave();
    } catch (IOException e) {
      // Sending failed: the connection is gone, and onClosed tells the user.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void chat() throws IOException {
    while (!outcome.isDone()) {
      String line = screen.readLine(me + "> ");
      if (line == null) {
        return;
      }
      switch (Typed.command(line)) {
        case "/help" -> Command.HELP.forEach(screen::print);
        case "/exit", "/quit" -> {
          return;
        }
        case "/login", "/register" -> send(signIn.completed(line, connection.isSecure()));
        default -> send(line);
      }
    }
  }

  /** Sends a line, unless there is nothing to send. */
  private void send(String line) throws IOException {
    if (line != null && !line.isBlank()) {
      connection.send(line);
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
