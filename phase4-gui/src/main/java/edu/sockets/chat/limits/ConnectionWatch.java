package edu.sockets.chat.limits;

import edu.sockets.chat.protocol.Replies;
import edu.sockets.chat.protocol.ServerMessage.Err;
import edu.sockets.chat.protocol.ServerMessage.Ping;
import edu.sockets.chat.server.ChatState;
import edu.sockets.chat.server.Guard;
import edu.sockets.chat.server.Peer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * One connection under watch: its reader thread notes here when bytes and lines arrive, for the
 * {@link Watchdog}, and asks the {@link FloodGuard} about every line. The watchdog's thread acts on
 * it through {@link #ping}, {@link #timeOut} and {@link #abort}.
 */
final class ConnectionWatch implements Guard.Watch {

  private final ChatState chat;
  private final Peer peer;
  private final Limits limits;
  private final Watchdog watchdog;
  private final Consumer<String> log;
  private final Activity activity = new Activity(System.nanoTime());
  private final FloodGuard flood;
  private boolean flooded; // told to go for flooding: what it still sends is read and dropped
  private FloodGuard.Verdict verdict = FloodGuard.Verdict.PASS; // on the last line read
  private long verdictAt;

  ConnectionWatch(
      ChatState chat, Peer peer, Limits limits, Watchdog watchdog, Consumer<String> log) {
    this.chat = chat;
    this.peer = peer;
    this.limits = limits;
    this.watchdog = watchdog;
    this.log = log;
    this.flood = new FloodGuard(limits, activity.connectedAt);
  }

  @Override
  public InputStream input(InputStream in) {
    return new Watched(in);
  }

  /** A line was read: the client is alive, and the next line starts with the bytes left over. */
  @Override
  public boolean lineRead(boolean nextLineStarted) {
    activity.lastLineAt = System.nanoTime();
    // Bytes of the next line already read arrived with the last read; else no line has started.
    activity.lineStartedAt = nextLineStarted ? activity.lastBytesAt : Activity.NONE;
    return withinRate();
  }

  @Override
  public void heartbeat() {
    activity.heartbeat = true;
  }

  @Override
  public void close() {
    watchdog.unwatch(this);
  }

  Activity activity() {
    return activity;
  }

  /** Sends a heartbeat; the watchdog's thread calls this. */
  void ping(String token) {
    chat.tell(peer, new Ping(token));
  }

  /** Says {@code ERR TIMEOUT <why>} and closes; the watchdog's thread calls this. */
  void timeOut(Err why) {
    log.accept(peer.address() + " timed out: " + why.text());
    chat.expel(peer, why, "timeout");
  }

  boolean isRegistered() {
    return chat.registered(peer);
  }

  /** Closes at once: told to go a while ago, the client is still there. */
  void abort() {
    peer.abort();
  }

  /** Asks the flood guard about the line just read: true to handle it. */
  private boolean withinRate() {
    if (flooded) {
      return false;
    }
    verdictAt = System.nanoTime();
    verdict = flood.check(verdictAt);
    return verdict == FloodGuard.Verdict.PASS;
  }

  /** Acts on the refusal of the last line: a warning, or, for a sustained flood, the door. */
  @Override
  public void refused() {
    switch (verdict) {
      case PASS, REFUSE -> {}
      case REFUSE_AND_WARN ->
          chat.tell(peer, Replies.rateLimited(limits.rateLimit(), limits.burst()));
      case DISCONNECT -> {
        flooded = true;
        verdict = FloodGuard.Verdict.REFUSE;
        activity.closingSince = verdictAt; // the watchdog closes it if it goes on sending
        log.accept(peer.address() + " disconnected for flooding");
        chat.expel(peer, Replies.flooding(), "flooding");
      }
    }
  }

  /** The socket's input, noting for the watchdog when bytes arrive and when we wait for them. */
  private final class Watched extends FilterInputStream {
    Watched(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      activity.waitingForBytes = true;
      int n;
      try {
        n = in.read(b, off, len);
      } finally {
        activity.waitingForBytes = false;
      }
      if (n > 0) {
        long now = System.nanoTime();
        activity.lastBytesAt = now;
        if (activity.lineStartedAt == Activity.NONE) {
          activity.lineStartedAt = now; // the first byte of a line: its clock starts
        }
      }
      return n;
    }
  }
}
