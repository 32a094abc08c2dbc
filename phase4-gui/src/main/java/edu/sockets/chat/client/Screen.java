package edu.sockets.chat.client;

import java.io.Closeable;
import java.io.IOException;

/** Where the terminal client reads what the user types and prints what arrives. */
interface Screen extends Closeable {

  /** The next line typed, or null when input has ended (Ctrl+D, end of a pipe). */
  String readLine(String prompt) throws IOException;

  /**
   * Reads a password: on a terminal nothing is shown while it is typed; from a pipe, a line as
   * {@link #readLine} reads it (nobody watches a pipe).
   */
  default String readPassword(String prompt) throws IOException {
    return readLine(prompt);
  }

  /** Prints a line without tearing the one being typed. Safe from any thread. */
  void print(String line);

  /** Whether ANSI colours will show (a real terminal, and NO_COLOR unset). */
  boolean colour();
}
