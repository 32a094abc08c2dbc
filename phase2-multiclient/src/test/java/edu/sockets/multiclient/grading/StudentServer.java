package edu.sockets.multiclient.grading;

import static java.nio.charset.StandardCharsets.UTF_8;

import edu.sockets.grading.GalleryServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * A Phase 2 server as a student might write it, right in every way chapter 2 asks: a thread per
 * client, a long accept queue, lines framed and decoded whole, control characters shown, over-long
 * lines refused. Each server of the gallery overrides one step to add one fault.
 */
class StudentServer implements GalleryServer {

  static final int MAX_LINE_BYTES = MultiClientRubric.MAX_LINE_BYTES;

  private final ServerSocket listener;
  private final boolean threadPerClient;
  private final Thread acceptLoop;

  StudentServer() throws IOException {
    this(4096, true);
  }

  /**
   * @param backlog the accept queue's length, as given to listen()
   * @param threadPerClient false to serve each client on the accept loop's thread, to the end
   */
  StudentServer(int backlog, boolean threadPerClient) throws IOException {
    this.listener = new ServerSocket(0, backlog, InetAddress.getLoopbackAddress());
    this.threadPerClient = threadPerClient;
    this.acceptLoop = Thread.ofPlatform().daemon().name("gallery accept loop").start(this::run);
  }

  @Override
  public int port() {
    return listener.getLocalPort();
  }

  private void run() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // close() closed the listener
      }
      if (threadPerClient) {
        // Platform threads, which the kernel preempts: a client busy with a flood of lines cannot
        // keep another server's clients, or another test's, from running.
        Thread.ofPlatform().daemon().start(() -> serve(client));
      } else {
        serve(client);
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      converse(client, client.getInetAddress().getHostAddress() + ":" + client.getPort());
    } catch (IOException e) {
      // This client's conversation failed (a reset, a crash): the others go on.
    }
  }

  /** Answers each line until the client leaves, as chapter 2 says. */
  void converse(Socket client, String who) throws IOException {
    InputStream in = input(client);
    OutputStream out = client.getOutputStream();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean skipping = false; // from the moment a line passes the limit until its line feed
    byte[] chunk = new byte[8192];
    for (int count = in.read(chunk); count != -1; count = in.read(chunk)) {
      int from = 0;
      while (from < count) {
        int lf = indexOf(chunk, from, count);
        if (!skipping) {
          line.write(chunk, from, lf - from);
          if (line.size() > MAX_LINE_BYTES + 1) { // over the limit, even if a CR ends it
            send(out, MultiClientRubric.tooLong(who));
            skipping = true;
            line.reset();
          }
        }
        if (lf < count) { // the line is complete
          if (!skipping && !answer(out, who, lineText(line.toByteArray()))) {
            return;
          }
          skipping = false;
          line.reset();
        }
        from = lf + 1;
      }
    }
  }

  /** The index of the first line feed in {@code bytes[from, to)}, or {@code to}. */
  private static int indexOf(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return to;
  }

  /** The line, without a CR at its end; null when it is over the limit. */
  private static String lineText(byte[] bytes) {
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    return length > MAX_LINE_BYTES ? null : new String(bytes, 0, length, UTF_8);
  }

  /** Answers one line (null: over the limit); false once the client has said goodbye. */
  boolean answer(OutputStream out, String who, String line) throws IOException {
    if (line == null) {
      send(out, MultiClientRubric.tooLong(who));
    } else if (isExit(line)) {
      send(out, MultiClientRubric.goodbye(who));
      return false;
    } else {
      send(out, reply(who, line));
    }
    return true;
  }

  /** Where the client's bytes are read from. */
  InputStream input(Socket client) throws IOException {
    return client.getInputStream();
  }

  boolean isExit(String line) {
    return line.strip().equals("/exit");
  }

  String reply(String who, String line) {
    return MultiClientRubric.reply(who, visible(line));
  }

  static String visible(String text) {
    return text.codePoints()
        .mapToObj(c -> Character.isISOControl(c) ? "\\x%02x".formatted(c) : Character.toString(c))
        .collect(Collectors.joining());
  }

  static void send(OutputStream out, String line) throws IOException {
    out.write((line + "\n").getBytes(UTF_8));
  }

  @Override
  public void close() throws IOException, InterruptedException {
    listener.close();
    acceptLoop.join(Duration.ofSeconds(5));
  }
}
