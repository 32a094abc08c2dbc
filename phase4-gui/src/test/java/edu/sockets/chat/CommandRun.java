package edu.sockets.chat;

import edu.sockets.chat.app.ChatApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * One run of the phase's command line inside the test JVM, on a thread of its own, with a standard
 * input the test types into ({@link #type}) and can close ({@link #closeInput}).
 */
final class CommandRun {

  final CapturedOutput out = new CapturedOutput();
  final CapturedOutput err = new CapturedOutput();
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private final OutputStream input;

  private CommandRun(OutputStream input) {
    this.input = input;
  }

  /** Starts {@code phase4-gui args...} and returns at once. */
  static CommandRun start(String... args) {
    Pipe pipe;
    try {
      // A pipe rather than PipedInputStream, which fails once the thread that wrote has ended.
      pipe = Pipe.open();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    InputStream in = Channels.newInputStream(pipe.source());
    CommandRun run = new CommandRun(Channels.newOutputStream(pipe.sink()));
    Thread.ofPlatform()
        .daemon()
        .name("phase4-gui " + String.join(" ", args))
        .start(() -> {
          try {
            CommandLine cli = ChatApp.commandLine(in);
            cli.setOut(run.out.writer).setErr(run.err.writer);
            run.exitCode.complete(cli.execute(args));
          } catch (Throwable t) {
            run.exitCode.completeExceptionally(t);
          }
        });
    return run;
  }

  /** Runs {@code phase4-gui args...} to the end, for commands that do not wait for anyone. */
  static CommandRun finish(String... args) throws Exception {
    CommandRun run = start(args);
    run.closeInput();
    run.awaitExit(Duration.ofSeconds(10));
    return run;
  }

  /** Types a line on the program's standard input. */
  void type(String line) throws IOException {
    input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    input.flush();
  }

  /** Ends the program's standard input, as Ctrl+D or the end of a pipe would. */
  void closeInput() throws IOException {
    input.close();
  }

  int awaitExit(Duration timeout) throws Exception {
    return exitCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The exit code of a run that has finished. */
  int exitCode() {
    return exitCode.join();
  }

  boolean isFinished() {
    return exitCode.isDone();
  }
}
