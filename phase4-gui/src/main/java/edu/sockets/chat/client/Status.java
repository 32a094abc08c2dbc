package edu.sockets.chat.client;

import java.time.Duration;

/**
 * What a status bar shows of a {@link ChatSession}.
 *
 * @param text one line for people: why the connection was lost, or where we are connected
 * @param retryIn for {@code WAITING}: the wait before the next attempt; else zero
 * @param attempt for {@code WAITING}: which attempt comes next (1 after a drop)
 */
public record Status(
    Status.State state, String name, String server, String text, Duration retryIn, int attempt) {

  /** Where the session is, as a status bar shows it. */
  public enum State {
    /** Connecting and signing in. */
    CONNECTING,
    /** Signed in: messages flow. */
    ONLINE,
    /** The connection was lost; the next attempt is scheduled. */
    WAITING,
    /** Over: the user left, or was removed by the administrator. */
    CLOSED
  }
}
