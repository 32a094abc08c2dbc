package edu.sockets.chat.client;

import edu.sockets.chat.client.Line.Style;
import edu.sockets.chat.protocol.Names;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One conversation of a {@link ChatModel}: a tab in the window. */
public final class Conversation {

  /** What a conversation is with. */
  public enum Kind {
    EVERYONE,
    ROOM,
    PRIVATE
  }

  private final Kind kind;
  private String key;
  private String title;
  private final List<Line> lines = new ArrayList<>();
  private int unread;
  private boolean inHistory; // the last line added was history: a divider comes before news

  Conversation(Kind kind, String key, String title) {
    this.kind = kind;
    this.key = key;
    this.title = title;
  }

  public Kind kind() {
    return kind;
  }

  /** Unique, ignoring case: {@code *}, {@code #java}, {@code bob}. */
  public String key() {
    return key;
  }

  /** As people read it: {@code Everyone}, {@code #java}, {@code bob}. */
  public String title() {
    return title;
  }

  /** The receiver of what is typed here: {@code *}, the room, or the user's name. */
  public String target() {
    return kind == Kind.EVERYONE ? Names.EVERYONE : title;
  }

  public List<Line> lines() {
    return Collections.unmodifiableList(lines);
  }

  /** Messages that arrived while another conversation was showing. */
  public int unread() {
    return unread;
  }

  @Override
  public String toString() {
    return title + (unread > 0 ? " (" + unread + ")" : "");
  }

  /** Adds {@code line}, after a "new messages" divider where history ends; returns both. */
  List<Line> add(Line line) {
    List<Line> added = new ArrayList<>();
    if (inHistory) {
      inHistory = false;
      added.add(Line.of(line.ts(), Style.DIVIDER, "new messages"));
    }
    added.add(line);
    lines.addAll(added);
    return added;
  }

  /**
   * Adds a message from before the user arrived, after an "earlier messages" divider where history
   * starts. After a reconnect the server sends history again: a line shown already is not added.
   */
  List<Line> addHistory(Line line) {
    boolean seen =
        lines.stream()
            .anyMatch(l ->
                l.from() != null
                    && l.ts().equals(line.ts())
                    && l.from().equals(line.from())
                    && l.text().equals(line.text()));
    if (seen) {
      return List.of();
    }
    List<Line> added = new ArrayList<>();
    if (!inHistory) {
      added.add(Line.of(line.ts(), Style.DIVIDER, "earlier messages"));
    }
    added.add(line);
    lines.addAll(added);
    inHistory = true;
    return added;
  }

  /** The user we talk to in private took a new name: the conversation follows them. */
  void rename(String newTitle) {
    key = Names.key(newTitle);
    title = newTitle;
  }

  void countUnread() {
    unread++;
  }

  /** Shown: nothing is unread any more. Returns whether that changed anything. */
  boolean markRead() {
    boolean had = unread > 0;
    unread = 0;
    return had;
  }
}
