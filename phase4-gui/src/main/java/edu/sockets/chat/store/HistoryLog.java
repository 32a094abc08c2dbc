package edu.sockets.chat.store;

import edu.sockets.chat.protocol.Names;
import edu.sockets.chat.protocol.ServerMessage.History;
import edu.sockets.chat.protocol.ServerMessage.Msg;
import edu.sockets.chat.server.MessageHistory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The last N public and room messages: kept in memory, where arrivals read them, and written to the
 * store by a thread of its own, so that a message costs the chat's lock an append to memory and
 * never a disk write. The writer does not take every line: it wakes when a place has new lines,
 * lets more gather, then writes the new lines among each place's last N (older ones could never be
 * served again) in one transaction.
 *
 * <p>This object's monitor guards the memory; the chat's lock is held around {@link #record} and
 * {@link #recent}, so the writer thread is the only other one that takes the monitor.
 */
public final class HistoryLog implements MessageHistory, AutoCloseable {

  /** How many rooms' history memory holds; the least recently used beyond that are forgotten. */
  private static final int MAX_PLACES = 1_000;

  /** How long the writer lets lines gather; history reaches the disk within about this time. */
  private static final long LINGER_MILLIS = 50;

  /** How long closing waits for the writer to take its last batch to disk. */
  private static final long CLOSE_WAIT_SECONDS = 5;

  private final int size;
  private final ChatStore store;
  private final Consumer<String> log;
  private final Map<String, Deque<Stored>> places; // the last lines of each place, by its key
  private final Map<String, Integer> unwritten = new LinkedHashMap<>(); // new lines, by place key
  private final Thread writer;
  private boolean closing;

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
  public synchronized void record(Msg sent) {
    if (size == 0) {
      return;
    }
    String key = remember(new Stored(sent.ts(), sent.from(), sent.to(), sent.text()));
    if (unwritten.isEmpty()) {
      notifyAll(); // the writer waits for a first new line
    }
    unwritten.merge(key, 1, Integer::sum);
  }

  @Override
  public synchronized List<History> recent(String place) {
    Deque<Stored> lines = places.get(Names.key(place));
    return lines == null
        ? List.of()
        : lines.stream().map(m -> new History(m.ts(), m.from(), m.to(), m.text())).toList();
  }

  /** Writes what is still new, then stops the writer; gives up after a few seconds. */
  @Override
  public void close() throws InterruptedException {
    synchronized (this) {
      closing = true;
      notifyAll();
    }
    if (writer != null) {
      writer.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS)); // a stuck disk must not hang
    }
  }

  private String remember(Stored message) {
    String key = Names.key(message.to());
    Deque<Stored> lines = places.computeIfAbsent(key, k -> new ArrayDeque<>());
    if (lines.size() == size) {
      lines.removeFirst();
    }
    lines.addLast(message);
    return key;
  }

  /** The writer thread: waits for new lines, lets more gather for a moment, writes them. */
  private void writeBatches() {
    try {
      while (waitForNewLines()) {
        Thread.sleep(LINGER_MILLIS); // not synchronisation: a pause to gather a batch
        write(takeNewLines());
      }
      write(takeNewLines()); // closing: what came last
    } catch (InterruptedException e) {
      // only a test's abandoned server is interrupted; nothing to save it for
    }
  }

  /** True when there are new lines to write; false when closing. */
  private synchronized boolean waitForNewLines() throws InterruptedException {
    while (unwritten.isEmpty() && !closing) {
      wait();
    }
    return !closing;
  }

  /** The new lines among the last N of each place, and forgets that they are new. */
  private synchronized List<Stored> takeNewLines() {
    List<Stored> batch = new ArrayList<>();
    unwritten.forEach((key, count) -> {
      Deque<Stored> lines = places.get(key);
      if (lines != null) { // null: forgotten, being the least recently used of too many
        lines.stream().skip(Math.max(0, lines.size() - count)).forEach(batch::add);
      }
    });
    unwritten.clear();
    return batch;
  }

  private void write(List<Stored> batch) {
    try {
      if (!batch.isEmpty()) {
        store.appendHistory(batch);
      }
    } catch (RuntimeException e) { // a full disk, a broken file: history stays in memory
      log.accept("history: " + e.getMessage());
    }
  }
}
