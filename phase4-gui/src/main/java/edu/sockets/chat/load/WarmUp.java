package edu.sockets.chat.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Runs the code of a run's busiest loops before the run, so that the JIT compiler has compiled it
 * by the time the clock starts. A 100 x 100 run lasts under half a second; without this, the
 * compiler did its work during the run, on the same two cores as the server: Flight Recorder
 * counted about 0.3 s of compiling the checks in one 0.39 s run, and 0.1 s compiling the sending
 * code once the checks were warmed up.
 */
final class WarmUp {

  /** Made-up lines the checks run on before connecting. */
  private static final int LINES = 200_000;

  private WarmUp() {}

  static void run() throws InterruptedException {
    checks();
    try {
      sending();
    } catch (IOException e) {
      // Only the speed of the run depends on it: a machine that refuses us a loopback connection
      // gets the run without it, and the error it cares about, if any, when the users connect.
    }
  }

  /** The checks of {@link Inbox}, on made-up lines fed in pieces, as a socket delivers them. */
  private static void checks() {
    StringBuilder text = new StringBuilder("INFO Welcome\nWELCOME ld0000-0\n");
    for (int i = 0; i < LINES; i++) {
      int sender = i % 2;
      text.append("MSG 2026-11-22T05:55:40.096Z ld0000-")
          .append(sender)
          .append(" * ")
          .append(Inbox.text(sender, i / 2, i))
          .append('\n');
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
    Inbox inbox = new Inbox("ld0000-", 2);
    byte[] buffer = new byte[64 * 1024];
    int kept = 0;
    for (int at = 0; at < bytes.length; at += 4096) {
      int n = Math.min(4096, bytes.length - at);
      System.arraycopy(bytes, at, buffer, kept, n);
      kept = inbox.take(buffer, kept + n, 0, LINES * 1_000L);
    }
    if (inbox.received != LINES || inbox.corrupted + inbox.misordered > 0) {
      throw new IllegalStateException("the load checks fail on their own made-up lines");
    }
  }

  /** Sending, through a loopback connection of our own to a thread that reads and forgets. */
  private static void sending() throws IOException, InterruptedException {
    try (ServerSocketChannel sink =
            ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        SocketChannel channel = SocketChannel.open(sink.getLocalAddress())) {
      Thread reader = Thread.ofVirtual().start(() -> forget(sink));
      channel.configureBlocking(false); // as the users' channels are
      for (int i = 0; i < LINES / 10; i++) {
        LoadUser.write(channel, Inbox.text(0, i, i) + "\n");
      }
      channel.shutdownOutput();
      reader.join();
    }
  }

  /** Accepts the one connection and reads it to its end. */
  private static void forget(ServerSocketChannel sink) {
    try (SocketChannel in = sink.accept()) {
      ByteBuffer ignored = ByteBuffer.allocate(64 * 1024);
      while (in.read(ignored.clear()) >= 0) {
        // Forgotten: only the sending side is being compiled.
      }
    } catch (IOException e) {
      // The warm-up connection broke: the sending code ran anyway.
    }
  }
}
