package edu.sockets.broadcast.grading;

import static java.nio.charset.StandardCharsets.UTF_8;

import edu.sockets.grading.GalleryServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A broadcast server as chapter 3 specifies it, written small, as a student might: a thread per
 * client reads its lines, and a queue and a writer per client send to it. Each server of the
 * gallery overrides one method of it with a fault that real student servers have.
 */
class StudentServer implements GalleryServer {

  static final int MAX_LINE_BYTES = 8192;
  static final int MAX_QUEUED_BYTES = 1 << 20;

  /** What {@link #readLine} returns for a line over the limit. */
  private static final byte[] TOO_LONG = new byte[0];

  /** Placed last in a client's queue: its writer closes the connection when it gets there. */
  private static final byte[] END = new byte[0];

  private final ServerSocket listener;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  final List<Client> clients = new CopyOnWriteArrayList<>();

  /** One connected client: its socket, its ip:port, the lines waiting for it. */
  static final class Client {
    final Socket socket;
    final String name;
    final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    final AtomicInteger queued = new AtomicInteger();

    Client(Socket socket) {
      this.socket = socket;
      this.name = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }
  }

  StudentServer() throws IOException {
    this(1024);
  }

  StudentServer(int backlog) throws IOException {
    listener = new ServerSocket(0, backlog, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("chat server").start(this::acceptLoop);
  }

  @Override
  public int port() {
    return listener.getLocalPort();
  }

  private void acceptLoop() {
    while (true) {
      try {
        Socket socket = listener.accept();
        accepted();
        threads.execute(() -> serve(new Client(socket)));
      } catch (IOException | InterruptedException | RejectedExecutionException e) {
        return; // closed: the test is over
      }
    }
  }

  /** What the accept loop does after each accept, before the next. */
  void accepted() throws InterruptedException {}

  private void serve(Client client) {
    join(client);
    threads.execute(() -> write(client));
    String reason = readLines(client);
    leave(client, reason);
    if (reason.equals("/exit")) {
      deliver(client, notice("*** Goodbye " + client.name + "."));
    }
    client.queue.add(END);
  }

  private synchronized void join(Client client) {
    String welcome = welcome(client, clients.size());
    if (welcome != null) {
      deliver(client, notice(welcome));
    }
    clients.add(client);
    sendToOthers(client, notice("*** " + client.name + " joined"));
  }

  /** The newcomer's first line; null sends none. */
  String welcome(Client client, int others) {
    return "*** Welcome " + client.name + "! Others online: " + others + ". Send /exit to leave.";
  }

  synchronized void leave(Client client, String reason) {
    if (clients.contains(client)) {
      forget(client);
      sendToOthers(client, notice("*** " + client.name + " left (" + reason + ")"));
    }
  }

  /** Takes a client that left off the list. */
  void forget(Client client) {
    clients.remove(client);
  }

  /** Reads the client's lines until it leaves; returns why it left. */
  String readLines(Client client) {
    try {
      InputStream in = new BufferedInputStream(client.socket.getInputStream());
      for (byte[] line = readLine(in); line != null; line = readLine(in)) {
        if (line == TOO_LONG) {
          deliver(client, notice("*** Line too long (over 8192 bytes): not sent."));
          continue;
        }
        String text = decode(line);
        if (isExit(text)) {
          return "/exit";
        }
        String clean = clean(text);
        if (!clean.isEmpty()) {
          sendToOthers(client, (relayed(client, clean) + "\n").getBytes(UTF_8));
        }
      }
      return "closed the connection";
    } catch (IOException e) {
      return reason(e);
    }
  }

  /** Why a client whose read failed left. */
  static String reason(IOException e) {
    return String.valueOf(e.getMessage()).contains("reset")
        ? "connection reset"
        : "connection lost";
  }

  /** A line's text: bytes that are not UTF-8 become U+FFFD. */
  String decode(byte[] line) throws IOException {
    return new String(line, UTF_8);
  }

  /** True for the line that asks to leave. */
  boolean isExit(String text) {
    return text.strip().equals("/exit");
  }

  /** A line as the others get it. */
  String relayed(Client sender, String text) {
    return "[" + sender.name + "] " + text;
  }

  /** The text without the characters a terminal obeys: C0 but TAB, DEL, C1. */
  String clean(String text) {
    return text.replaceAll("[\\x00-\\x08\\x0a-\\x1f\\x7f-\\x9f]", "");
  }

  /** A {@code ***} notice as it is sent. */
  byte[] notice(String text) {
    return (text + "\n").getBytes(UTF_8);
  }

  /** Sends the line to every client but {@code sender}. */
  void sendToOthers(Client sender, byte[] line) {
    for (Client client : clients) {
      if (client != sender) {
        deliver(client, line);
      }
    }
  }

  /** Queues a line for the client's writer; a client more than 1 MiB behind is dropped. */
  void deliver(Client client, byte[] line) {
    if (client.queued.addAndGet(line.length) > MAX_QUEUED_BYTES) {
      drop(client);
    } else {
      client.queue.add(line);
    }
  }

  private synchronized void drop(Client client) {
    if (clients.remove(client)) {
      close(client.socket);
      String left = "*** " + client.name + " left (dropped by the server: not reading)";
      sendToOthers(client, notice(left));
    }
  }

  private void write(Client client) {
    try {
      OutputStream out = client.socket.getOutputStream();
      for (byte[] line = client.queue.take(); line != END; line = client.queue.take()) {
        out.write(line);
        client.queued.addAndGet(-line.length);
      }
      close(client.socket); // after the last line: the client has left
    } catch (IOException | InterruptedException e) {
      // Broken, or dropped: the reader's next read fails too, and says why.
    }
  }

  /** The next line without its LF (and a CR before it); null at the end of the stream. */
  private static byte[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1) {
        return line.size() == 0 ? null : line.toByteArray();
      }
      if (line.size() == MAX_LINE_BYTES + 1) { // + 1: room for the CR of a CR LF
        while (b != '\n' && b != -1) {
          b = in.read(); // the rest of the over-long line, thrown away
        }
        return TOO_LONG;
      }
      line.write(b);
    }
    byte[] bytes = line.toByteArray();
    int length =
        bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
    return length > MAX_LINE_BYTES ? TOO_LONG : Arrays.copyOf(bytes, length);
  }

  static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closed already: nothing more to release.
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    clients.forEach(client -> close(client.socket));
    threads.shutdownNow();
  }
}
