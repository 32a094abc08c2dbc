package edu.sockets.broadcast;

import edu.sockets.broadcast.app.BroadcastApp;
import edu.sockets.broadcast.app.ServerCommand;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * One run of the phase's command line inside the test JVM, on a thread of its own, with a keyboard
 * the test types on.
 */
final class CommandRun {

  final CapturedOutput out = new CapturedOutput();
  final CapturedOutput err = new CapturedOutput();
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private final OutputStream keyboard;
  private CommandLine cli;

  private CommandRun(OutputStream keyboard) {
    this.keyboard = keyboard;
  }

  /** Starts {@code phase3-broadcast args...} with nothing to read on its keyboard. */
  static CommandRun start(String... args) {
    return start(new ByteArrayInputStream(new byte[0]), null, args);
  }

  /** Starts {@code phase3-broadcast args...} with a keyboard that {@link #type} writes to. */
  static CommandRun startTyping(String... args) throws IOException {
    PipedInputStream in = new PipedInputStream(64 * 1024);
    return start(in, new PipedOutputStream(in), args);
  }

  private static CommandRun start(InputStream in, OutputStream keyboard, String... args) {
    CommandRun run = new CommandRun(keyboard);
    run.cli = BroadcastApp.commandLine(in);
    run.cli.setOut(run.out.writer).setErr(run.err.writer);
    Thread.ofPlatform()
        .daemon()
        .name("phase3-broadcast " + String.join(" ", args))
        .start(() -> {
          try {
            run.exitCode.complete(run.cli.execute(args));
          } catch (Throwable t) {
            run.exitCode.completeExceptionally(t);
          }
        });
    return run;
  }

  /** Runs {@code phase3-broadcast args...} to the end, for commands that wait for nobody. */
  static CommandRun finish(String... args) throws Exception {
    CommandRun run = start(args);
    run.awaitExit(Duration.ofSeconds(10));
    return run;
  }

  /** Types {@code text} on the command's keyboard. */
  void type(String text) throws IOException {
    keyboard.write(text.getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }

  /** Ends the keyboard's input, as Ctrl+D does. */
  void endInput() throws IOException {
    keyboard.close();
  }

  /** Does what Ctrl+C does to a running {@code server} command, and waits for it to end. */
  int stopServer(Duration timeout) throws Exception {
    ServerCommand server = cli.getSubcommands().get("server").getCommand();
    server.stop();
    return awaitExit(timeout);
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
