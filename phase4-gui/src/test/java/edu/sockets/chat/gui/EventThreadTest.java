package edu.sockets.chat.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Why a network read must never run on the event thread, shown rather than told. A "probe" is a
 * task posted with {@code invokeLater}, as every repaint, key press and click is: while the event
 * thread is inside {@code read()}, nothing else runs, and the window is frozen. The tests check the
 * order of events (never a duration); the durations they print are what chapter 4b reports.
 */
@DisplayName("The event thread: a read on it freezes the window; a read beside it does not")
@Timeout(20)
class EventThreadTest {

  /** How long the silent server keeps the wrong client waiting. */
  private static final int SILENCE_MILLIS = 1_000;

  @BeforeEach
  void startTheEventThread() throws Exception {
    probe(); // the first task starts the event thread and the toolkit: not what is measured
  }

  @Test
  @DisplayName("a read on the event thread: nothing else runs until the read ends")
  void readOnTheEventThreadFreezesIt() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), silent.getLocalPort());
        Socket accepted = silent.accept()) {
      socket.setSoTimeout(SILENCE_MILLIS); // the server says nothing; the read gives up
      CountDownLatch reading = new CountDownLatch(1);
      CompletableFuture<Long> readEnded = new CompletableFuture<>();

      SwingUtilities.invokeLater(() -> { // the mistake: networking in an event handler
        reading.countDown();
        try {
          socket.getInputStream().read();
        } catch (SocketTimeoutException e) {
          // The silence ended the read.
        } catch (java.io.IOException e) {
          readEnded.completeExceptionally(e);
        }
        readEnded.complete(System.nanoTime());
      });
      reading.await();
      long posted = System.nanoTime();
      long probeRan = probe();

      assertThat(probeRan).as("the probe ran only after the read").isGreaterThan(readEnded.get());
      System.out.printf(
          "read on the event thread: a click waited %d ms%n",
          TimeUnit.NANOSECONDS.toMillis(probeRan - posted));
    }
  }

  @Test
  @DisplayName("a read on its own thread: the event thread keeps running while it waits")
  void readBesideTheEventThreadDoesNot() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        Socket accepted = server.accept()) {
      CountDownLatch reading = new CountDownLatch(1);
      CompletableFuture<Long> lineShown = new CompletableFuture<>();
      Thread.ofPlatform()
          .start(() -> { // what ChatConnection's reader thread does
            try {
              InputStream in = socket.getInputStream();
              reading.countDown();
              in.read();
              SwingUtilities.invokeLater(() -> lineShown.complete(System.nanoTime()));
            } catch (java.io.IOException e) {
              lineShown.completeExceptionally(e);
            }
          });
      reading.await();
      long posted = System.nanoTime();
      long probeRan = probe();
      // Only now does the server answer: the probe cannot have waited for the read.
      OutputStream out = accepted.getOutputStream();
      out.write('\n');
      out.flush();

      assertThat(probeRan).as("the probe ran while the read waited").isLessThan(lineShown.get());
      System.out.printf(
          "read on its own thread: a click waited %.2f ms%n", (probeRan - posted) / 1e6);
    }
  }

  /** Posts a task, as a click would, and returns when it ran. */
  private static long probe() throws Exception {
    CompletableFuture<Long> ran = new CompletableFuture<>();
    SwingUtilities.invokeLater(() -> ran.complete(System.nanoTime()));
    return ran.get(10, TimeUnit.SECONDS);
  }
}
