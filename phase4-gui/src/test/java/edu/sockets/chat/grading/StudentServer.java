package edu.sockets.chat.grading;

import static java.nio.charset.StandardCharsets.UTF_8;

import edu.sockets.grading.GalleryServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small chat server that keeps every rule of PROTOCOL.md version 1 that the rubric checks: the
 * base of the gallery, where each faulty server overrides one hook (a method that is not private)
 * with a fault that real student servers have. A thread reads each client; this object's lock
 * guards who is where.
 */
class StudentServer implements GalleryServer {

  static final int MAX_LINE_BYTES = 8192;

  private final ServerSocket listener;
  private final Set<GalleryClient> connected = ConcurrentHashMap.newKeySet();
  // Guarded by this:
  private final Map<String, GalleryClient> users = new HashMap<>(); // by key(name)
  private final GalleryRooms rooms = new GalleryRooms(this);
  private final List<GalleryClient> overflowed = new ArrayList<>();
  private Instant lastStamp = Instant.EPOCH;

  StudentServer() throws IOException {
    this(1024);
  }

  /**
   * @param backlog how many connections the system may queue while the server is not accepting
   */
  StudentServer(int backlog) throws IOException {
    listener = new ServerSocket(0, backlog, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("gallery accept").start(this::acceptLoop);
  }

  @Override
  public int port() {
    return listener.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    connected.forEach(GalleryClient::close);
  }

  // ---- the hooks that the gallery's faults override ----

  /** The key under which a name is unique: names ignore case. */
  String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** The timestamp of an event now being handled, and its space: never earlier than the last. */
  String stamped() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    lastStamp = now.isAfter(lastStamp) ? now : lastStamp;
    return lastStamp + " ";
  }

  String error(String code, String text) {
    return "ERR " + code + " " + text;
  }

  /** Public text goes to every registered user, the sender included. */
  void toEveryone(GalleryClient from, String line) {
    usersNow().forEach(user -> deliver(user, line));
  }

  /** Every registered user; only while holding this object's lock. */
  Collection<GalleryClient> usersNow() {
    return users.values();
  }

  /** A private message goes to the user and back to the sender. */
  void toPrivate(GalleryClient from, GalleryClient to, String line) {
    deliver(to, line);
    if (to != from) {
      deliver(from, line);
    }
  }

  /** Queues a line for the client's writer; a client 1 MiB behind is dropped. */
  void deliver(GalleryClient client, String line) {
    if (!client.offer((line + "\n").getBytes(UTF_8))) {
      overflowed.add(client); // dropped once the event is handled, not in the middle of a loop
    }
  }

  /** Reads lines: bytes up to LF, at most 8,192; a longer line is refused and discarded. */
  void readLines(GalleryClient client) throws IOException {
    InputStream in = new BufferedInputStream(client.socket.getInputStream());
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean discarding = false;
    for (int b = in.read(); b != -1; b = in.read()) {
      if (b == '\n') {
        if (!discarding) {
          handle(client, decode(line.toByteArray()));
        }
        line.reset();
        discarding = false;
      } else if (!discarding && line.size() == MAX_LINE_BYTES) {
        discarding = true;
        line.reset();
        tell(client, error("LINE_TOO_LONG", "lines are at most 8192 bytes"));
      } else if (!discarding) {
        line.write(b);
      }
    }
  }

  // ---- connections ----

  private void acceptLoop() {
    while (true) {
      try {
        GalleryClient client = new GalleryClient(listener.accept());
        connected.add(client);
        Thread.ofPlatform().daemon().name("gallery reader").start(() -> serve(client));
      } catch (IOException e) {
        return; // the listener was closed
      }
    }
  }

  private void serve(GalleryClient client) {
    tell(client, "INFO Welcome to the gallery's chat. Choose a name with /name <name>.");
    try {
      readLines(client);
    } catch (IOException e) {
      // A reset, or closed by the server: gone either way.
    }
    synchronized (this) {
      leave(client, "disconnected");
    }
    client.close();
    connected.remove(client);
  }

  /**
   * A line as text: invalid UTF-8 read as U+FFFD, the CR and every control character but TAB gone.
   */
  static String decode(byte[] bytes) {
    return new String(bytes, UTF_8).replaceAll("[\\x00-\\x08\\x0a-\\x1f\\x7f-\\x9f]", "");
  }

  synchronized void tell(GalleryClient client, String line) {
    deliver(client, line);
    dropOverflowed();
  }

  // ---- the chat ----

  synchronized void handle(GalleryClient client, String line) {
    if (line.isBlank() || client.left) {
      return;
    }
    boolean command = line.startsWith("/") && !line.startsWith("//");
    int space = line.indexOf(' ');
    String word = !command ? "" : (space < 0 ? line : line.substring(0, space)).toLowerCase();
    String rest = !command || space < 0 ? "" : line.substring(space + 1);
    if (client.name == null && !List.of("/name", "/help", "/exit").contains(word)) {
      deliver(client, error("NOT_REGISTERED", "choose a name first: /name <name>"));
    } else {
      switch (word) {
        case "" -> say(client, line.startsWith("//") ? line.substring(1) : line);
        case "/name" -> name(client, rest.strip());
        case "/pm", "/msg" -> send(client, rest);
        case "/who" -> who(client, rest.strip());
        case "/join" -> rooms.join(client, rest.strip());
        case "/leave" -> rooms.leave(client, rest.strip());
        case "/rooms" -> rooms.list(client, rest);
        case "/help" -> deliver(client, "INFO /name /pm /msg /who /join /leave /rooms /exit");
        case "/exit" -> exit(client);
        default -> deliver(client, error("UNKNOWN_COMMAND", "unknown command " + word));
      }
    }
    dropOverflowed();
  }

  /** {@code TYPE <ts> fields}. */
  String event(String type, String fields) {
    return type + " " + stamped() + fields;
  }

  private void say(GalleryClient client, String text) {
    toEveryone(client, event("MSG", client.name + " * " + text));
  }

  private void name(GalleryClient client, String name) {
    GalleryClient holder = users.get(key(name));
    if (!name.matches("[A-Za-z0-9_-]{1,16}") || name.equalsIgnoreCase("server")) {
      deliver(client, error("NAME_INVALID", "a name is 1 to 16 of A-Z a-z 0-9 _ -"));
    } else if (name.equals(client.name)) {
      deliver(client, error("NAME_UNCHANGED", "that is your name already"));
    } else if (holder != null && holder != client) {
      deliver(client, error("NAME_TAKEN", name + " is taken"));
    } else if (client.name == null) {
      client.name = name;
      users.put(key(name), client);
      deliver(client, "WELCOME " + name);
      String join = event("JOIN", name + " *");
      users.values().stream().filter(u -> u != client).forEach(u -> deliver(u, join));
    } else {
      String old = client.name;
      users.remove(key(old));
      client.name = name;
      users.put(key(name), client);
      String nick = event("NICK", old + " " + name);
      users.values().forEach(u -> deliver(u, nick));
    }
  }

  private void send(GalleryClient client, String rest) {
    int space = rest.indexOf(' ');
    if (space <= 0 || rest.substring(space + 1).isBlank()) {
      deliver(client, error("USAGE", "/pm <user> <text> or /msg #room <text>"));
      return;
    }
    String to = rest.substring(0, space);
    String text = rest.substring(space + 1);
    if (to.startsWith("#")) {
      rooms.message(client, to, text);
      return;
    }
    GalleryClient receiver = users.get(key(to));
    if (receiver == null) {
      deliver(client, error("NO_SUCH_USER", "no user is called " + to));
    } else {
      toPrivate(client, receiver, event("MSG", client.name + " " + receiver.name + " " + text));
    }
  }

  private void who(GalleryClient client, String where) {
    if (where.isEmpty() || where.equals("*")) {
      deliver(client, "USERS * " + sorted(users.values()));
    } else {
      rooms.who(client, where);
    }
  }

  /** The clients' names, sorted ignoring case, joined by spaces. */
  static String sorted(Iterable<GalleryClient> clients) {
    List<String> names = new ArrayList<>();
    clients.forEach(c -> names.add(c.name));
    names.sort(String.CASE_INSENSITIVE_ORDER);
    return String.join(" ", names);
  }

  private void exit(GalleryClient client) {
    leave(client, "quit");
    deliver(client, "BYE");
    client.closeAfterSending();
  }

  /** The client leaves the chat, once: every room, then LEAVE to the others if it had a name. */
  private void leave(GalleryClient client, String reason) {
    if (client.left) {
      return;
    }
    client.left = true;
    if (client.name == null) {
      return;
    }
    users.remove(key(client.name));
    rooms.leaveAll(client);
    String leave = event("LEAVE", client.name + " * " + reason);
    users.values().forEach(user -> deliver(user, leave));
  }

  private void dropOverflowed() {
    while (!overflowed.isEmpty()) {
      GalleryClient client = overflowed.removeLast();
      if (!client.left) {
        client.close();
        leave(client, "dropped"); // may overflow another queue: the loop goes on
      }
    }
  }
}
