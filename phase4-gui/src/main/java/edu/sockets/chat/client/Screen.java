package edu.sockets.chat.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;

/** Where the terminal client reads what the user types and prints what arrives. */
public interface Screen extends Closeable {

  /**
   * The real terminal when {@code in} is the program's own and a terminal (JLine), else plain lines
   * on {@code in} and {@code out} (a pipe, a file, a test).
   */
  static Screen open(InputStream in, PrintWriter out) throws IOException {
    Screen terminal = in == System.in ? JLineScreen.openSystemTerminal() : null;
    return terminal != null ? terminal : new PlainScreen(in, out);
  }

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

  /** Whether a person is there to answer a question (a real terminal, not a pipe). */
  boolean isTerminal();
}
