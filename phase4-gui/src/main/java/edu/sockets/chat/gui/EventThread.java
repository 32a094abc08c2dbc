package edu.sockets.chat.gui;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.swing.SwingUtilities;

/**
 * For programs that drive the windows from a thread of their own (the demo, the screenshots): every
 * window is created and changed on the event thread, and their threads only wait.
 */
final class EventThread {

  private EventThread() {}

  /** Runs {@code task} on the event thread and waits for its result (from any other thread). */
  static <T> T call(Supplier<T> task) {
    if (SwingUtilities.isEventDispatchThread()) {
      return task.get();
    }
    Object[] result = new Object[1];
    try {
      SwingUtilities.invokeAndWait(() -> result[0] = task.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the event thread", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(e.getCause());
    }
    @SuppressWarnings("unchecked")
    T t = (T) result[0];
    return t;
  }

  /** Runs {@code task} on the event thread and waits until it has run. */
  static void run(Runnable task) {
    call(() -> {
      task.run();
      return null;
    });
  }

  /**
   * Asks {@code done} on the event thread every 20 ms until it is true, or fails at the deadline.
   */
  static void await(BooleanSupplier done, Duration timeout, String failure)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!call(done::getAsBoolean)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(failure);
      }
      Thread.sleep(20); // a bounded poll: the windows change on the event thread, not ours
    }
  }
}
