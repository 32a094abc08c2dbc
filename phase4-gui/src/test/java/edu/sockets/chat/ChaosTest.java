package edu.sockets.chat;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.app.ServerOptions;
import edu.sockets.chat.protocol.LineReader;
import edu.sockets.chat.server.ChatServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Chaos: for a few seconds, hundreds of clients connect, chat, and leave in every way there is
 * (reset, {@code /exit}, plain close, never registering), while a few stable clients stay
 * throughout. Then it checks what must hold whatever the timing:
 *
 * <ul>
 *   <li>every stable client received every message of every stable client, once, in order;
 *   <li>every stable client received exactly the same sequence of chat messages (so each message
 *       the server accepted, from anyone, arrived once and in the one order the server chose);
 *   <li>once everyone has left, the server's connections and threads are back to where they
 *       started, nobody is listed online, and the heap is back within a tolerance.
 * </ul>
 *
 * It runs the server in this JVM, since it looks at the server's insides.
 */
@DisplayName("Chaos: hundreds of clients connecting, chatting, resetting and reconnecting")
@Timeout(60)
class ChaosTest {

  private static final int STABLE = 10;
  private static final int CHURNERS = 200;
  private static final Duration CHAOS = Duration.ofSeconds(2);
  private static final long HEAP_TOLERANCE = 4L << 20;

  /** How each churning connection ends. */
  private enum Ending {
    RESET,
    EXIT,
    CLOSE,
    NEVER_REGISTERS
  }

  @Test
  @DisplayName(
      "every message to a client that stayed arrives once and in order; connections, threads and"
          + " heap return to their baseline")
  void survivesChaos() throws Exception {
    ChatServer server = ServerOptions.DEFAULTS.open("127.0.0.1", 0, line -> {});
    server.serveInBackground("chaos server");
    try {
      long heapBefore = usedHeapAfterGc();
      int threadsBefore = server.threadCount();
      int connectionsBefore = server.connectionCount();

      List<Stable> stable = new ArrayList<>();
      for (int i = 0; i < STABLE; i++) {
        stable.add(new Stable(server.port(), i));
      }
      for (Stable s : stable) {
        s.awaitEveryone(); // every stable client has seen every other's JOIN
      }
      Map<Ending, AtomicInteger> endings = new HashMap<>();
      for (Ending e : Ending.values()) {
        endings.put(e, new AtomicInteger());
      }
      AtomicInteger churnMessages = new AtomicInteger();
      long deadline = System.nanoTime() + CHAOS.toNanos();
      List<Thread> churners = new ArrayList<>();
      for (int c = 0; c < CHURNERS; c++) {
        int id = c;
        churners.add(
            Thread.ofVirtual()
                .start(() -> churn(server.port(), id, deadline, endings, churnMessages)));
      }
      List<Thread> talkers = new ArrayList<>();
      for (Stable s : stable) {
        talkers.add(Thread.ofVirtual().start(() -> s.talk(deadline)));
      }
      for (Thread t : churners) {
        t.join();
      }
      for (Thread t : talkers) {
        t.join();
      }
      // Every churner's connection is gone before the stable ones say "end": nothing of theirs
      // can arrive after it.
      awaitValue(server::connectionCount, connectionsBefore + STABLE, "connections of the stable");
      for (Stable s : stable) {
        s.send("s" + s.id + " end");
      }
      List<List<String>> received = new ArrayList<>();
      for (Stable s : stable) {
        received.add(s.received.get(20, TimeUnit.SECONDS));
      }

      int stableMessages = 0;
      for (Stable s : stable) {
        stableMessages += s.sent;
      }
      for (int r = 0; r < STABLE; r++) {
        List<String> lines = received.get(r);
        assertThat(lines)
            .as("stable client %d got what stable client 0 got", r)
            .isEqualTo(received.get(0));
        assertThat(lines).doesNotHaveDuplicates();
        for (Stable sender : stable) {
          List<String> fromSender =
              lines.stream().filter(l -> l.startsWith("s" + sender.id + " ")).toList();
          List<String> expected = new ArrayList<>();
          for (int seq = 0; seq < sender.sent; seq++) {
            expected.add("s" + sender.id + " " + seq);
          }
          expected.add("s" + sender.id + " end");
          assertThat(fromSender)
              .as("s%d's messages at client %d", sender.id, r)
              .isEqualTo(expected);
        }
        assertInOrderPerChurner(lines);
      }

      for (Stable s : stable) {
        s.leave();
      }
      awaitValue(server::connectionCount, connectionsBefore, "connections");
      awaitValue(server::threadCount, threadsBefore, "connection threads");
      assertThat(server.state().list()).isEmpty();
      int perClient = received.get(0).size();
      received.clear(); // what the test itself kept must not count as the server's
      stable.clear();
      churners.clear();
      talkers.clear();
      long heapAfter = usedHeapAfterGc();
      System.out.printf(
          "chaos: %d churners for %d s: %s; %d stable clients got %d messages each (%d of their"
              + " own, %d of %d sent by churners); connections %d -> %d, threads %d -> %d, heap"
              + " %.1f -> %.1f MiB%n",
          CHURNERS,
          CHAOS.toSeconds(),
          endings,
          STABLE,
          perClient,
          stableMessages + STABLE,
          perClient - stableMessages - STABLE,
          churnMessages.get(),
          connectionsBefore,
          server.connectionCount(),
          threadsBefore,
          server.threadCount(),
          heapBefore / 1048576.0,
          heapAfter / 1048576.0);
      assertThat(endings.get(Ending.RESET).get()).as("resets happened").isPositive();
      assertThat(heapAfter)
          .as("heap after, within a tolerance")
          .isLessThan(heapBefore + HEAP_TOLERANCE);
    } finally {
      server.shutdown();
      server.awaitStopped(Duration.ofSeconds(10));
    }
  }

  /** One churner: connect, maybe chat, leave one way or another, again, until the deadline. */
  private static void churn(
      int port, int id, long deadline, Map<Ending, AtomicInteger> endings, AtomicInteger sent) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int generation = 0; System.nanoTime() < deadline; generation++) {
      Ending ending = Ending.values()[random.nextInt(Ending.values().length)];
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        OutputStream out = socket.getOutputStream();
        if (ending != Ending.NEVER_REGISTERS) {
          String name = "c" + id + "g" + generation;
          write(out, "/name " + name);
          int messages = random.nextInt(4);
          for (int seq = 0; seq < messages; seq++) {
            write(out, name + " " + seq);
            sent.incrementAndGet();
            TimeUnit.MILLISECONDS.sleep(random.nextInt(30)); // pacing the chatter
          }
        }
        switch (ending) {
          case RESET -> socket.setSoLinger(true, 0); // close() now sends RST
          case EXIT -> write(out, "/exit");
          case CLOSE, NEVER_REGISTERS -> {}
        }
        endings.get(ending).incrementAndGet();
      } catch (IOException e) {
        // The server dropped us (we never read), or refused: part of the chaos.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        TimeUnit.MILLISECONDS.sleep(random.nextInt(50)); // pacing the reconnections
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Churners' lines arrive in the order each churner's connection sent them. */
  private static void assertInOrderPerChurner(List<String> lines) {
    Map<String, Integer> last = new HashMap<>();
    for (String line : lines) {
      if (line.startsWith("c")) {
        String[] parts = line.split(" ");
        int seq = Integer.parseInt(parts[1]);
        Integer previous = last.put(parts[0], seq);
        assertThat(seq)
            .as("%s after %s", line, previous)
            .isEqualTo(previous == null ? 0 : previous + 1);
      }
    }
  }

  /** A client connected throughout: it talks steadily and records every chat message. */
  private static final class Stable {
    final int id;
    final Socket socket;
    final LineReader in;
    final CompletableFuture<List<String>> received = new CompletableFuture<>();
    final CompletableFuture<Void> everyone = new CompletableFuture<>();
    final CompletableFuture<Void> welcomed = new CompletableFuture<>();
    volatile int sent;

    /** Connects and registers as {@code s<id>}; the next one is created after our WELCOME. */
    Stable(int port, int id) throws Exception {
      this.id = id;
      this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
      this.in = new LineReader(socket.getInputStream(), 1 << 20);
      send("/name s" + id);
      Thread.ofVirtual().start(this::read);
      welcomed.get(10, TimeUnit.SECONDS);
    }

    void awaitEveryone() throws Exception {
      everyone.get(10, TimeUnit.SECONDS);
    }

    void send(String line) {
      try {
        synchronized (socket) {
          write(socket.getOutputStream(), line);
        }
      } catch (IOException e) {
        received.completeExceptionally(e);
      }
    }

    /** Twenty messages a second until the deadline: well within the rate limit. */
    void talk(long deadline) {
      try {
        for (int seq = 0; System.nanoTime() < deadline; seq++) {
          send("s" + id + " " + seq);
          sent = seq + 1;
          TimeUnit.MILLISECONDS.sleep(50); // pacing
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    void leave() throws IOException {
      send("/exit");
      socket.close();
    }

    /** Reads until every stable client's "end" has come; keeps the text of each MSG. */
    private void read() {
      List<String> messages = new ArrayList<>();
      int ends = 0;
      int joined = 0;
      try {
        while (ends < STABLE) {
          String line = in.readLine();
          if (line == null) {
            throw new IOException("the server closed the connection of s" + id);
          }
          if (line.startsWith("JOIN ") && line.matches("JOIN \\S+ s\\d+ \\*")) {
            joined++;
          }
          if (line.startsWith("WELCOME ")) {
            welcomed.complete(null);
          }
          if (line.startsWith("WELCOME ") || line.startsWith("JOIN ")) {
            if (joined == STABLE - 1 - id) { // those after us; those before were there already
              everyone.complete(null);
            }
          }
          if (line.startsWith("MSG ")) {
            String text = line.split(" ", 5)[4];
            messages.add(text);
            if (text.endsWith(" end") && text.startsWith("s")) {
              ends++;
            }
          }
        }
        received.complete(messages);
      } catch (IOException | RuntimeException e) {
        received.completeExceptionally(e);
        everyone.completeExceptionally(e);
        welcomed.completeExceptionally(e);
      }
    }
  }

  private static void write(OutputStream out, String line) throws IOException {
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Bounded polling: the server's counters drop as its threads notice the closes. */
  private static void awaitValue(IntSupplier value, int expected, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (value.getAsInt() != expected && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(10); // polling with a deadline
    }
    assertThat(value.getAsInt()).as(what).isEqualTo(expected);
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
