package edu.sockets.multiclient.grading;

import static java.nio.charset.StandardCharsets.UTF_8;

import edu.sockets.grading.Check;
import edu.sockets.grading.Reply;
import edu.sockets.grading.Rubric;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.List;

/**
 * Phase 2's rubric: chapter 2's echo protocol made executable. Each exact text is judged by one
 * check only; the others accept any answer that repeats the line, so one wrong word costs one
 * check. Every check but the one about concurrency uses one connection at a time, so a server that
 * serves one client at a time loses that check alone.
 */
public final class MultiClientRubric {

  /** Chapter 2's limit on a line, in bytes, not counting its line ending. */
  static final int MAX_LINE_BYTES = 8192;

  static final String PROTOCOL = "chapter 2, 3.3";
  static final String FRAMING = "chapter 2, 3.4";
  static final String CONVERSATION = "chapter 2, 3.2";

  private MultiClientRubric() {}

  public static Rubric rubric() {
    return new Rubric(
        "Phase 2: Many clients",
        List.of(
            new Check("echoes \"[ip:port] you said: <line>\"", 3, PROTOCOL, ExchangeChecks::echoes),
            new Check(
                "\"/exit\": \"[ip:port] goodbye\", then closes", 2, PROTOCOL, ExchangeChecks::exit),
            new Check(
                "\"/exit\" with spaces around it", 1, PROTOCOL, ExchangeChecks::exitWithSpaces),
            new Check(
                "end of stream: answers, then closes",
                1,
                CONVERSATION,
                ExchangeChecks::endOfStream),
            new Check(
                "serves the next client after a reset", 1, CONVERSATION, ExchangeChecks::reset),
            new Check(
                "a line sent byte by byte: one answer", 1, FRAMING, FramingChecks::byteByByte),
            new Check(
                "200 lines in one write: 200 answers, in order",
                1,
                FRAMING,
                FramingChecks::manyLinesInOneWrite),
            new Check(
                "UTF-8 character split across writes", 1, FRAMING, FramingChecks::splitCharacter),
            new Check("CR LF line ending accepted", 1, FRAMING, FramingChecks::crLf),
            new Check(
                "control characters come back as \\xNN",
                1,
                PROTOCOL,
                FramingChecks::controlCharacters),
            new Check("invalid UTF-8 comes back as U+FFFD", 1, FRAMING, FramingChecks::invalidUtf8),
            new Check(
                "a line over 8,192 bytes: the error line", 1, PROTOCOL, OverLongChecks::errorLine),
            new Check(
                "an endless line: refused at 8,192 bytes, connection kept",
                2,
                FRAMING,
                OverLongChecks::refusedAtTheLimit),
            new Check(
                "a silent client does not delay another",
                3,
                "chapter 2, 2.2",
                ManyClientsChecks::silentClient),
            new Check(
                "a client that never reads delays no one else",
                1,
                CONVERSATION,
                ManyClientsChecks::clientThatNeverReads),
            new Check(
                "%d clients at once: each let in within 1 s, and answered".formatted(Burst.CLIENTS),
                2,
                "chapter 2, 3.1 and 5.6",
                ManyClientsChecks::burst)),
        false);
  }

  /**
   * True for a line that a server of this protocol could have sent: UTF-8 text without control
   * characters. The checks that do not judge the exact text accept any such line, so that a wrong
   * word costs only the check that judges it; random bytes are not such a line.
   */
  static boolean isText(Reply reply) {
    return reply.isLine() && isText(reply.bytes());
  }

  /** {@link #isText(Reply)} for the bytes of a line, with or without its line ending. */
  static boolean isText(byte[] line) {
    int length = line.length;
    while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r')) {
      length--;
    }
    try {
      // A new decoder reports malformed input, where new String(...) would replace it.
      String text = UTF_8.newDecoder().decode(ByteBuffer.wrap(line, 0, length)).toString();
      return text.codePoints().noneMatch(Character::isISOControl);
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** {@code [127.0.0.1:53422] you said: hello}. */
  static String reply(String who, String line) {
    return "[" + who + "] you said: " + line;
  }

  /** {@code [127.0.0.1:53422] goodbye}. */
  static String goodbye(String who) {
    return "[" + who + "] goodbye";
  }

  /** {@code [127.0.0.1:53422] error: line longer than 8192 bytes, ignored}. */
  static String tooLong(String who) {
    return "[" + who + "] error: line longer than " + MAX_LINE_BYTES + " bytes, ignored";
  }
}
