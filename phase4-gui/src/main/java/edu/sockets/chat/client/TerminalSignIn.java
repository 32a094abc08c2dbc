package edu.sockets.chat.client;

import edu.sockets.chat.client.TerminalClient.Account;
import edu.sockets.chat.protocol.Passwords;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Welcome;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * How the terminal client signs in, on the keyboard thread: it asks for a name until the server
 * takes one, and for an account's password without showing it (chapter 4c). The reader thread hands
 * over the server's answers.
 */
final class TerminalSignIn {

  private final Screen screen;
  private final Account account;
  private final BooleanSupplier ended; // the connection has ended: nothing more to wait for

  /** The answers to the sign-in line, WELCOME or ERR, from the reader thread. */
  private final BlockingQueue<ServerMessage> answers = new LinkedBlockingQueue<>();

  TerminalSignIn(Screen screen, Account account, BooleanSupplier ended) {
    this.screen = screen;
    this.account = account;
    this.ended = ended;
  }

  /** From the reader thread: the server answered the sign-in line. */
  void answered(ServerMessage answer) {
    answers.add(answer);
  }

  /**
   * Signs in as {@code name}, or a name asked for, asking again while the server refuses; false if
   * input ended or the connection did.
   */
  boolean signIn(ChatConnection connection, String name) throws IOException, InterruptedException {
    String candidate = name;
    while (!ended.getAsBoolean()) {
      if (candidate == null) {
        candidate = screen.readLine("Your name: ");
        if (candidate == null) {
          return false; // input ended
        }
        if (candidate.isBlank()) {
          candidate = null;
          continue;
        }
      }
      Credentials credentials = credentials(candidate.strip(), connection.isSecure());
      if (credentials == null) {
        return false;
      }
      connection.send(credentials.firstLine());
      ServerMessage answer = awaitAnswer();
      if (answer instanceof Welcome) {
        return true;
      }
      if (answer == null) {
        return false; // the connection ended
      }
      candidate = null; // taken or invalid: the error is on screen; ask again
    }
    return false;
  }

  /**
   * A {@code /login} or {@code /register} typed with a name and no password: asks for the password
   * apart, without showing it. Returns the line to send, or null if input ended.
   */
  String completed(String line, boolean secure) throws IOException {
    String[] words = line.strip().split(" ");
    if (words.length != 2) {
      return line; // the password is on the line, or the server will say how to use it
    }
    boolean create = words[0].equalsIgnoreCase("/register");
    Credentials credentials = askPassword(words[1], create, secure);
    return credentials == null ? null : credentials.firstLine();
  }

  private Credentials credentials(String name, boolean secure) throws IOException {
    return account == Account.GUEST
        ? Credentials.guest(name)
        : askPassword(name, account == Account.REGISTER, secure);
  }

  /** Asks for the password until it follows the rule; null if input ended. */
  private Credentials askPassword(String name, boolean create, boolean secure) throws IOException {
    String warning = Credentials.clearTextWarning(secure);
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

  private ServerMessage awaitAnswer() throws InterruptedException {
    while (!ended.getAsBoolean()) {
      ServerMessage answer = answers.poll(100, TimeUnit.MILLISECONDS);
      if (answer != null) {
        return answer;
      }
    }
    return null;
  }
}
