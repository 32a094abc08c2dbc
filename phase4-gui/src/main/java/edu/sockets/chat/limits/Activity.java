package edu.sockets.chat.limits;

/**
 * When things happened on one connection, for the {@link Watchdog}: the connection's reader thread
 * writes these times (from {@link System#nanoTime()}) as bytes and lines arrive, and the watchdog's
 * thread reads them; hence {@code volatile}. {@link #NONE} marks a time that has not happened.
 */
final class Activity {

  static final long NONE = Long.MIN_VALUE;

  final long connectedAt;

  /** The last complete line (over-long ones too); the connection's start until then. */
  volatile long lastLineAt;

  /** The last bytes read. */
  volatile long lastBytesAt = NONE;

  /** The first byte of the line now arriving; NONE between lines. */
  volatile long lineStartedAt = NONE;

  /** The reader is blocked waiting for the client (not busy handling lines it already has). */
  volatile boolean waitingForBytes;

  /** The client sent {@code /pong}: it answers heartbeats. */
  volatile boolean heartbeat;

  /** Only the watchdog's: the last PING sent. */
  long pingSentAt = NONE;

  /** Only the watchdog's: the connection has registered (once true, it stays true). */
  boolean registered;

  /** The connection was told to go (timeout, flooding) at this time; it is closed soon after. */
  volatile long closingSince = NONE;

  Activity(long now) {
    connectedAt = now;
    lastLineAt = now;
  }
}
