package edu.sockets.chat.server;

import edu.sockets.chat.protocol.Names;
import edu.sockets.chat.server.ChatStore.Stored;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * The last N public and room messages: kept in memory, where arrivals read them, and written to the
 * store by a thread of its own, in batches, so that a message costs the chat's lock only an append
 * to two queues and never a disk write.
 *
 * <p>{@link #record} and {@link #recent} are called with the chat's lock held, which guards the
 * in-memory part; the writer thread only ever touches the hand-over queue and the store.
 */
final class HistoryLog implements AutoCloseable {

  /** How many rooms' history memory holds; the least recently used beyond that are forgotten. */
  private static final int MAX_PLACES = 1_000;

  /** How many lines wait for the writer at most; beyond that, history stops being saved. */
  private static final int PENDING_LIMIT = 100_000;

  /** How many lines one transaction writes at most. */
  private static final int BATCH = 1_000;

  private static final Stored STOP = new Stored(null, null, null, null);

  private final int size;
  private final ChatStore store;
  private final Consumer<String> log;
  private final Map<String, Deque<Stored>> places; // by place key; guarded by the chat's lock
  private final BlockingQueue<Stored> pending = new ArrayBlockingQueue<>(PENDING_LIMIT);
  private final Thread writer;
  private long dropped; // guarded by the chat's lock

  /** History of {@code size} lines per place (0: none), starting from what the store holds. */
  HistoryLog(int size, ChatStore store, Consumer<String> log) {
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

  /** Keeps a public ({@code to} is {@code *}) or room message. */
  void record(Stored message) {
    if (size == 0) {
      return;
    }
    remember(message);
    if (!pending.offer(message) && dropped++ == 0) {
      log.accept("history: the disk is not keeping up; new history is kept in memory only");
    }
  }

  /** The last lines of {@code place} ({@code *} or a room), oldest first. */
  List<Stored> recent(String place) {
    Deque<Stored> lines = places.get(Names.key(place));
    return lines == null ? List.of() : List.copyOf(lines);
  }

  /** Writes what is still waiting, then stops the writer. */
  @Override
  public void close() throws InterruptedException {
    if (writer != null) {
      pending.put(STOP);
      writer.join();
    }
  }

  private void remember(Stored message) {
    Deque<Stored> lines = places.computeIfAbsent(Names.key(message.to()), k -> new ArrayDeque<>());
    if (lines.size() == size) {
      lines.removeFirst();
    }
    lines.addLast(message);
  }

  /** The writer thread: waits for a line, takes whatever else waits too, writes all at once. */
  private void writeBatches() {
    List<Stored> batch = new ArrayList<>(BATCH);
    boolean stopping = false;
    while (!stopping) {
      try {
        batch.add(pending.take());
      } catch (InterruptedException e) {
        return; // only a test's abandoned server is interrupted; nothing to save it for
      }
      pending.drainTo(batch, BATCH - 1);
      stopping = batch.remove(STOP);
      try {
        if (!batch.isEmpty()) {
          store.appendHistory(batch);
        }
      } catch (ChatStore.StoreException e) {
        log.accept("history: " + e.getMessage());
      }
      batch.clear();
    }
  }
}
