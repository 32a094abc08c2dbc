package edu.sockets.broadcast;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The load generator: connects N clients that each send M lines and all read everything, then
 * reports what arrived, how fast, and how late.
 *
 * <p>Each line it sends carries its sender's number, a sequence number, the time it was sent (in
 * microseconds since the start) and a checksum: {@code 17 42 1234567 654321}. A receiver gets it as
 * {@code [127.0.0.1:53422] 17 42 1234567 654321} and checks it all: the ip:port against the
 * sender's number, the checksum (a line cut apart or merged with another fails it), and that the
 * sequence number is the next one expected from that sender (order, no loss, no duplicate). The
 * time it arrives minus the time in the line is the delivery latency.
 */
final class LoadGenerator {

  /**
   * What to run. {@code rate} is lines per second per client, 0 for as fast as possible; {@code
   * size} pads each line to that many bytes, 0 for no padding.
   */
  record Settings(
      String host,
      int port,
      int clients,
      int messages,
      double rate,
      int size,
      int nonReaders,
      Duration timeout) {

    long expected() {
      return (long) clients * (clients - 1) * messages;
    }
  }

  /**
   * What happened. Bad lines are corrupted ones and ones that should not have come (a sender's own
   * line). Latencies in microseconds.
   */
  record Result(
      long expected,
      long received,
      long bad,
      long outOfOrder,
      int cutOff,
      long elapsedNanos,
      long p50Micros,
      long p99Micros,
      long maxMicros) {

    long lost() {
      return expected - received;
    }

    boolean ok() {
      return received == expected && bad == 0 && outOfOrder == 0 && cutOff == 0;
    }

    double deliveriesPerSecond() {
      return elapsedNanos == 0 ? 0 : received * 1e9 / elapsedNanos;
    }
  }

  /**
   * Readers and senders run on virtual threads: 2,000 of them for 1,000 clients cost little, and
   * the senders mostly sleep until their next line is due.
   */
  private static final ThreadFactory THREADS = Thread.ofVirtual().name("load-", 0).factory();

  /** How often the first client repeats its "sync" line while we wait for everyone to join. */
  private static final long SYNC_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final Settings settings;
  private final Consumer<String> log;
  private final List<Socket> sockets = new ArrayList<>();
  private final List<Receiver> receivers = new ArrayList<>();

  /** The client number for each local port (-1: none of ours): checks a line's ip:port. */
  private final int[] clientByPort = new int[65536];

  /** Counts down once per reading client but the first, when it sees the first one's sync line. */
  private CountDownLatch joined;

  /** Counts down once per reading client, when it has every line it expects. */
  private CountDownLatch done;

  /** Where time starts: timestamps in lines are microseconds since then. */
  private volatile long origin;

  /** Set when we close the sockets ourselves, so that the errors this causes are not reported. */
  private volatile boolean closing;

  private LoadGenerator(Settings settings, Consumer<String> log) {
    this.settings = settings;
    this.log = log;
    Arrays.fill(clientByPort, -1);
  }

  /** Runs the load described by {@code settings}, printing progress to {@code log}. */
  static Result run(Settings settings, Consumer<String> log)
      throws IOException, InterruptedException {
    warmUp();
    LoadGenerator load = new LoadGenerator(settings, log);
    try {
      return load.run();
    } finally {
      load.closeAll();
    }
  }

  /**
   * Runs the receivers' code on 200,000 made-up lines before the real run. A run of 990,000
   * deliveries lasts well under a second, and without this the JIT compiler would spend part of it
   * compiling that code, on the same two cores as the server: the figures went up by a fifth with
   * it.
   */
  private static void warmUp() {
    int lines = 200_000;
    LoadGenerator idle =
        new LoadGenerator(new Settings("", 0, 2, lines, 0, 0, 0, Duration.ZERO), line -> {});
    idle.clientByPort[1] = 0; // the made-up lines come from port 1, client 0
    idle.done = new CountDownLatch(1);
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    byte[] prefix = "[127.0.0.1:1] ".getBytes(StandardCharsets.US_ASCII);
    byte[] line = new byte[Payload.MIN_SIZE];
    for (int seq = 0; seq < lines; seq++) {
      text.writeBytes(prefix);
      text.write(line, 0, Payload.write(line, 0, seq, seq, 0));
    }
    idle.new Receiver(1, new ByteArrayInputStream(text.toByteArray())).run();
  }

  private Result run() throws IOException, InterruptedException {
    int n = settings.clients();
    joined = new CountDownLatch(n - 1);
    done = new CountDownLatch(n);
    long connecting = System.nanoTime();
    for (int i = 0; i < n + settings.nonReaders(); i++) {
      Socket socket = connect();
      if (i < n) {
        clientByPort[socket.getLocalPort()] = i;
        receivers.add(new Receiver(i, socket.getInputStream()));
      }
    }
    say(
        "Connected %d clients%s to %s:%d in %d ms",
        n,
        settings.nonReaders() > 0 ? " and " + settings.nonReaders() + " that never read" : "",
        settings.host(),
        settings.port(),
        millisSince(connecting));
    List<Thread> threads = new ArrayList<>();
    for (Receiver receiver : receivers) {
      threads.add(start(receiver::run));
    }
    awaitEveryoneJoined();

    origin = System.nanoTime();
    say(
        "Sending: %d clients x %d lines%s, %s",
        n,
        settings.messages(),
        settings.size() > 0 ? " of " + settings.size() + " bytes" : "",
        settings.rate() > 0
            ? BigDecimal.valueOf(settings.rate()).stripTrailingZeros().toPlainString()
                + " lines/s each"
            : "each as fast as it can");
    for (int i = 0; i < n; i++) {
      int client = i;
      OutputStream out = sockets.get(i).getOutputStream();
      threads.add(start(() -> send(client, out)));
    }
    awaitDeliveries();

    closeAll(); // ends the receivers' reads, and any sender still blocked in a write
    for (Thread thread : threads) {
      thread.join(); // after this, every receiver's fields are safe to read on this thread
    }
    return result();
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    sockets.add(socket);
    socket.connect(
        new InetSocketAddress(settings.host(), settings.port()),
        Math.toIntExact(settings.timeout().toMillis()));
    socket.setTcpNoDelay(true); // each line leaves when written, as a typed line would
    return socket;
  }

  /**
   * Waits until every reading client has received a line from the first one: then all of them have
   * joined, and none will miss the start. Works with any broadcast server, whatever its welcome and
   * notices say.
   */
  private void awaitEveryoneJoined() throws IOException, InterruptedException {
    long started = System.nanoTime();
    long deadline = started + settings.timeout().toNanos();
    OutputStream first = sockets.get(0).getOutputStream();
    for (int attempt = 1; joined.getCount() > 0; attempt++) {
      first.write(("sync " + attempt + "\n").getBytes(StandardCharsets.UTF_8));
      joined.await(SYNC_EVERY_NANOS, TimeUnit.NANOSECONDS);
      if (System.nanoTime() > deadline) {
        throw new IOException(
            "%d of %d clients got no line from the first within %d s: is it a broadcast server?"
                .formatted(
                    joined.getCount(), settings.clients() - 1, settings.timeout().toSeconds()));
      }
    }
    say("All joined (a line from the first reached the others) in %d ms", millisSince(started));
  }

  /** One sending client: M lines, on a schedule if a rate was given. */
  private void send(int client, OutputStream out) {
    double rate = settings.rate();
    // Spread the clients' schedules over one interval, so they do not all send at the same
    // instant (no real chat does that).
    long offset = rate > 0 ? (long) (1e9 / rate * client / settings.clients()) : 0;
    byte[] line = new byte[Math.max(Payload.MIN_SIZE, settings.size() + 1)];
    try {
      for (int seq = 0; seq < settings.messages(); seq++) {
        if (rate > 0) {
          sleepUntil(origin + offset + (long) (seq * 1e9 / rate));
        }
        long micros = (System.nanoTime() - origin) / 1000;
        out.write(line, 0, Payload.write(line, client, seq, micros, settings.size()));
      }
    } catch (IOException e) {
      if (!closing) {
        say("Client %d could not send: %s", client, e.getMessage());
      }
    }
  }

  /** Waits for all deliveries, or until none has come for the timeout. */
  private void awaitDeliveries() throws InterruptedException {
    long lastCount = -1;
    long lastProgress = System.nanoTime();
    while (!done.await(100, TimeUnit.MILLISECONDS)) {
      long count = 0;
      for (Receiver receiver : receivers) {
        count += receiver.received;
      }
      if (count != lastCount) {
        lastCount = count;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > settings.timeout().toNanos()) {
        say("No delivery for %d s: giving up waiting", settings.timeout().toSeconds());
        return;
      }
    }
  }

  private Result result() {
    long received = 0;
    long bad = 0;
    long outOfOrder = 0;
    int cutOff = 0;
    long last = origin;
    Histogram latency = new Histogram();
    for (Receiver receiver : receivers) {
      received += receiver.received;
      bad += receiver.bad;
      outOfOrder += receiver.outOfOrder;
      cutOff += receiver.cutOff ? 1 : 0;
      last = Math.max(last, receiver.lastDelivery);
      latency.add(receiver.latency);
    }
    return new Result(
        settings.expected(),
        received,
        bad,
        outOfOrder,
        cutOff,
        last - origin,
        latency.percentile(50),
        latency.percentile(99),
        latency.max());
  }

  /** Prints a result the way the report quotes it. */
  static void print(Result r, Consumer<String> out) {
    out.accept(format("Deliveries expected: %,d", r.expected()));
    out.accept(format("Deliveries received: %,d", r.received()));
    out.accept(
        format(
            "Lost: %,d (%.3f%%)",
            r.lost(), r.expected() == 0 ? 0.0 : 100.0 * r.lost() / r.expected()));
    if (r.cutOff() > 0) {
      out.accept(format("Clients the server disconnected before the end: %,d", r.cutOff()));
    }
    out.accept(
        format(
            "Bad lines (corrupted, or the sender's own): %,d; out of order: %,d",
            r.bad(), r.outOfOrder()));
    out.accept(
        format(
            "Time: %.3f s (first send to last delivery), %,.0f deliveries/s",
            r.elapsedNanos() / 1e9, r.deliveriesPerSecond()));
    out.accept(
        format(
            "Latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms",
            r.p50Micros() / 1e3, r.p99Micros() / 1e3, r.maxMicros() / 1e3));
  }

  private void closeAll() {
    closing = true;
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing is all we want; a socket that fails to close is closed anyway.
      }
    }
  }

  private void say(String format, Object... args) {
    log.accept(format(format, args));
  }

  /** Numbers the same way everywhere (990,000 and 0.5), whatever the machine's language. */
  private static String format(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static Thread start(Runnable task) {
    Thread thread = THREADS.newThread(task);
    thread.start();
    return thread;
  }

  private static void sleepUntil(long nanoTime) {
    for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }

  private static long millisSince(long nanoTime) {
    return (System.nanoTime() - nanoTime) / 1_000_000;
  }

  /**
   * One reading client: reads everything that arrives, and checks and times each load line. It
   * parses bytes in place: at millions of lines a second, making a String of each would cost more
   * than the rest of the work.
   */
  private final class Receiver {
    final int self;
    final InputStream in;
    final long expected = (long) (settings.clients() - 1) * settings.messages();

    /** The sequence number expected next from each sender. */
    final int[] next = new int[settings.clients()];

    /** The four numbers of the line being checked; reused, so checking allocates nothing. */
    final long[] fields = new long[4];

    /** Written by this receiver's thread only, read by the main thread to see progress. */
    volatile long received;

    long bad;
    long outOfOrder;
    long lastDelivery;
    boolean synced;
    boolean cutOff;
    final Histogram latency = new Histogram();

    Receiver(int self, InputStream in) {
      this.self = self;
      this.in = in;
    }

    void run() {
      LineReader lines = new LineReader(in, BroadcastClient.MAX_RECEIVED_LINE_BYTES);
      try {
        for (int length = lines.next(); length >= 0; length = lines.next()) {
          if (check(lines.bytes(), lines.lineStart(), length)) {
            received++; // one writer, so no update is lost; volatile, so the main thread sees it
            if (received == expected) {
              done.countDown();
            }
          }
        }
      } catch (IOException e) {
        // closeAll() ended the read, or the connection broke: either way, no more is coming.
      }
      if (!closing && received < expected) {
        cutOff = true; // the server closed us before we had everything: do not wait for us
        done.countDown();
      }
    }

    /** Checks one line; true if it is the next good load line from its sender, now timed. */
    private boolean check(byte[] bytes, int start, int length) {
      long now = System.nanoTime();
      int end = start + length;
      if (length >= 3 && bytes[start] == '*' && bytes[start + 1] == '*') {
        return false; // a server notice: welcome, joined, left
      }
      int close = indexOf(bytes, start, end, (byte) ']');
      if (length == 0 || bytes[start] != '[' || close < 0 || close + 2 >= end) {
        bad++;
        return false;
      }
      int colon = lastIndexOf(bytes, start, close, (byte) ':');
      long port = colon < 0 ? -1 : Payload.parseNumber(bytes, colon + 1, close);
      int sender = port < 0 || port > 65535 ? -1 : clientByPort[(int) port];
      if (bytes[close + 2] == 's') { // "sync N" from the first client, before the start
        if (!synced && sender == 0 && self != 0) {
          synced = true;
          joined.countDown();
        }
        return false;
      }
      if (!Payload.parse(bytes, close + 2, end, fields) || fields[0] != sender || sender == self) {
        bad++;
        return false;
      }
      if (fields[1] != next[sender]) {
        outOfOrder++;
        next[sender] = (int) fields[1] + 1;
        return false;
      }
      next[sender]++;
      latency.record((now - origin) / 1000 - fields[2]);
      lastDelivery = now;
      return true;
    }
  }

  private static int indexOf(byte[] bytes, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(byte[] bytes, int from, int to, byte b) {
    for (int i = to - 1; i >= from; i--) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The text of a load line, written and parsed as bytes: {@code sender seq micros check}, then, if
   * a size was asked for, a space and as many dots as it takes.
   */
  static final class Payload {

    /** Room for the four numbers, their spaces and the LF. */
    static final int MIN_SIZE = 64;

    private Payload() {}

    static long checksum(long sender, long seq, long micros) {
      return (sender * 1_000_003 + seq * 10_007 + micros) % 1_000_000;
    }

    /**
     * Writes the line, with its LF, into {@code line}, padded to {@code size} bytes before the LF
     * if it is shorter; returns its length.
     */
    static int write(byte[] line, int sender, int seq, long micros, int size) {
      int at = writeNumber(line, 0, sender);
      line[at++] = ' ';
      at = writeNumber(line, at, seq);
      line[at++] = ' ';
      at = writeNumber(line, at, micros);
      line[at++] = ' ';
      at = writeNumber(line, at, checksum(sender, seq, micros));
      if (at < size) {
        line[at++] = ' ';
        Arrays.fill(line, at, size, (byte) '.');
        at = size;
      }
      line[at++] = '\n';
      return at;
    }

    /**
     * Reads the four numbers of a load line into {@code fields}; false if it is not one: a field
     * missing or not a number, a wrong checksum, or padding that is not all dots.
     */
    static boolean parse(byte[] bytes, int from, int to, long[] fields) {
      int at = from;
      for (int i = 0; i < 4; i++) {
        int space = indexOf(bytes, at, to, (byte) ' ');
        int fieldEnd = space < 0 ? to : space;
        fields[i] = i < 3 && space < 0 ? -1 : parseNumber(bytes, at, fieldEnd);
        if (fields[i] < 0) {
          return false;
        }
        at = fieldEnd + 1;
      }
      for (int i = at; i < to; i++) {
        if (bytes[i] != '.') {
          return false;
        }
      }
      return fields[3] == checksum(fields[0], fields[1], fields[2]);
    }

    /** The decimal number in {@code bytes[from..to)}, or -1 if it is not one. */
    static long parseNumber(byte[] bytes, int from, int to) {
      if (from >= to || to - from > 18) {
        return -1;
      }
      long value = 0;
      for (int i = from; i < to; i++) {
        int digit = bytes[i] - '0';
        if (digit < 0 || digit > 9) {
          return -1;
        }
        value = value * 10 + digit;
      }
      return value;
    }

    private static int writeNumber(byte[] line, int at, long value) {
      String digits = Long.toString(value);
      for (int i = 0; i < digits.length(); i++) {
        line[at + i] = (byte) digits.charAt(i);
      }
      return at + digits.length();
    }
  }

  /**
   * Latencies in microseconds, counted in buckets about 3% wide instead of kept one by one: a
   * million deliveries take a few KiB, not 8 MB, and percentiles come out in microseconds. Values
   * below 64 get a bucket each; above, each power of two is cut into 32 buckets.
   */
  static final class Histogram {
    private static final int SUB_BUCKETS = 32;
    private final long[] counts = new long[64 + 58 * SUB_BUCKETS];
    private long total;
    private long max;

    void record(long micros) {
      long value = Math.max(0, micros);
      counts[bucket(value)]++;
      total++;
      max = Math.max(max, value);
    }

    void add(Histogram other) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] += other.counts[i];
      }
      total += other.total;
      max = Math.max(max, other.max);
    }

    long max() {
      return max;
    }

    /** The smallest value that at least {@code percent}% of values are at or below (±3%). */
    long percentile(double percent) {
      long rank = (long) Math.ceil(total * percent / 100);
      long seen = 0;
      for (int i = 0; i < counts.length; i++) {
        seen += counts[i];
        if (seen >= rank && seen > 0) {
          return Math.min(upperBound(i), max);
        }
      }
      return 0;
    }

    private static int bucket(long value) {
      if (value < 64) {
        return (int) value;
      }
      int power = 63 - Long.numberOfLeadingZeros(value); // 6 and up
      int sub = (int) (value >>> (power - 5)) & (SUB_BUCKETS - 1);
      return 64 + (power - 6) * SUB_BUCKETS + sub;
    }

    private static long upperBound(int bucket) {
      if (bucket < 64) {
        return bucket;
      }
      int power = (bucket - 64) / SUB_BUCKETS + 6;
      int sub = (bucket - 64) % SUB_BUCKETS;
      return ((long) (SUB_BUCKETS + sub + 1) << (power - 5)) - 1;
    }
  }
}
