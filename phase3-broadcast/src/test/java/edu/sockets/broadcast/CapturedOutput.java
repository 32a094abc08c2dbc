package edu.sockets.broadcast;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a command printed, readable (and awaitable) while the command is still running. */
final class CapturedOutput {

  private static final String LINE_SEPARATOR = Pattern.quote(System.lineSeparator());

  private final StringBuilder text = new StringBuilder();

  final PrintWriter writer =
      new PrintWriter(
          new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
              synchronized (CapturedOutput.this) {
                text.append(chars, offset, length);
                CapturedOutput.this.notifyAll();
              }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          },
          true);

  synchronized String text() {
    return text.toString();
  }

  /**
   * The lines printed so far, without their endings. Split on println's own line separator only, so
   * that a stray CR in what was printed stays visible to the test.
   */
  synchronized String[] lines() {
    return text.isEmpty() ? new String[0] : text.toString().split(LINE_SEPARATOR);
  }

  /** Waits, up to {@code timeout}, until a line matches {@code pattern}, and returns the match. */
  synchronized Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (String line : lines()) {
        Matcher matcher = pattern.matcher(line);
        if (matcher.find()) {
          return matcher;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "no line matching /" + pattern + "/ within " + timeout + "; printed so far:\n" + text);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }
}
