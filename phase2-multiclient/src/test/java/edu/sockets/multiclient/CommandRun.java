package edu.sockets.multiclient;

import edu.sockets.multiclient.app.MultiClientApp;
import edu.sockets.multiclient.app.ServerCommand;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/** One run of the phase's command line inside the test JVM, on a thread of its own. */
final class CommandRun {

  final CapturedOutput out = new CapturedOutput();
  final CapturedOutput err = new CapturedOutput();
  private final CommandLine cli;
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

  private CommandRun(InputStream stdin) {
    this.cli = MultiClientApp.commandLine(stdin);
    cli.setOut(out.writer).setErr(err.writer);
  }

  /** Starts {@code phase2-multiclient args...}, with nothing on its standard input. */
  static CommandRun start(String... args) {
    return start(new ByteArrayInputStream(new byte[0]), args);
  }

  /** Starts {@code phase2-multiclient args...}, reading {@code stdin}, and returns at once. */
  static CommandRun start(InputStream stdin, String... args) {
    CommandRun run = new CommandRun(stdin);
    Thread.ofPlatform()
        .daemon()
        .name("phase2-multiclient " + String.join(" ", args))
        .start(() -> {
          try {
            run.exitCode.complete(run.cli.execute(args));
          } catch (Throwable t) {
            run.exitCode.completeExceptionally(t);
          }
        });
    return run;
  }

  /** Runs {@code phase2-multiclient args...} to the end, for commands that wait for no one. */
  static CommandRun finish(String... args) throws Exception {
    CommandRun run = start(args);
    run.awaitExit(Duration.ofSeconds(5));
    return run;
  }

  /** The {@code server} command of this run, to stop it as Ctrl+C would. */
  ServerCommand serverCommand() {
    return cli.getSubcommands().get("server").getCommand();
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
