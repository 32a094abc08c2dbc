package edu.sockets.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The chat's rules and routing, without a socket: peers are lists of lines. */
@DisplayName("ChatState: users, rooms and routing, without sockets")
class ChatStateTest {

  private static final String T = "2026-11-22T10:15:30Z";
  private final List<String> log = new ArrayList<>();
  private final ChatState state =
      new ChatState(Clock.fixed(Instant.parse(T), ZoneOffset.UTC), this::logLine);

  private synchronized void logLine(String line) {
    log.add(line);
  }

  /**
   * A peer that keeps what it is sent, line by line, and counts the pieces it was sent in; {@code
   * capacity} lines fit before it is "full".
   */
  static final class FakePeer implements Peer {
    final String address;
    final int capacity;
    final List<String> lines = new ArrayList<>();
    int pieces;
    boolean closedAfterSending;
    boolean aborted;

    FakePeer(String address, int capacity) {
      this.address = address;
      this.capacity = capacity;
    }

    @Override
    public String address() {
      return address;
    }

    @Override
    public synchronized boolean send(byte[] piece) {
      List<String> sent = new String(piece, StandardCharsets.UTF_8).lines().toList();
      if (lines.size() + sent.size() > capacity) {
        return false;
      }
      lines.addAll(sent);
      pieces++;
      return true;
    }

    @Override
    public void closeAfterSending() {
      closedAfterSending = true;
    }

    @Override
    public void abort() {
      aborted = true;
    }

    /** Lines received since the last call. */
    synchronized List<String> take() {
      List<String> taken = List.copyOf(lines);
      lines.clear();
      return taken;
    }
  }

  private FakePeer user(String name) {
    FakePeer peer = new FakePeer("10.0.0.1:" + (40000 + name.length()), Integer.MAX_VALUE);
    state.connect(peer);
    state.receive(peer, "/name " + name);
    assertThat(peer.take()).last().isEqualTo("WELCOME " + name);
    return peer;
  }

  @Test
  @DisplayName("connecting gets the banner; registering gets WELCOME; the others get JOIN")
  void registrationFlow() {
    FakePeer alice = user("alice");
    FakePeer bob = new FakePeer("10.0.0.2:5000", Integer.MAX_VALUE);

    state.connect(bob);
    assertThat(bob.take()).singleElement().asString().startsWith("INFO ");
    state.receive(bob, "/name bob");

    assertThat(bob.take()).containsExactly("WELCOME bob");
    assertThat(alice.take()).containsExactly("JOIN " + T + " bob *");
    assertThat(log).contains("10.0.0.2:5000 registered as bob");
  }

  @Test
  @DisplayName("public, room and private messages go to exactly who they should")
  void routesEachKindOfMessage() {
    FakePeer alice = user("alice");
    FakePeer bob = user("bob");
    FakePeer carol = user("carol");
    state.receive(alice, "/join #r");
    state.receive(bob, "/join #R");
    alice.take();
    bob.take();
    carol.take();

    state.receive(carol, "to all");
    state.receive(bob, "/msg #r to room");
    state.receive(alice, "/pm Carol to carol");

    assertThat(alice.take())
        .containsExactly(
            "MSG " + T + " carol * to all",
            "MSG " + T + " bob #r to room",
            "MSG " + T + " alice carol to carol");
    assertThat(bob.take())
        .containsExactly("MSG " + T + " carol * to all", "MSG " + T + " bob #r to room");
    assertThat(carol.take())
        .containsExactly("MSG " + T + " carol * to all", "MSG " + T + " alice carol to carol");
  }

  @Test
  @DisplayName("leaving the server leaves every room: one LEAVE *, rooms emptied and removed")
  void leavingTheServerLeavesEveryRoom() {
    FakePeer alice = user("alice");
    FakePeer bob = user("bob");
    state.receive(bob, "/join #a");
    state.receive(bob, "/join #b");
    state.receive(alice, "/join #b");
    alice.take();

    state.disconnect(bob);

    assertThat(alice.take()).containsExactly("LEAVE " + T + " bob * disconnected");
    state.receive(alice, "/rooms");
    assertThat(alice.take()).containsExactly("ROOMS #b:1");
    state.disconnect(bob); // a second report of the same end changes nothing
    assertThat(alice.take()).isEmpty();
  }

  @Test
  @DisplayName("/exit: LEAVE quit to the others, BYE to the user, then close after sending")
  void exitSaysByeAndCloses() {
    FakePeer alice = user("alice");
    FakePeer bob = user("bob");
    alice.take();

    state.receive(bob, "/exit");
    state.receive(bob, "ignored: the session is over");

    assertThat(bob.take()).containsExactly("BYE");
    assertThat(bob.closedAfterSending).isTrue();
    assertThat(alice.take()).containsExactly("LEAVE " + T + " bob * quit");
  }

  @Test
  @DisplayName("a peer whose queue is full is dropped: aborted, and the others get LEAVE dropped")
  void dropsAPeerWhoseQueueIsFull() {
    FakePeer alice = user("alice");
    FakePeer sloth = new FakePeer("10.0.0.9:9", 3); // banner, WELCOME, then one more line
    state.connect(sloth);
    state.receive(sloth, "/name sloth");
    alice.take();

    state.receive(alice, "one"); // fills the sloth's queue
    state.receive(alice, "two"); // does not fit: the sloth is dropped

    assertThat(sloth.aborted).isTrue();
    assertThat(alice.take())
        .containsExactly(
            "MSG " + T + " alice * one",
            "MSG " + T + " alice * two",
            "LEAVE " + T + " sloth * dropped");
    assertThat(log).anyMatch(line -> line.contains("10.0.0.9:9 dropped"));
  }

  @Test
  @DisplayName("lines that arrive together reach each receiver in one piece, in order")
  void linesThatArriveTogetherLeaveTogether() {
    FakePeer alice = user("alice");
    FakePeer bob = user("bob");
    alice.take();
    bob.take();
    int before = bob.pieces;

    state.receive(alice, List.of("one", "/join #r", "two", "three"));

    assertThat(bob.take())
        .containsExactly(
            "MSG " + T + " alice * one",
            "MSG " + T + " alice * two",
            "MSG " + T + " alice * three");
    assertThat(bob.pieces - before).isEqualTo(1);
    assertThat(alice.take()).hasSize(4); // its three lines, and JOIN in their place
  }

  @Test
  @DisplayName(
      "a private line or a rename among public ones arrives in its place, for each receiver")
  void otherLinesAmongPublicOnesKeepTheirPlace() {
    FakePeer alice = user("alice");
    FakePeer bob = user("bob");
    FakePeer carol = user("carol");
    alice.take();
    bob.take();

    state.receive(alice, List.of("one", "/pm bob psst", "two", "/name alicia", "three"));

    String one = "MSG " + T + " alice * one";
    String psst = "MSG " + T + " alice bob psst";
    String two = "MSG " + T + " alice * two";
    String nick = "NICK " + T + " alice alicia";
    String three = "MSG " + T + " alicia * three";
    assertThat(bob.take()).containsExactly(one, psst, two, nick, three);
    assertThat(alice.take()).containsExactly(one, psst, two, nick, three);
    assertThat(carol.take()).containsExactly(one, two, nick, three);
  }

  @Test
  @DisplayName("lines that arrive with /exit, after it, are ignored; the goodbye is still sent")
  void linesAfterExitAreIgnored() {
    FakePeer alice = user("alice");
    FakePeer bob = user("bob");
    alice.take();

    state.receive(bob, List.of("bye all", "/exit", "still here?"));

    assertThat(alice.take())
        .containsExactly("MSG " + T + " bob * bye all", "LEAVE " + T + " bob * quit");
    assertThat(bob.take()).containsExactly("MSG " + T + " bob * bye all", "BYE");
    assertThat(bob.closedAfterSending).isTrue();
  }

  @Test
  @DisplayName("admin: kick sends ERR KICKED, closes, and others see LEAVE kicked")
  void kickRemovesTheUser() {
    FakePeer alice = user("alice");
    FakePeer bob = user("bob");
    alice.take();

    assertThat(state.kick("BOB", "spam")).isTrue();
    assertThat(state.kick("nobody", "x")).isFalse();

    assertThat(bob.take()).containsExactly("ERR KICKED spam");
    assertThat(bob.closedAfterSending).isTrue();
    assertThat(alice.take()).containsExactly("LEAVE " + T + " bob * kicked");
  }

  @Test
  @DisplayName("admin: rename, say and list; rename refuses taken and invalid names")
  void adminRenameSayAndList() {
    FakePeer alice = user("alice");
    FakePeer bob = user("bob");
    state.receive(bob, "/join #r");
    alice.take();

    assertThat(state.rename("alice", "bob")).contains("taken");
    assertThat(state.rename("alice", "server")).contains("reserved");
    assertThat(state.rename("zed", "x")).contains("no user");
    assertThat(state.rename("alice", "ally")).isNull();
    state.say("restart at noon\u001b[2J");

    assertThat(alice.take())
        .containsExactly("NICK " + T + " alice ally", "MSG " + T + " server * restart at noon[2J");
    assertThat(state.list())
        .extracting(ChatState.UserView::name, ChatState.UserView::rooms)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ally", List.of()),
            org.assertj.core.groups.Tuple.tuple("bob", List.of("#r")));
  }

  @Test
  @DisplayName("shutdown: everyone, registered or not, gets INFO and BYE, and is closed")
  void shutdownSaysGoodbyeToEveryone() {
    FakePeer alice = user("alice");
    FakePeer guest = new FakePeer("10.0.0.3:3", Integer.MAX_VALUE);
    state.connect(guest);
    guest.take();

    state.shutdown();

    for (FakePeer peer : List.of(alice, guest)) {
      assertThat(peer.take()).hasSize(2).last().isEqualTo("BYE");
      assertThat(peer.closedAfterSending).isTrue();
    }
  }

  @Test
  @DisplayName(
      "a connection that arrives after shutdown hears the goodbye, is closed, and stays out")
  void aConnectionAfterShutdownHearsTheGoodbye() {
    state.shutdown();
    FakePeer late = new FakePeer("10.0.0.4:4", Integer.MAX_VALUE);

    state.connect(late);
    state.receive(late, "/name late");

    assertThat(late.take()).containsExactly("INFO The server is shutting down.", "BYE");
    assertThat(late.closedAfterSending).isTrue();
    assertThat(state.list()).isEmpty();
  }

  @Test
  @Timeout(20)
  @DisplayName("two threads registering the same name at once: exactly one gets it")
  void concurrentRegistrationsOfOneNameGiveItOnce() throws Exception {
    for (int round = 0; round < 200; round++) {
      ChatState fresh = new ChatState(Clock.systemUTC(), line -> {});
      FakePeer one = new FakePeer("a:1", Integer.MAX_VALUE);
      FakePeer two = new FakePeer("b:2", Integer.MAX_VALUE);
      fresh.connect(one);
      fresh.connect(two);
      CountDownLatch go = new CountDownLatch(1);
      try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
        for (FakePeer peer : List.of(one, two)) {
          threads.submit(() -> {
            go.await();
            fresh.receive(peer, "/name same");
            return null;
          });
        }
        go.countDown();
      }
      long welcomed =
          List.of(one, two).stream().filter(peer -> peer.take().contains("WELCOME same")).count();
      assertThat(welcomed).as("round %d", round).isEqualTo(1);
    }
  }
}
