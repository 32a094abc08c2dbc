package edu.sockets.chat.client;

import static edu.sockets.chat.protocol.Names.EVERYONE;

import edu.sockets.chat.client.Conversation.Kind;
import edu.sockets.chat.client.Line.Style;
import edu.sockets.chat.protocol.ErrorCode;
import edu.sockets.chat.protocol.Names;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Err;
import edu.sockets.chat.protocol.ServerMessage.History;
import edu.sockets.chat.protocol.ServerMessage.Info;
import edu.sockets.chat.protocol.ServerMessage.Join;
import edu.sockets.chat.protocol.ServerMessage.Leave;
import edu.sockets.chat.protocol.ServerMessage.Msg;
import edu.sockets.chat.protocol.ServerMessage.Nick;
import edu.sockets.chat.protocol.ServerMessage.Offline;
import edu.sockets.chat.protocol.ServerMessage.Queued;
import edu.sockets.chat.protocol.ServerMessage.Rooms;
import edu.sockets.chat.protocol.ServerMessage.Users;
import edu.sockets.chat.protocol.ServerMessage.Welcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  private final Map<String, Conversation> conversations = new LinkedHashMap<>();
  private final OnlineList online = new OnlineList();
  private final List<Listener> listeners = new ArrayList<>();
  private Conversation current;
  private String me;
  private int welcomes;

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
    return online.names();
  }

  /** Shows {@code conversation}: its unread count goes back to zero. */
  public void select(Conversation conversation) {
    current = conversation;
    if (conversation.markRead()) {
      listeners.forEach(l -> l.conversationChanged(conversation));
    }
  }

  /** The private conversation with {@code user}, opened if need be (the online list does this). */
  public Conversation openPrivate(String user) {
    return open(Kind.PRIVATE, user);
  }

  /** Closes a conversation (not Everyone); the caller leaves a room first if it is one. */
  public void close(Conversation conversation) {
    if (conversation.kind() != Kind.EVERYONE
        && conversations.remove(conversation.key(), conversation)) {
      if (current == conversation) {
        current = everyone();
      }
      listeners.forEach(l -> l.conversationClosed(conversation));
    }
  }

  /** Adds a note of the client's own (not from the server) to the conversation showing. */
  public void note(Style style, String text) {
    add(current, Line.of(Instant.now(), style, text));
  }

  /** Adds a notice to every conversation: the connection was lost, or is back. */
  public void noticeEverywhere(String text) {
    Instant now = Instant.now();
    for (Conversation conversation : conversations.values()) {
      add(conversation, Line.of(now, Style.NOTICE, text));
    }
  }

  /** The rooms the user is in, as conversations show them. */
  public List<String> rooms() {
    return conversations.values().stream()
        .filter(c -> c.kind() == Kind.ROOM)
        .map(Conversation::title)
        .toList();
  }

  /** What a line typed in the current conversation means ({@link Typed#of}); answers /help. */
  public Typed typed(String text) {
    Typed typed = Typed.of(text, current);
    if (typed instanceof Typed.Nothing && Typed.command(text).equals("/help")) {
      Typed.help().forEach(line -> note(Style.INFO, line));
    }
    return typed;
  }

  /** Takes in one server message: the heart of the client. */
  public void apply(ServerMessage message) {
    if (online.apply(message)) {
      List<String> now = online.names();
      listeners.forEach(l -> l.usersChanged(now));
    }
    switch (message) {
      case Welcome m -> welcome(m);
      case Msg m -> message(m);
      case Join m -> join(m);
      case Leave m -> leave(m);
      case Nick m -> nick(m);
      case Users m -> {
        if (!online.isRoster(m)) { // the answer to the client's own /who: the list is enough
          note(Style.INFO, Phrases.users(m, name -> name));
        }
      }
      case Rooms m -> note(Style.INFO, Phrases.rooms(m));
      case Info m -> note(Style.INFO, m.text());
      case Err m when m.code().equals(ErrorCode.KICKED.name()) ->
          note(Style.ERROR, "You were removed from the chat: " + m.text());
      case Err m -> note(Style.ERROR, m.text());
      case History m -> history(m);
      case Offline m ->
          add(
              openPrivate(isMe(m.from()) ? m.to() : m.from()),
              new Line(m.ts(), Style.OFFLINE, m.from(), m.to(), m.text()));
      case Queued m -> add(openPrivate(m.user()), notice(m.ts(), Phrases.queued(m.user())));
      case ServerMessage.Bye m -> {} // the session reports the connection's end
      case ServerMessage.Ping m -> {} // ChatConnection answers it; nothing for people
      case ServerMessage.Unknown m -> {} // a newer server's line: ignored, as PROTOCOL.md asks
    }
  }

  private void welcome(Welcome m) {
    setMe(m.name());
    welcomes++;
    String text = welcomes == 1 ? Phrases.welcome(m.name()) : "Back online as " + m.name() + ".";
    add(everyone(), notice(Instant.now(), text));
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

  /** A message from before the user arrived: set apart from what is new. */
  private void history(History m) {
    Conversation conversation = m.where().equals(EVERYONE) ? everyone() : room(m.where());
    Line line = new Line(m.ts(), Style.HISTORY, m.from(), null, m.text());
    conversation.addHistory(line).forEach(added -> lineAdded(conversation, added));
  }

  private void join(Join m) {
    if (m.where().equals(EVERYONE)) {
      toEveryoneAndPrivate(m.name(), notice(m.ts(), m.name() + " joined the chat"));
    } else {
      add(
          room(m.where()),
          notice(m.ts(), (isMe(m.name()) ? "you" : m.name()) + " joined " + m.where()));
    }
  }

  private void leave(Leave m) {
    String reason = m.reason() == null ? "" : " (" + m.reason() + ")";
    if (m.where().equals(EVERYONE)) {
      toEveryoneAndPrivate(m.name(), notice(m.ts(), m.name() + " left the chat" + reason));
    } else if (isMe(m.name())) {
      find(m.where()).ifPresent(this::close); // our /leave: the room's tab goes
      add(everyone(), notice(m.ts(), "you left " + m.where()));
    } else {
      add(room(m.where()), notice(m.ts(), m.name() + " left " + m.where() + reason));
    }
  }

  /** A notice about someone, in Everyone and in the private conversation with them, if any. */
  private void toEveryoneAndPrivate(String name, Line notice) {
    add(everyone(), notice);
    find(name).filter(c -> c.kind() == Kind.PRIVATE).ifPresent(c -> add(c, notice));
  }

  private void nick(Nick m) {
    boolean mine = isMe(m.oldName());
    if (mine) {
      setMe(m.newName());
    }
    String text = mine ? "you are now " + m.newName() : m.oldName() + " is now " + m.newName();
    Line line = notice(m.ts(), text);
    add(everyone(), line);
    Conversation withThem = mine ? null : conversations.get(Names.key(m.oldName()));
    if (withThem != null && withThem.kind() == Kind.PRIVATE) {
      // The conversation follows the person: same tab, new name.
      conversations.remove(withThem.key());
      withThem.rename(m.newName());
      conversations.put(withThem.key(), withThem);
      listeners.forEach(l -> l.conversationChanged(withThem));
      add(withThem, line);
    }
  }

  private Conversation room(String room) {
    return open(Kind.ROOM, room);
  }

  private Conversation open(Kind kind, String title) {
    Conversation known = conversations.get(Names.key(title));
    if (known != null) {
      return known;
    }
    Conversation opened = new Conversation(kind, Names.key(title), title);
    conversations.put(opened.key(), opened);
    listeners.forEach(l -> l.conversationOpened(opened));
    return opened;
  }

  private void add(Conversation conversation, Line line) {
    conversation.add(line).forEach(added -> lineAdded(conversation, added));
    if (conversation != current && line.countsAsUnread() && !isMe(line.from())) {
      conversation.countUnread();
      listeners.forEach(l -> l.conversationChanged(conversation));
    }
  }

  private void lineAdded(Conversation conversation, Line line) {
    listeners.forEach(l -> l.lineAdded(conversation, line));
  }

  private static Line notice(Instant ts, String text) {
    return Line.of(ts, Style.NOTICE, text);
  }

  private boolean isMe(String name) {
    return me != null && name != null && name.equalsIgnoreCase(me);
  }

  private void setMe(String name) {
    me = name;
    listeners.forEach(l -> l.meChanged(name));
  }
}
