package edu.sockets.hello.grading;

import edu.sockets.grading.GalleryServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A Phase 1 server as students run theirs: each life serves one client and ends, and a loop (here a
 * thread, in class a shell's {@code while true}) starts the next life on the same port. A life that
 * throws has crashed; the loop starts the next one all the same.
 */
abstract class LoopedServer implements GalleryServer {

  private final boolean reuseAddress;
  private final int port;
  private final Thread loop;
  private volatile boolean stopped;
  private volatile ServerSocket listener;

  /**
   * @param reuseAddress false to bind as a C or Python server does by default: without
   *     SO_REUSEADDR, so that a connection left in TIME_WAIT stops the next life from binding
   */
  LoopedServer(boolean reuseAddress) throws IOException {
    this.reuseAddress = reuseAddress;
    ServerSocket first = bind(0);
    this.port = first.getLocalPort();
    this.listener = first;
    this.loop = Thread.ofPlatform().daemon().name("looped server").start(this::run);
  }

  LoopedServer() throws IOException {
    this(true);
  }

  @Override
  public int port() {
    return port;
  }

  /** What one life does with its one client; the socket is closed after. */
  abstract void serve(Socket client) throws IOException;

  private void run() {
    while (!stopped) {
      ServerSocket life = listener;
      if (life != null) {
        try (life;
            Socket client = life.accept()) {
          serve(client);
        } catch (IOException e) {
          // This life crashed, or was stopped; the loop goes on as a shell loop would.
        }
      }
      listener = nextLife();
    }
  }

  /**
   * The next life's listener, or null while the port cannot be bound (as the shell loop retries).
   */
  private ServerSocket nextLife() {
    try {
      return bind(port);
    } catch (IOException e) {
      try {
        Thread.sleep(100); // a shell loop restarting a server that failed to bind
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        stopped = true;
      }
      return null;
    }
  }

  private ServerSocket bind(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(reuseAddress);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    if (stopped) {
      socket.close();
    }
    return socket;
  }

  @Override
  public void close() throws InterruptedException, IOException {
    stopped = true;
    ServerSocket life = listener;
    if (life != null) {
      life.close();
    }
    loop.join(Duration.ofSeconds(5));
  }

  /** Reads one line as chapter 1's server does: bytes up to LF, at most 8,192 of them. */
  static String readLine(Socket client) throws IOException {
    InputStream in = client.getInputStream();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1 || line.size() > HelloRubric.MAX_LINE_BYTES) {
        throw new IOException("no line");
      }
      line.write(b);
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  static void send(Socket client, String text) throws IOException {
    OutputStream out = client.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
