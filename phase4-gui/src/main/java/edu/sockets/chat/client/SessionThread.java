package edu.sockets.chat.client;

import edu.sockets.chat.protocol.ServerMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one thread a {@link ChatSession} runs on. Connecting (which can take seconds), sending,
 * waiting to reconnect and handling what a connection's reader thread hands over all happen here,
 * one at a time, so the session's state needs no lock. A connection the session has given up on may
 * still report something: such late events are dropped here.
 */
final class SessionThread {

  private final ScheduledExecutorService executor;

  /** Which connection's events count: older ones are dropped. This thread only. */
  private int generation;

  SessionThread(String name) {
    this.executor =
        Executors.newSingleThreadScheduledExecutor(task ->
            Thread.ofPlatform()
                .daemon() // a session must not keep the program alive after its window
                .name(name)
                .unstarted(task));
  }

  /** Runs {@code task} on this thread, later; once stopped, there is nothing left to do. */
  void execute(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      // The session is over: late events from a closed connection mean nothing now.
    }
  }

  ScheduledFuture<?> schedule(Runnable task, Duration delay) {
    return executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * A listener for a new connection: it hands the reader thread's events over to this thread, as
   * long as no newer connection was relayed and {@link #forget} was not called. On this thread.
   */
  ChatConnection.Listener relay(Consumer<ServerMessage> onMessage, Consumer<IOException> onClosed) {
    int current = ++generation;
    return new ChatConnection.Listener() {
      @Override
      public void onMessage(ServerMessage message) {
        execute(() -> {
          if (current == generation) {
            onMessage.accept(message);
          }
        });
      }

      @Override
      public void onClosed(IOException cause) {
        execute(() -> {
          if (current == generation) {
            onClosed.accept(cause);
          }
        });
      }
    };
  }

  /** Drops the events of every connection relayed so far: the session is ending them itself. */
  void forget() {
    generation++;
  }

  void stop() {
    executor.shutdownNow();
  }
}
