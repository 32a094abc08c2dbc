package edu.sockets.chat.client.tls;

import edu.sockets.chat.client.Screen;
import java.io.IOException;

/** Trust on first use in the terminal client: shows a new server's fingerprint and asks. */
public final class TerminalTrustQuestion implements ServerTrust.FirstUse {

  private final Screen screen;

  /** Asks on {@code screen}, which must be a real terminal: a pipe has nobody to answer. */
  public TerminalTrustQuestion(Screen screen) {
    this.screen = screen;
  }

  @Override
  public boolean trust(String server, String fingerprint) {
    screen.print("The server at " + server + " is not known yet. Its certificate's SHA-256");
    screen.print("fingerprint is " + fingerprint);
    screen.print(
        "Compare it with the one the server printed when it started (ask whoever runs it).");
    while (true) {
      String answer;
      try {
        answer = screen.readLine("Trust it, and remember it for " + server + "? (yes/no) ");
      } catch (IOException e) {
        return false;
      }
      if (answer == null || answer.strip().equalsIgnoreCase("no")) {
        return false;
      }
      if (answer.strip().equalsIgnoreCase("yes")) {
        return true;
      }
      screen.print("Please type yes or no.");
    }
  }
}
