package edu.sockets.chat.client;

import edu.sockets.chat.client.Status.State;
import java.util.concurrent.ScheduledFuture;

/** Where a {@link ChatSession} is in its life. Each phase holds what only it has. */
sealed interface Phase {

  /** What the status bar shows of this phase. */
  State state();

  /**
   * The phase's connection, or null. The phases that have one hold it as a record component named
   * {@code connection}, whose accessor takes the place of this method.
   */
  default ChatConnection connection() {
    return null;
  }

  /** Opening the connection (over TLS: the handshake, perhaps a question to the user). */
  record Connecting() implements Phase {
    @Override
    public State state() {
      return State.CONNECTING;
    }
  }

  /** Connected, and the sign-in line sent: waiting for {@code WELCOME}. */
  record SigningIn(ChatConnection connection) implements Phase {
    @Override
    public State state() {
      return State.CONNECTING;
    }
  }

  /** Signed in: messages flow. */
  record Online(ChatConnection connection) implements Phase {
    @Override
    public State state() {
      return State.ONLINE;
    }
  }

  /** The connection was lost; {@code next} is the attempt scheduled. */
  record Waiting(ScheduledFuture<?> next) implements Phase {
    @Override
    public State state() {
      return State.WAITING;
    }
  }

  /** {@code /exit} sent: a moment for the server's {@code BYE}, still connected. */
  record Leaving(ChatConnection connection) implements Phase {
    @Override
    public State state() {
      return State.ONLINE;
    }
  }

  /** Over: the user left or was removed, the first sign-in failed, or retrying cannot help. */
  record Closed() implements Phase {
    @Override
    public State state() {
      return State.CLOSED;
    }
  }
}
