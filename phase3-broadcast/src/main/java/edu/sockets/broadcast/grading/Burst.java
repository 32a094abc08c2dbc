package edu.sockets.broadcast.grading;

import edu.sockets.grading.Probe;
import edu.sockets.grading.Quote;
import edu.sockets.grading.Reply;
import edu.sockets.grading.Unreachable;
import edu.sockets.grading.Verdict;
import edu.sockets.grading.Wire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 100 clients connect at the same moment, and each must be answered within a second: welcomed, or
 * announced to a client already online. On Linux a full accept queue drops the connection's
 * packets, and the client sends them again only a second later: a small listen backlog shows here.
 */
final class Burst {

  static final int CLIENTS = 100;

  static final Duration LIMIT = Duration.ofSeconds(1);

  /** How long each client is watched: long enough to see those that waited a second. */
  private static final Duration WATCH = LIMIT.multipliedBy(2);

  private static final Duration GLANCE = Duration.ofMillis(20);

  /** An {@code ip:port} in what the watcher hears: {@code 10.0.0.7:5003}, {@code [::1]:5003}. */
  private static final Pattern ENDPOINT =
      Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-fA-F:.]+\\]):\\d+");

  /**
   * One client of the burst: when it began to connect, and when it was answered (-1: not); a null
   * name if it could not connect.
   */
  private record Arrival(String name, long startNanos, long answeredNanos) {}

  private Burst() {}

  static Verdict check(Probe probe) throws Exception {
    Member watcher = Member.join(probe, 1).getFirst();
    watcher.forgetPending();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Arrival>> arrivals = new ArrayList<>();
    Map<String, Long> heard = new ConcurrentHashMap<>(); // ip:port -> when the watcher heard it
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < CLIENTS; i++) {
        arrivals.add(clients.submit(() -> arrive(probe, go, heard)));
      }
      go.countDown(); // all at once: their handshakes reach the server together
      watch(watcher, heard, arrivals, System.nanoTime() + WATCH.toNanos());
    } // waits for every client, each done within its watch
    List<Arrival> done = new ArrayList<>();
    for (Future<Arrival> arrival : arrivals) {
      done.add(arrival.get());
    }
    return judge(done, heard, probe.timing().connect());
  }

  /** One client: connects, and waits for its first bytes, or for the watcher to hear of it. */
  private static Arrival arrive(Probe probe, CountDownLatch go, Map<String, Long> heard)
      throws InterruptedException {
    go.await();
    long start = System.nanoTime();
    Wire wire;
    try {
      wire = probe.connect();
    } catch (Unreachable e) {
      return new Arrival(null, start, -1); // refused, or timed out: its handshake was dropped
    }
    long deadline = start + WATCH.toNanos();
    String name = wire.localEndpoint();
    while (wire.received() == 0 && !heard.containsKey(name) && System.nanoTime() < deadline) {
      if (wire.readLine(GLANCE).ended()) {
        break;
      }
    }
    long answered = wire.received() > 0 ? System.nanoTime() : -1;
    return new Arrival(name, start, answered);
  }

  /** Notes when the watcher first hears each ip:port, until every client is done. */
  private static void watch(
      Member watcher, Map<String, Long> heard, List<Future<Arrival>> arrivals, long deadline) {
    StringBuilder unfinished = new StringBuilder(); // a line heard in pieces, so far
    while (System.nanoTime() < deadline && !arrivals.stream().allMatch(Future::isDone)) {
      Reply reply = watcher.readLine(GLANCE);
      if (reply.bytes().length == 0) {
        if (reply.ended()) {
          return;
        }
        continue;
      }
      long now = System.nanoTime();
      unfinished.append(reply.text());
      Matcher endpoint = ENDPOINT.matcher(unfinished);
      while (endpoint.find()) {
        heard.putIfAbsent(endpoint.group(), now);
      }
      if (reply.isLine() || unfinished.length() > 10_000) {
        unfinished.setLength(0);
      }
    }
  }

  private static Verdict judge(List<Arrival> arrivals, Map<String, Long> heard, Duration connect) {
    int late = 0;
    int unanswered = 0;
    int refused = 0;
    long slowest = 0;
    for (Arrival arrival : arrivals) {
      if (arrival.name() == null) {
        refused++;
        continue;
      }
      long answered = arrival.answeredNanos() < 0 ? Long.MAX_VALUE : arrival.answeredNanos();
      answered = Math.min(answered, heard.getOrDefault(arrival.name(), Long.MAX_VALUE));
      if (answered == Long.MAX_VALUE) {
        unanswered++;
      } else {
        slowest = Math.max(slowest, answered - arrival.startNanos());
        late += answered - arrival.startNanos() >= LIMIT.toNanos() ? 1 : 0;
      }
    }
    if (late + unanswered + refused == 0) {
      return Verdict.PASS;
    }
    if (unanswered == CLIENTS) {
      return Verdict.fail(
          "none of %d clients that connected at once was answered within %s: neither welcomed nor announced to a client already online"
              .formatted(CLIENTS, Quote.seconds(WATCH)));
    }
    List<String> what = new ArrayList<>();
    if (late > 0) {
      what.add(
          "%d were answered after 1 s or more (the slowest after %s)"
              .formatted(late, Quote.seconds(Duration.ofNanos(slowest))));
    }
    if (unanswered > 0) {
      what.add("%d got no answer within %s".formatted(unanswered, Quote.seconds(WATCH)));
    }
    if (refused > 0) {
      what.add("%d could not connect within %s".formatted(refused, Quote.seconds(connect)));
    }
    return Verdict.fail(
        "of %d clients that connected at once, %s. A full accept queue drops a connection and the client tries again a second later: is the listen backlog small (listen(5))? Make it 128 or more"
            .formatted(CLIENTS, String.join(", ", what)));
  }
}
