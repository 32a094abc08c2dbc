package edu.sockets.chat.load;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.protocol.ServerMessage.Msg;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Inbox: the load generator's checks of every line a user receives")
class InboxTest {

  private static final Instant TS = Instant.parse("2026-11-22T05:55:40.096Z");
  private static final long START = 1_000_000_000L; // nanoTime when the run started

  private final Inbox inbox = new Inbox("ld00ff-", 3);
  private final byte[] buffer = new byte[4096];
  private int kept;

  /** A load message from user {@code sender}, formatted as the server formats it. */
  private static String message(int sender, int seq, long micros) {
    return new Msg(TS, "ld00ff-" + sender, "*", Inbox.text(sender, seq, micros)).toLine() + "\n";
  }

  /** Hands {@code text} to the inbox as one read, read at {@code now}. */
  private void receive(String text, long now) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(bytes, 0, buffer, kept, bytes.length);
    kept = inbox.take(buffer, kept + bytes.length, START, now);
  }

  private void receive(String text) {
    receive(text, START + 5_000_000);
  }

  @Test
  @DisplayName("counts each intact message, and times it from the send time it carries")
  void countsAndTimesMessages() {
    receive(message(0, 0, 1_000) + message(2, 0, 2_000), START + 3_000_000);

    assertThat(inbox.received).isEqualTo(2);
    assertThat(inbox.misordered + inbox.corrupted).isZero();
    assertThat(inbox.latency.count()).isEqualTo(2);
    assertThat(inbox.latency.max()).isEqualTo(2_000_000); // sent at 1 ms, read at 3 ms
  }

  @Test
  @DisplayName("a line delivered one byte at a time is checked once, when its LF arrives")
  void checksALineSplitAcrossReads() {
    String line = message(1, 0, 7);
    for (int i = 0; i < line.length() - 1; i++) {
      receive(line.substring(i, i + 1));
      assertThat(inbox.received).isZero();
    }
    receive("\n");

    assertThat(inbox.received).isEqualTo(1);
    assertThat(inbox.corrupted).isZero();
    assertThat(kept).isZero();
  }

  @Test
  @DisplayName("a message that is not its sender's next one is out of order")
  void countsMessagesOutOfOrder() {
    receive(message(1, 0, 1) + message(1, 2, 2) + message(1, 3, 3) + message(2, 0, 4));

    assertThat(inbox.received).isEqualTo(4);
    assertThat(inbox.misordered).isEqualTo(1); // 2 after 0; then 3 after 2 is in order again
  }

  @Test
  @DisplayName("a line of this run that is not a well-formed load message is corrupted")
  void countsCorruptedLines() {
    receive("MSG 2026-11-22T05:55:40.096Z ld00ff-1 * 2 0 5\n"); // sender 2 speaks as user 1
    receive("MSG 2026-11-22T05:55:40.096Z ld00ff-1 * 1 0\n"); // no send time
    receive("MSG 2026-11-22T05:55:40.096Z ld00ff-1 * 1 0 5x\n"); // not a number
    receive("MSG 2026-11-22T05:55:40.096Z ld00ff-1 * 1 0 5 6\n"); // one number too many
    receive("MSG 2026-11-22T05:55:40.096Z ld00ff-1 #room 1 0 5\n"); // not public
    receive("MSG 2026-11-22T05:55 ld00ff-1 * 1 0 5\n"); // a timestamp cut short
    receive("MSG 2026-11-22T05:55:40.096Z ld00ff-7 * 7 0 5\n"); // no such sender in this run
    receive("MSG 2026-11-22T05:55:40.096Z ld00ff- * 1 0 5\n"); // a name without its number

    assertThat(inbox.corrupted).isEqualTo(8);
    assertThat(inbox.received).isZero();
  }

  @Test
  @DisplayName("messages from users of another run or another client are not ours to count")
  void ignoresOtherUsers() {
    receive("MSG 2026-11-22T05:55:40.096Z alice * hello\n");
    receive("MSG 2026-11-22T05:55:40.096Z ld1234-1 * 1 0 5\n");

    assertThat(inbox.received + inbox.corrupted + inbox.misordered).isZero();
  }

  @Test
  @DisplayName("WELCOME marks the user registered; the first ERR is kept to report")
  void notesWelcomeAndRefusal() {
    receive("INFO Welcome to the chat.\nJOIN 2026-11-22T05:55:40Z ld00ff-2 *\n");
    assertThat(inbox.welcomed).isFalse();

    receive("WELCOME ld00ff-0\nERR NAME_TAKEN ld00ff-0 is taken\nERR UNKNOWN_COMMAND x\n");

    assertThat(inbox.welcomed).isTrue();
    assertThat(inbox.refusal).isEqualTo("ERR NAME_TAKEN ld00ff-0 is taken");
    assertThat(inbox.received + inbox.corrupted).isZero();
  }

  @Test
  @DisplayName("the warm-up run on made-up lines finds nothing wrong")
  void warmUpPasses() throws Exception {
    WarmUp.run(); // throws if its own lines fail the checks
  }
}
