package edu.sockets.chat.client;

import java.io.IOError;
import java.io.IOException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * A real terminal, through JLine: the user edits a line at the bottom while messages arrive, and
 * {@link LineReader#printAbove} prints each message above that line and redraws it, so what is
 * being typed is never torn apart (as it is in Phase 3's client).
 */
final class JLineScreen implements Screen {

  private final Terminal terminal;
  private final LineReader reader;
  private final boolean colour;
  private volatile boolean closed;

  private JLineScreen(Terminal terminal, boolean colour) {
    this.terminal = terminal;
    this.reader = LineReaderBuilder.builder().terminal(terminal).build();
    this.colour = colour;
  }

  /** The terminal the program runs in, or null when standard input or output is not one. */
  static JLineScreen openSystemTerminal() throws IOException {
    // dumb(true): where there is no terminal JLine gives a "dumb" one instead of failing; we take
    // that as the sign to use the plain fallback.
    Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
    if (terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
      terminal.close();
      return null;
    }
    String noColor = System.getenv("NO_COLOR"); // https://no-color.org: set and not empty
    return new JLineScreen(terminal, noColor == null || noColor.isEmpty());
  }

  @Override
  public String readLine(String prompt) {
    return read(prompt, null);
  }

  /** The mask character 0 shows nothing at all, not even one star per character. */
  @Override
  public String readPassword(String prompt) {
    return read(prompt, '\0');
  }

  private String read(String prompt, Character mask) {
    try {
      return reader.readLine(prompt, mask);
    } catch (EndOfFileException | UserInterruptException e) {
      return null; // Ctrl+D or Ctrl+C: the user wants to leave
    } catch (RuntimeException | IOError e) {
      if (closed) {
        return null; // the connection ended and closed the terminal under the line being typed
      }
      throw e;
    }
  }

  @Override
  public void print(String line) {
    reader.printAbove(line);
  }

  @Override
  public boolean colour() {
    return colour;
  }

  @Override
  public boolean isTerminal() {
    return true;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    terminal.close();
  }
}
