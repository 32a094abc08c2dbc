package edu.sockets.grading;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/**
 * What one check uses to reach the server: new connections, each remembered, so that the grader can
 * close them all when the check ends or runs out of time, whatever the check was waiting on.
 */
public final class Probe {

  private final Endpoint endpoint;
  private final Timing timing;
  private final boolean serverRestarts;
  private final List<Wire> wires = new ArrayList<>();
  private boolean closed;

  /**
   * @param serverRestarts true for a server that exits after each client and is restarted by a
   *     loop: connections are then retried while it comes back, and closed with a reset so that the
   *     server is not left with a connection in TIME_WAIT
   */
  Probe(Endpoint endpoint, Timing timing, boolean serverRestarts) {
    this.endpoint = endpoint;
    this.timing = timing;
    this.serverRestarts = serverRestarts;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  public Timing timing() {
    return timing;
  }

  /**
   * A new connection to the server.
   *
   * @throws Unreachable saying why, when the server cannot be reached (or, for a server that
   *     restarts, is not back within the timing's comeback time)
   */
  public Wire connect() throws Unreachable, InterruptedException {
    return connect(false);
  }

  /**
   * @param firstContact true for the grade's first connection: a refusal then means that nothing
   *     listens at all, rather than that a server did not come back
   */
  Wire connect(boolean firstContact) throws Unreachable, InterruptedException {
    long deadline = System.nanoTime() + timing.comeback().toNanos();
    while (true) {
      try {
        return track(open());
      } catch (ConnectException refused) {
        if (!serverRestarts || System.nanoTime() > deadline) {
          throw serverRestarts && !firstContact
              ? Unreachable.notBack(endpoint, timing.comeback())
              : Unreachable.of(endpoint, refused, timing);
        }
        Thread.sleep(50); // polling a process on another machine, which cannot notify us
      } catch (SocketException reset) {
        // A server that exits after each client can close while our connection is still being
        // set up: the kernel resets it. Like a refusal, that says the next process is not up yet.
        if (!serverRestarts || firstContact || System.nanoTime() > deadline) {
          throw Unreachable.of(endpoint, reset, timing);
        }
        Thread.sleep(50);
      } catch (IOException e) {
        throw Unreachable.of(endpoint, e, timing);
      }
    }
  }

  /** True when some connection of this check ended before the server sent a byte. */
  synchronized boolean anyEndedSilently() {
    return wires.stream().anyMatch(Wire::endedSilently);
  }

  /** Closes every connection this check opened; none can be opened after. */
  void closeAll() {
    List<Wire> open;
    synchronized (this) {
      closed = true;
      open = List.copyOf(wires);
    }
    for (Wire wire : open) {
      if (serverRestarts) {
        wire.abort();
      } else {
        wire.close();
      }
    }
  }

  private Socket open() throws IOException {
    Socket socket = new Socket();
    try {
      // A connect timeout: a host that drops packets would otherwise hold the check for minutes.
      socket.connect(
          new InetSocketAddress(endpoint.host(), endpoint.port()),
          Math.toIntExact(timing.connect().toMillis()));
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  private synchronized Wire track(Socket socket) throws IOException {
    if (closed) {
      socket.close();
      throw new IOException("the check has already ended");
    }
    Wire wire = new Wire(socket, timing);
    wires.add(wire);
    return wire;
  }
}
