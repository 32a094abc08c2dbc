package edu.sockets.chat.gui;

import edu.sockets.chat.client.ChatModel;
import edu.sockets.chat.client.ChatSession;
import edu.sockets.chat.client.Line.Style;
import edu.sockets.chat.client.Status;
import edu.sockets.chat.protocol.ServerMessage;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * The bridge between the session thread and the event thread. The session calls it on its own
 * thread; it touches nothing there, but hands each event to the event thread with {@code
 * invokeLater}, in order. Swing components (and the model they show) belong to the event thread:
 * changed from any other, they can paint half-updated or corrupt their state, and nothing says so.
 */
final class SessionRelay implements ChatSession.Listener {

  private final ChatModel model;

  // Event thread only.
  private Consumer<Status> statusView = status -> {};
  private Status lastStatus;

  SessionRelay(ChatModel model) {
    this.model = model;
  }

  /** Where statuses go from now on (the dialog, then the window); gets the latest one at once. */
  void showStatusIn(Consumer<Status> view) {
    statusView = view;
    if (lastStatus != null) {
      view.accept(lastStatus);
    }
  }

  @Override
  public void onMessage(ServerMessage message) {
    SwingUtilities.invokeLater(() -> model.apply(message));
  }

  @Override
  public void onStatus(Status status) {
    SwingUtilities.invokeLater(() -> {
      lastStatus = status;
      statusView.accept(status);
    });
  }

  @Override
  public void onNotSent(String line) {
    SwingUtilities.invokeLater(
        () -> model.note(Style.ERROR, "Not sent (the connection is down): " + line));
  }
}
