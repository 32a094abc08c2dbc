package edu.sockets.chat.client;

import edu.sockets.chat.client.Status.State;
import java.util.concurrent.ScheduledFuture;

/** Where a {@link ChatSession} is in its life. Each phase holds what only it has. */
sealed interface Phase {

  /** The phases with a connection open. */
  sealed interface Connected extends Phase {
    ChatConnection connection();
  }

  /** Opening the connection (over TLS: the handshake, perhaps a question to the user). */
  record Connecting() implements Phase {}

  /** Connected, and the sign-in line sent: waiting for {@code WELCOME}. */
  record SigningIn(ChatConnection connection) implements Connected {}

  /** Signed in: messages flow. */
  record Online(ChatConnection connection) implements Connected {}

  /** The connection was lost; {@code next} is the attempt scheduled. */
  record Waiting(ScheduledFuture<?> next) implements Phase {}

  /** {@code /exit} sent: a moment for the server's {@code BYE}, still connected. */
  record Leaving(ChatConnection connection) implements Connected {}

  /** Over: the user left or was removed, the first sign-in failed, or retrying cannot help. */
  record Closed() implements Phase {}

  /** What the status bar shows of this phase. */
  default State state() {
    return switch (this) {
      case Connecting c -> State.CONNECTING;
      case SigningIn s -> State.CONNECTING;
      case Online o -> State.ONLINE;
      case Waiting w -> State.WAITING;
      case Leaving l -> State.ONLINE; // still connected, on the way out
      case Closed c -> State.CLOSED;
    };
  }
}
