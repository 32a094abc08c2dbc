package edu.sockets.chat.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.protocol.ServerMessage.Msg;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How lines to everyone are gathered and queued, without a socket. */
@DisplayName("Delivery: lines to everyone, gathered once")
class DeliveryTest {

  private static final Instant T = Instant.parse("2026-11-22T10:15:30Z");
  private final Delivery delivery = new Delivery(Clock.systemUTC());

  /** A peer that keeps the arrays it is sent, as they are. */
  static final class PiecesPeer implements Peer {
    final List<byte[]> pieces = new ArrayList<>();

    @Override
    public String address() {
      return "10.0.0.1:1";
    }

    @Override
    public boolean send(byte[] piece) {
      pieces.add(piece);
      return true;
    }

    @Override
    public void closeAfterSending() {}

    @Override
    public void abort() {}
  }

  private static List<Session> sessions(int count) {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sessions.add(new Session(new PiecesPeer(), T));
    }
    return List.copyOf(sessions);
  }

  private static Msg say(String text) {
    return new Msg(T, "alice", "*", text);
  }

  @Test
  @DisplayName("a burst of public lines is gathered once, and every receiver gets the same piece")
  void publicLinesAreGatheredOnceForEveryone() {
    List<Session> everyone = sessions(100);

    delivery.toEveryone(everyone, say("one"));
    delivery.toEveryone(everyone, say("two"));

    assertThat(everyone).allSatisfy(session -> assertThat(session.gathered).isEmpty());
    delivery.flush();
    byte[] piece = ((PiecesPeer) everyone.getFirst().peer).pieces.getFirst();
    assertThat(new String(piece, UTF_8)).isEqualTo(line("one") + line("two"));
    assertThat(everyone) // the same array, not equal copies
        .allSatisfy(session ->
            assertThat(((PiecesPeer) session.peer).pieces).singleElement().isSameAs(piece));
  }

  @Test
  @DisplayName("after a change of who is there, the earlier lines still go to whom they were for")
  void aNewListOfReceiversKeepsTheEarlierLinesForTheOldOne() {
    List<Session> before = sessions(2);
    Session newcomer = new Session(new PiecesPeer(), T);
    List<Session> after = List.of(before.get(0), before.get(1), newcomer);

    delivery.toEveryone(before, say("before"));
    delivery.toEveryone(after, say("after"));
    delivery.flush();

    assertThat(text(before.getFirst())).isEqualTo(line("before") + line("after"));
    assertThat(text(newcomer)).isEqualTo(line("after"));
  }

  private static String line(String text) {
    return "MSG 2026-11-22T10:15:30Z alice * " + text + "\n";
  }

  private static String text(Session session) {
    StringBuilder all = new StringBuilder();
    ((PiecesPeer) session.peer).pieces.forEach(p -> all.append(new String(p, UTF_8)));
    return all.toString();
  }
}
