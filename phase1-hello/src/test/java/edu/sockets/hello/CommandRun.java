package edu.sockets.hello;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/** One run of the phase's command line inside the test JVM, on a thread of its own. */
final class CommandRun {

  final CapturedOutput out = new CapturedOutput();
  final CapturedOutput err = new CapturedOutput();
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

  private CommandRun() {}

  /** Starts {@code phase1-hello args...} and returns at once. */
  static CommandRun start(String... args) {
    CommandRun run = new CommandRun();
    Thread.ofPlatform()
        .daemon()
        .name("phase1-hello " + String.join(" ", args))
        .start(() -> {
          try {
            CommandLine cli = new CommandLine(new HelloApp());
            cli.setOut(run.out.writer).setErr(run.err.writer);
            run.exitCode.complete(cli.execute(args));
          } catch (Throwable t) {
            run.exitCode.completeExceptionally(t);
          }
        });
    return run;
  }

  /** Runs {@code phase1-hello args...} to the end, for commands that do not wait for anyone. */
  static CommandRun finish(String... args) throws Exception {
    CommandRun run = start(args);
    run.awaitExit(Duration.ofSeconds(5));
    return run;
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
