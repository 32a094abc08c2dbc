package edu.sockets.broadcast;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.broadcast.BroadcastHub.Reason;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The hub's bookkeeping, without a network: members are outboxes whose queues we look into. */
@DisplayName("BroadcastHub: join, leave, relay and drop, without sockets")
class BroadcastHubTest {

  private final List<String> log = new ArrayList<>();
  private final BroadcastHub hub = new BroadcastHub(log::add);

  /** A member whose connection is never connected: the hub can only close it. */
  private static final class Member {
    final Socket connection = new Socket();
    final Outbox outbox;
    final List<byte[]> sent = new ArrayList<>();

    Member(String name) {
      outbox = new Outbox(name, connection, Thread.ofVirtual().factory());
    }

    /** Everything sent to this member so far: what its writer would have written. */
    List<String> lines() {
      sent.addAll(outbox.takeQueued());
      return sent.stream().map(line -> new String(line, UTF_8)).toList();
    }
  }

  private Member join(String name) {
    Member member = new Member(name);
    hub.join(member.outbox);
    return member;
  }

  @Test
  void welcomesANewcomerWithTheCountOfOthersAndTellsThemItJoined() {
    Member a = join("10.0.0.1:1000");
    Member b = join("10.0.0.2:2000");

    assertThat(a.lines())
        .containsExactly(
            "*** Welcome 10.0.0.1:1000! Others online: 0. Send /exit to leave.\n",
            "*** 10.0.0.2:2000 joined\n");
    assertThat(b.lines())
        .containsExactly("*** Welcome 10.0.0.2:2000! Others online: 1. Send /exit to leave.\n");
    assertThat(hub.size()).isEqualTo(2);
    assertThat(log)
        .containsExactly("10.0.0.1:1000 joined (1 online)", "10.0.0.2:2000 joined (2 online)");
  }

  @Test
  @DisplayName("relays a line to everyone but the sender, as [ip:port] text")
  void relaysALineToEveryoneButTheSenderWithTheSendersIdentity() {
    Member a = join("10.0.0.1:1000");
    Member b = join("10.0.0.2:2000");
    Member c = join("10.0.0.3:3000");

    hub.broadcast(b.outbox, List.of("hello"));

    assertThat(a.lines()).last().isEqualTo("[10.0.0.2:2000] hello\n");
    assertThat(c.lines()).last().isEqualTo("[10.0.0.2:2000] hello\n");
    assertThat(b.lines()).noneMatch(line -> line.contains("hello"));
    assertThat(hub.relayed()).isEqualTo(1);
  }

  @Test
  @DisplayName("encodes a line once: every receiver's queue holds the same array")
  void sharesOneEncodedArrayAmongReceivers() {
    Member a = join("10.0.0.1:1000");
    Member b = join("10.0.0.2:2000");
    Member c = join("10.0.0.3:3000");

    hub.broadcast(a.outbox, List.of("one copy"));

    assertThat(b.outbox.takeQueued().getLast()).isSameAs(c.outbox.takeQueued().getLast());
  }

  @Test
  @DisplayName("lines that arrived together leave as one piece, in order, the same array for all")
  void relaysLinesThatArrivedTogetherAsOnePiece() {
    Member a = join("10.0.0.1:1000");
    Member b = join("10.0.0.2:2000");
    Member c = join("10.0.0.3:3000");

    hub.broadcast(a.outbox, List.of("one", "\u001b", "two"));

    byte[] piece = b.outbox.takeQueued().getLast();
    assertThat(new String(piece, UTF_8))
        .isEqualTo("[10.0.0.1:1000] one\n[10.0.0.1:1000] two\n"); // the blank one is not relayed
    assertThat(c.outbox.takeQueued().getLast()).isSameAs(piece);
    assertThat(hub.relayed()).isEqualTo(2);
  }

  @Test
  @DisplayName("keeps each sender's order in every queue")
  void keepsEachSendersOrderInEveryQueue() {
    Member a = join("10.0.0.1:1000");
    Member b = join("10.0.0.2:2000");

    for (int i = 0; i < 100; i++) {
      hub.broadcast(a.outbox, List.of("line " + i));
    }

    List<String> relayed = b.lines().stream().filter(line -> line.startsWith("[")).toList();
    assertThat(relayed).hasSize(100);
    for (int i = 0; i < 100; i++) {
      assertThat(relayed.get(i)).isEqualTo("[10.0.0.1:1000] line " + i + "\n");
    }
  }

  @Test
  @DisplayName("removes ESC, BEL, DEL, C1 and other controls, but keeps TAB and any other text")
  void stripsControlCharacters() {
    assertThat(BroadcastHub.withoutControlCharacters("a\u001b[2Jb\u001b]0;title\u0007c"))
        .isEqualTo("a[2Jb]0;titlec");
    assertThat(BroadcastHub.withoutControlCharacters("\u0000x\ry\u007fz\u0085\u009b1m\u009f"))
        .isEqualTo("xyz1m");
    assertThat(BroadcastHub.withoutControlCharacters("tab\there, سلام 👋 é\u00a0ü"))
        .isEqualTo("tab\there, سلام 👋 é\u00a0ü");
  }

  @Test
  void relaysTheLineWithoutItsControlCharacters() {
    Member a = join("10.0.0.1:1000");
    Member b = join("10.0.0.2:2000");

    hub.broadcast(a.outbox, List.of("\u001b[2J\u001b]0;pwned\u0007hi"));

    assertThat(b.lines()).last().isEqualTo("[10.0.0.1:1000] [2J]0;pwnedhi\n");
  }

  @Test
  void relaysNothingForALineThatIsEmptyOnceCleaned() {
    Member a = join("10.0.0.1:1000");
    Member b = join("10.0.0.2:2000");
    int before = b.lines().size();

    hub.broadcast(a.outbox, List.of(""));
    hub.broadcast(a.outbox, List.of("\u001b\u0007\u0000"));

    assertThat(b.lines()).hasSize(before);
  }

  @Test
  void tellsTheOthersWhyAMemberLeft() {
    Member a = join("10.0.0.1:1000");
    Member b = join("10.0.0.2:2000");
    Member c = join("10.0.0.3:3000");
    Member d = join("10.0.0.4:4000");

    hub.leave(b.outbox, Reason.EXIT);
    hub.leave(c.outbox, Reason.CLOSED);
    hub.leave(d.outbox, Reason.RESET);

    assertThat(a.lines())
        .endsWith(
            "*** 10.0.0.2:2000 left (/exit)\n",
            "*** 10.0.0.3:3000 left (closed the connection)\n",
            "*** 10.0.0.4:4000 left (connection reset)\n");
    assertThat(hub.size()).isEqualTo(1);
    assertThat(log).contains("10.0.0.4:4000 left (connection reset, 1 online)");
  }

  @Test
  void announcesALeaveOnceEvenIfToldTwice() {
    Member a = join("10.0.0.1:1000");
    Member b = join("10.0.0.2:2000");

    hub.leave(b.outbox, Reason.EXIT);
    hub.leave(b.outbox, Reason.CLOSED);

    assertThat(a.lines()).filteredOn(line -> line.contains("left")).hasSize(1);
  }

  @Test
  void aMemberThatLeftGetsNoMoreLines() {
    Member a = join("10.0.0.1:1000");
    Member b = join("10.0.0.2:2000");
    hub.leave(b.outbox, Reason.EXIT);
    int before = b.lines().size();

    hub.broadcast(a.outbox, List.of("anyone?"));

    assertThat(b.lines()).hasSize(before);
  }

  @Test
  @DisplayName("a member over 1 MiB behind is dropped: removed, closed, announced; the rest go on")
  void dropsAMemberWhoseQueueOverflows() {
    Member sender = join("10.0.0.1:1000");
    Member reader = join("10.0.0.2:2000");
    Member stuck = join("10.0.0.3:3000");
    String text = "x".repeat(8000);

    // The reader's queue is emptied after each line, as if its writer kept up; the stuck one's
    // never is.
    int sent = 0;
    while (hub.size() == 3) {
      hub.broadcast(sender.outbox, List.of(text));
      reader.lines();
      sent++;
      assertThat(sent).as("lines sent before the drop").isLessThan(200);
    }

    assertThat(stuck.connection.isClosed()).isTrue();
    assertThat(reader.connection.isClosed()).isFalse();
    int lineBytes = "[10.0.0.1:1000] ".length() + text.length() + 1;
    assertThat(sent)
        .isBetween(Outbox.MAX_QUEUED_BYTES / lineBytes, Outbox.MAX_QUEUED_BYTES / lineBytes + 1);
    hub.broadcast(sender.outbox, List.of("after the drop"));
    assertThat(reader.lines()).last().isEqualTo("[10.0.0.1:1000] after the drop\n");
    assertThat(reader.lines())
        .contains("*** 10.0.0.3:3000 left (dropped by the server: not reading)\n");
    assertThat(log).anyMatch(line -> line.startsWith("10.0.0.3:3000 dropped"));
    assertThat(sender.connection.isClosed()).isFalse();
  }
}
