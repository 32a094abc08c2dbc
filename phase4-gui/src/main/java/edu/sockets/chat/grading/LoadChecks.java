package edu.sockets.chat.grading;

import edu.sockets.grading.Probe;
import edu.sockets.grading.Quote;
import edu.sockets.grading.Reply;
import edu.sockets.grading.Unreachable;
import edu.sockets.grading.Verdict;
import edu.sockets.grading.Wire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Many clients at once, and one that stops reading: what a server must survive unslowed. */
final class LoadChecks {

  /** Clients that connect at the same moment, as a class does when told "connect now". */
  static final int CLIENTS = 100;

  /**
   * How long each of them may wait to be answered. A server on a lab network answers in
   * milliseconds; a connection that a full listen queue turned away is retried by the client's
   * kernel one second later, and so comes just over it.
   */
  static final Duration PROMPT = Duration.ofSeconds(1);

  /**
   * How long each waits for its first line at all: past the retry at 1 s, before the one at 3 s.
   */
  static final Duration PATIENCE = Duration.ofMillis(2500);

  private LoadChecks() {}

  /**
   * One client of the crowd: how long it waited, and its first line, or why there was none.
   *
   * @param first null when it could not connect
   * @param failure why it could not connect, or null
   */
  private record Arrival(Duration waited, Reply first, String failure) {
    boolean answered() {
      return first != null && first.isLine();
    }

    boolean prompt() {
      return answered() && waited.compareTo(PROMPT) <= 0;
    }

    /** Answered late, or not let in before the connect timeout: what a full listen queue does. */
    boolean turnedAway() {
      return answered() ? !prompt() : failure != null && failure.startsWith("timed out");
    }

    String describe() {
      return failure != null ? failure : first.describe();
    }
  }

  static Verdict manyAtOnce(Probe probe) throws Exception {
    List<Arrival> arrivals = crowd(probe);
    List<Arrival> slow = arrivals.stream().filter(a -> !a.prompt()).toList();
    if (slow.isEmpty()) {
      return Verdict.PASS;
    }
    long turnedAway = slow.stream().filter(Arrival::turnedAway).count();
    boolean servesMany = CLIENTS - slow.size() > 1; // not a server that serves one at a time
    if (servesMany && turnedAway > 0) {
      return Verdict.fail(
          "%d of %d clients that connected at once had no answer within 1 s; %d of them were answered late or not let in: a full listen queue turns connections away, and the client's system retries 1 s later, then 3 s. Is the listen backlog small (listen(5))? Use 128 or more, and accept in a loop that does nothing else"
              .formatted(slow.size(), CLIENTS, turnedAway));
    }
    return Verdict.fail(
        "%d of %d clients that connected at once had no answer to \"/help\" within 1 s (e.g. %s): does the server serve a few clients at a time (one, or a pool of threads)? Give each client its own thread"
            .formatted(slow.size(), CLIENTS, slow.getFirst().describe()));
  }

  /** {@link #CLIENTS} clients connect at the same moment; how each one fared. */
  private static List<Arrival> crowd(Probe probe) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Arrival> arrivals = new ArrayList<>();
    // A thread per client, all released by one latch, so that the connections arrive together.
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Arrival>> futures = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        futures.add(
            clients.submit(() -> {
              go.await();
              return arrive(probe);
            }));
      }
      go.countDown();
      for (Future<Arrival> future : futures) {
        arrivals.add(future.get());
      }
    }
    return arrivals;
  }

  /** Connects, asks for help (answered in any state), and times the first line. */
  private static Arrival arrive(Probe probe) throws InterruptedException {
    long start = System.nanoTime();
    try {
      Wire wire = probe.connect();
      wire.send("/help\n");
      Reply first = wire.readLine(PATIENCE);
      return new Arrival(Duration.ofNanos(System.nanoTime() - start), first, null);
    } catch (Unreachable e) {
      return new Arrival(Duration.ofNanos(System.nanoTime() - start), null, e.getMessage());
    }
  }

  static Verdict othersGoOn(Probe probe) throws Exception {
    SlowReader.Outcome outcome = SlowReader.run(probe);
    if (outcome.stalled() == null) {
      return Verdict.PASS;
    }
    return Verdict.fail(
        "one client (%s) stopped reading; after %s (%s of 8 kB) %s: does one writer block everyone? Give each client its own queue and writer, so that a full socket stops only its own writes"
            .formatted(
                outcome.silent(),
                Quote.size(outcome.bytes()),
                Quote.count(outcome.messages(), "message"),
                outcome.stalled()));
  }

  static Verdict dropped(Probe probe) throws Exception {
    SlowReader.Outcome outcome = SlowReader.run(probe);
    Reply leave = outcome.leave();
    String owed =
        "%s (%s)"
            .formatted(Quote.size(outcome.bytes()), Quote.count(outcome.messages(), "message"));
    String expected = Lines.shown("LEAVE", outcome.silent() + " * dropped");
    if (leave == null && outcome.stalled() != null) {
      return Verdict.fail(
          "the others stalled after %s before %s was dropped (%s): nothing was dropped"
              .formatted(owed, outcome.silent(), outcome.stalled()));
    }
    if (leave == null) {
      return Verdict.fail(
          "%s never read again, and after %s no LEAVE came: drop a client when 1 MiB waits for it, with %s to the others, or its queue grows until the server runs out of memory"
              .formatted(outcome.silent(), owed, expected));
    }
    if (!"dropped".equals(Lines.leaveReason(leave.text(), outcome.silent()))) {
      return Verdict.fail("got %s but expected %s".formatted(leave.describe(), expected));
    }
    if (outcome.bytes() < SlowReader.ONE_MIB) {
      return Verdict.fail(
          "%s was dropped after only %s: a client may fall 1 MiB behind before it is dropped"
              .formatted(outcome.silent(), owed));
    }
    return Verdict.PASS;
  }
}
