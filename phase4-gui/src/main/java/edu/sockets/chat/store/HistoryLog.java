package edu.sockets.chat.store;

import edu.sockets.chat.protocol.Names;
import edu.sockets.chat.protocol.ServerMessage.History;
import edu.sockets.chat.protocol.ServerMessage.Msg;
import edu.sockets.chat.server.MessageHistory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The last N public and room messages: kept in memory, where arrivals read them, and written to the
 * store by a thread of its own, in batches, so that a message costs the chat's lock only an append
 * to two queues and never a disk write.
 *
 * <p>{@link #record} and {@link #recent} are called with the chat's lock held, which guards the
 * in-memory part; the writer thread only ever touches the hand-over queue and the store.
 */
public final class HistoryLog implements MessageHistory, AutoCloseable {

  /** How many rooms' history memory holds; the least recently used beyond that are forgotten. */
  private static final int MAX_PLACES = 1_000;

  /** How many lines wait for the writer at most; beyond that, history stops being saved. */
  private static final int PENDING_LIMIT = 100_000;

  /**
   * How long the writer lets lines gather before it writes them. Under a burst, one transaction
   * then holds many lines, and of the lines of one place only the last N are worth writing: the
   * older ones could never be served again. History reaches the disk within about this time.
   */
  private static final long LINGER_MILLIS = 50;

  /** How long closing waits for the writer to take its last batch to disk. */
  private static final long CLOSE_WAIT_SECONDS = 5;

  private static final Stored STOP = new Stored(null, null, null, null);

  private final int size;
  private final ChatStore store;
  private final Consumer<String> log;
  private final Map<String, Deque<Stored>> places; // by place key; guarded by the chat's lock
  private final BlockingQueue<Stored> pending = new ArrayBlockingQueue<>(PENDING_LIMIT);
  private final Thread writer;
  private long dropped; // guarded by the chat's lock

  /** History of {@code size} lines per place (0: none), starting from what the store holds. */
  public HistoryLog(int size, ChatStore store, Consumer<String> log) {
    this.size = size;
    this.store = store;
    this.log = log;
    this.places =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Deque<Stored>> eldest) {
            return size() > MAX_PLACES;
          }
        };
    if (size > 0) {
      store.recentHistory(size).forEach(this::remember);
    }
    this.writer =
        size == 0
            ? null
            : Thread.ofPlatform().daemon().name("history writer").start(this::writeBatches);
  }

  @Override
  public void record(Msg sent) {
    if (size == 0) {
      return;
    }
    Stored message = new Stored(sent.ts(), sent.from(), sent.to(), sent.text());
    remember(message);
    if (!pending.offer(message) && dropped++ == 0) {
      log.accept("history: the disk is not keeping up; new history is kept in memory only");
    }
  }

  @Override
  public List<History> recent(String place) {
    Deque<Stored> lines = places.get(Names.key(place));
    return lines == null
        ? List.of()
        : lines.stream().map(m -> new History(m.ts(), m.from(), m.to(), m.text())).toList();
  }

  /** Writes what is still waiting, then stops the writer; gives up after a few seconds. */
  @Override
  public void close() throws InterruptedException {
    if (writer != null && pending.offer(STOP, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
      writer.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS)); // a stuck disk must not hang
    }
  }

  private void remember(Stored message) {
    Deque<Stored> lines = places.computeIfAbsent(Names.key(message.to()), k -> new ArrayDeque<>());
    if (lines.size() == size) {
      lines.removeFirst();
    }
    lines.addLast(message);
  }

  /**
   * The writer thread: waits for a line, lets more gather for a moment, then writes the last N of
   * each place among them in one transaction.
   */
  private void writeBatches() {
    List<Stored> batch = new ArrayList<>();
    boolean stopping = false;
    while (!stopping) {
      try {
        batch.add(pending.take());
        if (batch.getFirst() != STOP) {
          Thread.sleep(LINGER_MILLIS); // not synchronisation: a pause to gather a batch
        }
      } catch (InterruptedException e) {
        return; // only a test's abandoned server is interrupted; nothing to save it for
      }
      pending.drainTo(batch);
      stopping = batch.remove(STOP);
      try {
        List<Stored> worth = lastOfEachPlace(batch);
        if (!worth.isEmpty()) {
          store.appendHistory(worth);
        }
      } catch (RuntimeException e) { // a full disk, a broken file: history stays in memory
        log.accept("history: " + e.getMessage());
      }
      batch.clear();
    }
  }

  /** The last {@code size} lines of each place in {@code batch}, in their order. */
  private List<Stored> lastOfEachPlace(List<Stored> batch) {
    Map<String, Integer> left = new HashMap<>();
    List<Stored> kept = new ArrayList<>();
    for (int i = batch.size() - 1; i >= 0; i--) { // newest first: they are the ones to keep
      Stored line = batch.get(i);
      if (left.merge(Names.key(line.to()), 1, Integer::sum) <= size) {
        kept.add(line);
      }
    }
    return kept.reversed();
  }
}
