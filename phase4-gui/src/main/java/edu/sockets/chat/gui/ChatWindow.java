package edu.sockets.chat.gui;

import edu.sockets.chat.client.ChatModel;
import edu.sockets.chat.client.Conversation;
import java.awt.Window;
import java.time.Duration;

/** A chat window, for programs that drive one from their own thread: the demo, the screenshots. */
public final class ChatWindow {
  private final ChatFrame frame;
  private final ChatModel model;

  ChatWindow(ChatFrame frame, ChatModel model) {
    this.frame = frame;
    this.model = model;
  }

  /** Types {@code text} in the input line and presses Enter, as the user would. */
  public void type(String text) {
    EventThread.run(() -> {
      frame.panel().input().setText(text);
      frame.panel().input().postActionEvent();
    });
  }

  /** Shows the conversation with this key ({@code *}, {@code #room}, a user). */
  public void show(String key) {
    EventThread.run(() -> model.find(key).ifPresent(frame.panel()::select));
  }

  /** Waits until the conversation {@code key} has a line containing {@code text}. */
  public void awaitLine(String key, String text, Duration timeout) throws InterruptedException {
    EventThread.await(
        () -> has(key, text),
        timeout,
        frame.getTitle() + ": no line with \"" + text + "\" in " + key + " after " + timeout);
  }

  private boolean has(String key, String text) {
    return model
        .find(key)
        .map(Conversation::lines)
        .map(lines -> lines.stream().anyMatch(l -> l.text().contains(text)))
        .orElse(false);
  }

  /** The window itself, for pictures. */
  public Window window() {
    return frame;
  }

  /** Leaves the chat and closes the window. */
  public void close() {
    EventThread.run(frame::leave);
  }
}
