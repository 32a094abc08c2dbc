package edu.sockets.chat.client;

import edu.sockets.chat.protocol.Command;
import edu.sockets.chat.protocol.ErrorCode;
import edu.sockets.chat.protocol.Names;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Bye;
import edu.sockets.chat.protocol.ServerMessage.Err;
import edu.sockets.chat.protocol.ServerMessage.History;
import edu.sockets.chat.protocol.ServerMessage.Info;
import edu.sockets.chat.protocol.ServerMessage.Join;
import edu.sockets.chat.protocol.ServerMessage.Leave;
import edu.sockets.chat.protocol.ServerMessage.Msg;
import edu.sockets.chat.protocol.ServerMessage.Nick;
import edu.sockets.chat.protocol.ServerMessage.Offline;
import edu.sockets.chat.protocol.ServerMessage.Ping;
import edu.sockets.chat.protocol.ServerMessage.Queued;
import edu.sockets.chat.protocol.ServerMessage.Rooms;
import edu.sockets.chat.protocol.ServerMessage.Unknown;
import edu.sockets.chat.protocol.ServerMessage.Users;
import edu.sockets.chat.protocol.ServerMessage.Welcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The chat as a window shows it, without the window: the conversations (Everyone, each room joined,
 * each private conversation), the lines in each, unread counts, who is online, and what a typed
 * line means in the conversation it was typed in. A {@link Listener} (the window) is told of each
 * change.
 *
 * <p>Not thread-safe, on purpose: one thread owns it. In the Swing client that is the event thread,
 * which is also the only thread allowed to touch the components the listener updates; so the
 * network's messages reach {@link #apply} through {@code SwingUtilities.invokeLater}.
 */
public final class ChatModel {

  /** The key of the Everyone conversation; rooms are keyed {@code #room}, users by name. */
  public static final String EVERYONE = Names.EVERYONE;

  /** What a conversation is with. */
  public enum Kind {
    EVERYONE,
    ROOM,
    PRIVATE
  }

  /** How a line looks: messages stand out, notices are quieter, errors are errors. */
  public enum Style {
    /** A message from a user, public or to a room. */
    MESSAGE,
    /** A private message, either way. */
    PRIVATE,
    /** An announcement from the administrator ({@code from server}). */
    ANNOUNCEMENT,
    /** Join, leave, rename, connection lost and back: quieter. */
    NOTICE,
    /** Help, answers to {@code /who} and {@code /rooms}, the server's {@code INFO}. */
    INFO,
    /** An {@code ERR} from the server, or a line the client could not send. */
    ERROR,
    /** A message from before the user arrived ({@code HISTORY}): quieter than new ones. */
    HISTORY,
    /** The line between history and what is new; its text says which side is which. */
    DIVIDER,
    /** A private message sent while the user was offline, delivered at sign-in. */
    OFFLINE
  }

  /**
   * One line of a conversation.
   *
   * @param ts when the server handled it (the client's clock for its own notes), shown in local
   *     time
   * @param from the sender, for messages; null for the rest
   * @param to the receiver of a private message; null for the rest
   */
  public record Line(Instant ts, Style style, String from, String to, String text) {

    /** Messages count as unread (unless they are the user's own); notices and answers do not. */
    public boolean countsAsUnread() {
      return style == Style.MESSAGE
          || style == Style.PRIVATE
          || style == Style.ANNOUNCEMENT
          || style == Style.OFFLINE;
    }
  }

  /** One conversation: a tab in the window. */
  public static final class Conversation {
    private final Kind kind;
    private String key;
    private String title;
    private final List<Line> lines = new ArrayList<>();
    private int unread;
    private boolean inHistory; // the last line added was history: a divider comes before news

    private Conversation(Kind kind, String key, String title) {
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
      return kind == Kind.EVERYONE ? EVERYONE : title;
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
  }

  /** Told of every change, on the thread that made it. */
  public interface Listener {
    default void conversationOpened(Conversation conversation) {}

    default void conversationClosed(Conversation conversation) {}

    /** Its title or its unread count changed. */
    default void conversationChanged(Conversation conversation) {}

    default void lineAdded(Conversation conversation, Line line) {}

    default void usersChanged(List<String> users) {}

    default void meChanged(String me) {}
  }

  /** What a line typed in the input field asks for. */
  public sealed interface Typed {
    /** Send this line to the server. */
    record ToServer(String line) implements Typed {}

    /** Leave the chat: close the window. */
    record Quit() implements Typed {}

    /** Nothing to do (a blank line, or {@code /help}, answered here). */
    record Nothing() implements Typed {}
  }

  private final Map<String, Conversation> conversations = new LinkedHashMap<>();
  private final TreeSet<String> users = new TreeSet<>(Names.READING_ORDER);
  private final List<Listener> listeners = new ArrayList<>();
  private Conversation current;
  private String me;
  private int welcomes;

  /** True from a WELCOME until the answer to the client's own {@code /who}: not shown. */
  private boolean awaitingRoster;

  public ChatModel() {
    current = new Conversation(Kind.EVERYONE, EVERYONE, "Everyone");
    conversations.put(EVERYONE, current);
  }

  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  public String me() {
    return me;
  }

  public List<Conversation> conversations() {
    return List.copyOf(conversations.values());
  }

  public Optional<Conversation> find(String key) {
    return Optional.ofNullable(conversations.get(Names.key(key)));
  }

  public Conversation everyone() {
    return conversations.get(EVERYONE);
  }

  /** The conversation showing: where typed lines go, and where answers and errors appear. */
  public Conversation current() {
    return current;
  }

  /** Online users, sorted ignoring case, the user included. */
  public List<String> users() {
    return List.copyOf(users);
  }

  /** Shows {@code conversation}: its unread count goes back to zero. */
  public void select(Conversation conversation) {
    current = conversation;
    if (conversation.unread > 0) {
      conversation.unread = 0;
      listeners.forEach(l -> l.conversationChanged(conversation));
    }
  }

  /** The private conversation with {@code user}, opened if need be (the online list does this). */
  public Conversation openPrivate(String user) {
    return open(Kind.PRIVATE, user);
  }

  /** Closes a conversation (not Everyone); the caller leaves a room first if it is one. */
  public void close(Conversation conversation) {
    if (conversation.kind != Kind.EVERYONE
        && conversations.remove(conversation.key, conversation)) {
      if (current == conversation) {
        current = everyone();
      }
      listeners.forEach(l -> l.conversationClosed(conversation));
    }
  }

  /** Adds a note of the client's own (not from the server) to the conversation showing. */
  public void note(Style style, String text) {
    add(current, new Line(Instant.now(), style, null, null, text));
  }

  /** Adds a notice to every conversation: the connection was lost, or is back. */
  public void noticeEverywhere(String text) {
    Instant now = Instant.now();
    for (Conversation conversation : conversations.values()) {
      add(conversation, new Line(now, Style.NOTICE, null, null, text));
    }
  }

  /** The rooms the user is in, as conversations show them. */
  public List<String> rooms() {
    return conversations.values().stream()
        .filter(c -> c.kind == Kind.ROOM)
        .map(Conversation::title)
        .toList();
  }

  /**
   * What a line typed in the current conversation means. Text goes to the conversation's target:
   * everyone, the room ({@code /msg #room text}) or the user ({@code /msg bob text}); {@code
   * //text} sends {@code /text} there. Slash commands are sent as typed, as in the terminal client,
   * and the server answers them; {@code /help} is answered here and {@code /exit} closes.
   */
  public Typed typed(String text) {
    if (text.isBlank()) {
      return new Typed.Nothing();
    }
    if (text.startsWith("/") && !text.startsWith("//")) {
      String word = text.strip().split(" ", 2)[0].toLowerCase(Locale.ROOT);
      return switch (word) {
        case "/help" -> {
          help();
          yield new Typed.Nothing();
        }
        case "/exit", "/quit" -> new Typed.Quit();
        default -> new Typed.ToServer(text);
      };
    }
    String message = text.startsWith("//") ? text.substring(1) : text;
    return new Typed.ToServer(
        current.kind == Kind.EVERYONE
            ? new Command.Say(message).toLine()
            : new Command.Send(current.target(), message).toLine());
  }

  /** Takes in one server message: the heart of the client. */
  public void apply(ServerMessage message) {
    switch (message) {
      case Welcome m -> welcome(m);
      case Msg m -> message(m);
      case Join m -> join(m);
      case Leave m -> leave(m);
      case Nick m -> nick(m);
      case Users m -> users(m);
      case Rooms m ->
          note(
              Style.INFO,
              m.rooms().isEmpty()
                  ? "No rooms yet; /join #name creates one."
                  : "Rooms: "
                      + m.rooms().stream()
                          .map(r -> r.room() + " (" + r.members() + ")")
                          .collect(Collectors.joining(", ")));
      case Info m -> note(Style.INFO, m.text());
      case Err m -> note(Style.ERROR, errorText(m));
      case History m -> history(m);
      case Offline m -> {
        String other = isMe(m.from()) ? m.to() : m.from();
        add(openPrivate(other), new Line(m.ts(), Style.OFFLINE, m.from(), m.to(), m.text()));
      }
      case Queued m ->
          add(
              openPrivate(m.user()),
              notice(m.ts(), m.user() + " is offline: your message waits until they sign in"));
      case Bye m -> {} // the session reports the connection's end
      case Ping m -> {} // ChatConnection answers it; nothing for people
      case Unknown m -> {} // a newer server's line: ignored, as PROTOCOL.md asks
    }
  }

  private void help() {
    note(Style.INFO, "Text you type goes to this tab's conversation; Enter sends it.");
    Command.HELP.forEach(line -> note(Style.INFO, line));
    note(
        Style.INFO,
        "Double-click a name in the online list (or select it and press Enter) to talk in private.");
    note(Style.INFO, "Ctrl+Page Up and Ctrl+Page Down go from one conversation to the next.");
  }

  private void welcome(Welcome m) {
    setMe(m.name());
    users.add(m.name());
    usersChanged();
    awaitingRoster = true;
    welcomes++;
    String text =
        welcomes == 1
            ? "You are " + m.name() + ". Type a message and press Enter; /help lists the commands."
            : "Back online as " + m.name() + ".";
    add(everyone(), new Line(Instant.now(), Style.NOTICE, null, null, text));
  }

  private void message(Msg m) {
    if (m.to().equals(EVERYONE)) {
      Style style = m.from().equals(Names.SERVER) ? Style.ANNOUNCEMENT : Style.MESSAGE;
      add(everyone(), new Line(m.ts(), style, m.from(), null, m.text()));
    } else if (m.to().startsWith("#")) {
      add(room(m.to()), new Line(m.ts(), Style.MESSAGE, m.from(), null, m.text()));
    } else {
      // Opened on the first private message either way: sent (our echo) or received.
      String other = isMe(m.from()) ? m.to() : m.from();
      add(openPrivate(other), new Line(m.ts(), Style.PRIVATE, m.from(), m.to(), m.text()));
    }
  }

  /**
   * A message from before the user arrived. After a reconnect the server sends history again: lines
   * the conversation already shows are skipped, so nothing appears twice.
   */
  private void history(History m) {
    Conversation conversation = m.where().equals(EVERYONE) ? everyone() : room(m.where());
    boolean seen =
        conversation.lines.stream()
            .anyMatch(l ->
                l.from() != null
                    && l.ts().equals(m.ts())
                    && l.from().equals(m.from())
                    && l.text().equals(m.text()));
    if (seen) {
      return;
    }
    if (!conversation.inHistory) {
      add(conversation, new Line(m.ts(), Style.DIVIDER, null, null, "earlier messages"));
    }
    add(conversation, new Line(m.ts(), Style.HISTORY, m.from(), null, m.text()));
    conversation.inHistory = true;
  }

  private void join(Join m) {
    if (m.where().equals(EVERYONE)) {
      users.add(m.name());
      usersChanged();
      Line line = notice(m.ts(), m.name() + " joined the chat");
      add(everyone(), line);
      find(m.name()).filter(c -> c.kind == Kind.PRIVATE).ifPresent(c -> add(c, line));
    } else {
      add(room(m.where()), notice(m.ts(), who(m.name()) + " joined " + m.where()));
    }
  }

  private void leave(Leave m) {
    String reason = m.reason() == null ? "" : " (" + m.reason() + ")";
    if (m.where().equals(EVERYONE)) {
      users.removeIf(u -> u.equalsIgnoreCase(m.name()));
      usersChanged();
      Line line = notice(m.ts(), m.name() + " left the chat" + reason);
      add(everyone(), line);
      find(m.name()).filter(c -> c.kind == Kind.PRIVATE).ifPresent(c -> add(c, line));
    } else if (isMe(m.name())) {
      find(m.where()).ifPresent(this::close); // our /leave: the room's tab goes
      add(everyone(), notice(m.ts(), "you left " + m.where()));
    } else {
      add(room(m.where()), notice(m.ts(), m.name() + " left " + m.where() + reason));
    }
  }

  private void nick(Nick m) {
    users.removeIf(u -> u.equalsIgnoreCase(m.oldName()));
    users.add(m.newName());
    usersChanged();
    boolean mine = isMe(m.oldName());
    if (mine) {
      setMe(m.newName());
    }
    Line line =
        notice(
            m.ts(), mine ? "you are now " + m.newName() : m.oldName() + " is now " + m.newName());
    add(everyone(), line);
    Conversation withThem = mine ? null : conversations.get(Names.key(m.oldName()));
    if (withThem != null && withThem.kind == Kind.PRIVATE) {
      // The conversation follows the person: same tab, new name.
      conversations.remove(withThem.key);
      withThem.key = Names.key(m.newName());
      withThem.title = m.newName();
      conversations.put(withThem.key, withThem);
      listeners.forEach(l -> l.conversationChanged(withThem));
      add(withThem, line);
    }
  }

  private void users(Users m) {
    if (m.where().equals(EVERYONE)) {
      users.clear();
      users.addAll(m.names());
      usersChanged();
      if (awaitingRoster) {
        awaitingRoster = false; // the answer to the client's own /who: the list is enough
        return;
      }
    }
    note(
        Style.INFO,
        (m.where().equals(EVERYONE) ? "Online" : "In " + m.where())
            + " ("
            + m.names().size()
            + "): "
            + String.join(", ", m.names()));
  }

  private static String errorText(Err m) {
    if (m.code().equals(ErrorCode.KICKED.name())) {
      return "You were removed from the chat: " + m.text();
    }
    return m.text();
  }

  private Conversation room(String room) {
    return open(Kind.ROOM, room);
  }

  private Conversation open(Kind kind, String title) {
    Conversation conversation = conversations.get(Names.key(title));
    if (conversation == null) {
      conversation = new Conversation(kind, Names.key(title), title);
      conversations.put(conversation.key, conversation);
      Conversation opened = conversation;
      listeners.forEach(l -> l.conversationOpened(opened));
    }
    return conversation;
  }

  private void add(Conversation conversation, Line line) {
    if (conversation.inHistory && line.style() != Style.HISTORY && line.style() != Style.DIVIDER) {
      conversation.inHistory = false;
      Line divider = new Line(line.ts(), Style.DIVIDER, null, null, "new messages");
      conversation.lines.add(divider);
      listeners.forEach(l -> l.lineAdded(conversation, divider));
    }
    conversation.lines.add(line);
    listeners.forEach(l -> l.lineAdded(conversation, line));
    if (conversation != current && line.countsAsUnread() && !isMe(line.from())) {
      conversation.unread++;
      listeners.forEach(l -> l.conversationChanged(conversation));
    }
  }

  private Line notice(Instant ts, String text) {
    return new Line(ts, Style.NOTICE, null, null, text);
  }

  private String who(String name) {
    return isMe(name) ? "you" : name;
  }

  private boolean isMe(String name) {
    return me != null && name != null && name.equalsIgnoreCase(me);
  }

  private void setMe(String name) {
    me = name;
    listeners.forEach(l -> l.meChanged(name));
  }

  private void usersChanged() {
    List<String> now = users();
    listeners.forEach(l -> l.usersChanged(now));
  }
}
