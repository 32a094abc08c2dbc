package edu.sockets.broadcast;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LineReader: framing a byte stream into UTF-8 lines, many per read")
class LineReaderTest {

  private static final int MAX = LineReader.MAX_LINE_BYTES;

  @Test
  @DisplayName("reads lines ended by LF or CR LF, and a last line without either")
  void readsLinesEndedByLfOrCrLf() throws IOException {
    LineReader reader = reader("one\ntwo\r\n\nthree");

    assertThat(reader.readLine()).isEqualTo("one");
    assertThat(reader.readLine()).isEqualTo("two");
    assertThat(reader.readLine()).isEmpty();
    assertThat(reader.readLine()).isEqualTo("three");
    assertThat(reader.readLine()).isNull();
    assertThat(reader.readLine()).as("and again: the end stays the end").isNull();
  }

  @Test
  @DisplayName("keeps a CR that is not just before the LF")
  void keepsACrThatIsNotBeforeTheLf() throws IOException {
    assertThat(reader("a\rb\n").readLine()).isEqualTo("a\rb");
  }

  @Test
  @DisplayName("a line arriving one byte per read is still one line")
  void readsALineArrivingOneByteAtATime() throws IOException {
    LineReader reader = new LineReader(inPieces("Hello\r\nسلام 👋\n".getBytes(UTF_8), 1));

    assertThat(reader.readLine()).isEqualTo("Hello");
    assertThat(reader.readLine()).isEqualTo("سلام 👋");
    assertThat(reader.readLine()).isNull();
  }

  @Test
  @DisplayName("a UTF-8 character split across two reads arrives whole")
  void keepsACharacterSplitAcrossReads() throws IOException {
    byte[] bytes = "👋\n".getBytes(UTF_8); // four bytes for the emoji, then LF
    for (int split = 1; split < 4; split++) {
      LineReader reader = new LineReader(inPieces(bytes, split));

      assertThat(reader.readLine()).as("split after %d bytes", split).isEqualTo("👋");
    }
  }

  @Test
  @DisplayName("many lines in one read come out one by one")
  void readsManyLinesFromOneRead() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      text.append("line ").append(i).append('\n');
    }
    LineReader reader = reader(text.toString());

    for (int i = 0; i < 3000; i++) {
      assertThat(reader.readLine()).isEqualTo("line " + i);
    }
    assertThat(reader.readLine()).isNull();
  }

  @Test
  @DisplayName("says whether another whole line is already read, so the next read will not wait")
  void knowsWhetherAWholeLineIsWaiting() throws IOException {
    LineReader reader = new LineReader(inPieces("one\ntwo\nthr".getBytes(UTF_8), 64));

    assertThat(reader.readLine()).isEqualTo("one");
    assertThat(reader.hasCompleteLine()).isTrue();
    assertThat(reader.readLine()).isEqualTo("two");
    assertThat(reader.hasCompleteLine()).isFalse(); // "thr" is not a line yet
  }

  @Test
  @DisplayName("bytes that are not UTF-8 become U+FFFD, and reading goes on")
  void replacesInvalidUtf8() throws IOException {
    byte[] bytes = {'a', (byte) 0xC3, 'b', (byte) 0xFF, '\n', 'o', 'k', '\n'};
    LineReader reader = new LineReader(new ByteArrayInputStream(bytes));

    assertThat(reader.readLine()).isEqualTo("a\uFFFDb\uFFFD");
    assertThat(reader.readLine()).isEqualTo("ok");
  }

  @Test
  @DisplayName("passes NUL and other control bytes through: removing them is the hub's job")
  void passesControlBytesThrough() throws IOException {
    assertThat(reader("a\u0000b\u001b[2J\n").readLine()).isEqualTo("a\u0000b\u001b[2J");
  }

  @Test
  @DisplayName("accepts a line of exactly 8192 bytes, with or without CR")
  void acceptsALineOfExactlyTheLimit() throws IOException {
    String longest = "x".repeat(MAX);
    LineReader reader = reader(longest + "\r\n" + longest + "\n" + longest);

    assertThat(reader.readLine()).isEqualTo(longest);
    assertThat(reader.readLine()).isEqualTo(longest);
    assertThat(reader.readLine()).isEqualTo(longest);
  }

  @Test
  @DisplayName("a line over 8192 bytes is refused, and the next line is read as usual")
  void refusesALineOverTheLimitAndGoesOn() throws IOException {
    LineReader reader =
        reader("x".repeat(MAX + 1) + "\nnext\n" + "y".repeat(MAX + 1) + "\r\nlast\n");

    assertThatThrownBy(reader::readLine)
        .isInstanceOf(LineReader.LineTooLongException.class)
        .hasMessageContaining("8192");
    assertThat(reader.readLine()).isEqualTo("next");
    assertThatThrownBy(reader::readLine).isInstanceOf(LineReader.LineTooLongException.class);
    assertThat(reader.readLine()).isEqualTo("last");
    assertThat(reader.readLine()).isNull();
  }

  @Test
  void countsTheLimitInBytesNotCharacters() {
    String twoBytesEach = "é".repeat(MAX / 2 + 1); // 8194 bytes

    assertThatThrownBy(() -> reader(twoBytesEach + "\n").readLine())
        .isInstanceOf(LineReader.LineTooLongException.class);
  }

  @Test
  @DisplayName("refuses an over-long last line that has no LF")
  void refusesAnOverlongLastLineWithoutLf() throws IOException {
    LineReader reader = reader("z".repeat(MAX + 1));

    assertThatThrownBy(reader::readLine).isInstanceOf(LineReader.LineTooLongException.class);
    assertThat(reader.readLine()).isNull();
  }

  @Test
  @DisplayName("an endless line is refused at the limit, and skipped without being kept")
  void skipsAnEndlessLineWithoutKeepingIt() throws IOException {
    Endless endless = new Endless();
    LineReader reader = new LineReader(new SequenceInputStream(endless, stream("\nafter\n")));

    assertThatThrownBy(reader::readLine).isInstanceOf(LineReader.LineTooLongException.class);
    // Refused as soon as the limit was passed: at most one buffer (2 x 8192 + 2) was read.
    assertThat(endless.served).isLessThanOrEqualTo(2 * MAX + 2);

    endless.remaining = 10_000_000; // ten million more bytes of the same line, then its LF
    assertThat(reader.readLine()).isEqualTo("after");
  }

  @Test
  @DisplayName("next() finds the line in place, without making a String")
  void findsTheLineInPlace() throws IOException {
    LineReader reader = reader("[a] 1 2\r\nxyz\n");

    int length = reader.next();
    assertThat(new String(reader.bytes(), reader.lineStart(), length, UTF_8)).isEqualTo("[a] 1 2");
    length = reader.next();
    assertThat(new String(reader.bytes(), reader.lineStart(), length, UTF_8)).isEqualTo("xyz");
    assertThat(reader.next()).isEqualTo(-1);
  }

  @Test
  @DisplayName("a bigger limit, for what the server sends: a 24 KiB line is fine")
  void acceptsLongerLinesWithABiggerLimit() throws IOException {
    String line = "\uFFFD".repeat(MAX); // three bytes each
    LineReader reader =
        new LineReader(stream(line + "\n"), BroadcastClient.MAX_RECEIVED_LINE_BYTES);

    assertThat(reader.readLine()).isEqualTo(line);
  }

  private static LineReader reader(String text) {
    return new LineReader(stream(text));
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(UTF_8));
  }

  /** A stream that hands out at most {@code size} bytes per read, as TCP may. */
  private static InputStream inPieces(byte[] bytes, int size) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] buffer, int offset, int length) {
        return super.read(buffer, offset, Math.min(length, size));
      }
    };
  }

  /** 'x' after 'x', counted; {@link #remaining} bytes, then the end of this stream. */
  private static final class Endless extends InputStream {
    long served;
    long remaining = Long.MAX_VALUE;

    @Override
    public int read() {
      return read(new byte[1], 0, 1) < 0 ? -1 : 'x';
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (remaining <= 0) {
        return -1;
      }
      int n = (int) Math.min(length, remaining);
      Arrays.fill(buffer, offset, offset + n, (byte) 'x');
      remaining -= n;
      served += n;
      return n;
    }
  }
}
