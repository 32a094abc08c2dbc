package edu.sockets.multiclient;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sockets.multiclient.LineReader.LineTooLongException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LineReader: UTF-8 lines from a byte stream, with bounded memory")
class LineReaderTest {

  private static final int MAX = LineReader.MAX_LINE_BYTES;

  @Test
  @DisplayName("reads lines ended by LF or CR LF, and removes the ending")
  void readsLinesEndedByLfOrCrLf() throws IOException {
    LineReader reader = reader("hello\r\nsecond\n\nlast");

    assertThat(reader.readLine()).isEqualTo("hello");
    assertThat(reader.readLine()).isEqualTo("second");
    assertThat(reader.readLine()).isEmpty();
    assertThat(reader.readLine()).as("a last line without LF still counts").isEqualTo("last");
    assertThat(reader.readLine()).isNull();
    assertThat(reader.readLine()).as("and end of stream stays the end").isNull();
  }

  @Test
  @DisplayName("keeps a CR that is not just before the LF")
  void keepsACrThatIsNotBeforeTheLf() throws IOException {
    assertThat(reader("a\rb\n").readLine()).isEqualTo("a\rb");
  }

  @Test
  @DisplayName("lines arriving one byte per read, a character split between reads: intact")
  void readsLinesArrivingOneByteAtATime() throws IOException {
    LineReader reader = new LineReader(inPieces("hello\r\nسلام 👋\n".getBytes(UTF_8), 1));

    assertThat(reader.readLine()).isEqualTo("hello");
    assertThat(reader.readLine()).isEqualTo("سلام 👋");
    assertThat(reader.readLine()).isNull();
  }

  @Test
  @DisplayName("many lines in one read come out one by one")
  void splitsOneReadIntoManyLines() throws IOException {
    LineReader reader = reader("1\n2\n3\n".repeat(1000));

    for (int i = 0; i < 1000; i++) {
      assertThat(reader.readLine()).isEqualTo("1");
      assertThat(reader.readLine()).isEqualTo("2");
      assertThat(reader.readLine()).isEqualTo("3");
    }
    assertThat(reader.readLine()).isNull();
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
  @DisplayName(
      "passes NUL and other control bytes through (showing them safely is the caller's job)")
  void passesNulAndControlBytesThrough() throws IOException {
    assertThat(reader("a\u0000b\u001b[2J\n").readLine()).isEqualTo("a\u0000b\u001b[2J");
  }

  @Test
  @DisplayName("a line of exactly 8192 bytes is accepted, with LF or CR LF")
  void acceptsALineOfExactlyTheLimit() throws IOException {
    String longest = "x".repeat(MAX);
    LineReader reader = reader(longest + "\r\n" + longest + "\n" + longest);

    assertThat(reader.readLine()).isEqualTo(longest);
    assertThat(reader.readLine()).isEqualTo(longest);
    assertThat(reader.readLine()).isEqualTo(longest);
  }

  @Test
  @DisplayName("a line of 8193 bytes is refused, and the next line is read as usual")
  void refusesALineOneByteOverTheLimitAndCarriesOn() throws IOException {
    LineReader reader = reader("x".repeat(MAX + 1) + "\nnext\n" + "y".repeat(MAX + 1) + "\r\n");

    assertThatThrownBy(reader::readLine)
        .isInstanceOf(LineTooLongException.class)
        .hasMessage("line longer than 8192 bytes");
    assertThat(reader.readLine()).isEqualTo("next");
    assertThatThrownBy(reader::readLine).isInstanceOf(LineTooLongException.class);
    assertThat(reader.readLine()).isNull();
  }

  @Test
  @DisplayName("counts the limit in bytes, not characters")
  void countsTheLimitInBytesNotCharacters() throws IOException {
    String twoBytesEach = "é".repeat(MAX / 2 + 1); // 8194 bytes

    LineReader reader = reader(twoBytesEach + "\nok\n");

    assertThatThrownBy(reader::readLine).isInstanceOf(LineTooLongException.class);
    assertThat(reader.readLine()).isEqualTo("ok");
  }

  @Test
  @DisplayName("a 1 MiB line, one byte per read, is refused once and skipped to its end")
  void skipsAHugeLineArrivingInPieces() throws IOException {
    byte[] bytes = ("z".repeat(1 << 20) + "\nafter\n").getBytes(UTF_8);
    LineReader reader = new LineReader(inPieces(bytes, 7));

    assertThatThrownBy(reader::readLine).isInstanceOf(LineTooLongException.class);
    assertThat(reader.readLine()).isEqualTo("after");
    assertThat(reader.bufferCapacity()).isLessThanOrEqualTo(MAX + 2);
  }

  @Test
  @DisplayName("an endless line is refused at the limit, and skipping it never holds more bytes")
  void holdsNoMoreThanTheLimitWhateverArrives() throws IOException {
    long[] served = {0};
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            served[0]++;
            return 'x';
          }

          @Override
          public int read(byte[] buffer, int offset, int length) {
            int n = Math.min(length, 1000);
            Arrays.fill(buffer, offset, offset + n, (byte) 'x');
            served[0] += n;
            if (served[0] > 50_000_000) {
              return -1; // enough: 50 MB without an LF
            }
            return n;
          }
        };
    LineReader reader = new LineReader(endless);

    assertThatThrownBy(reader::readLine).isInstanceOf(LineTooLongException.class);
    assertThat(served[0]).as("refused as soon as the limit is passed").isLessThan(MAX + 1000);
    assertThat(reader.readLine()).as("the stream ended inside the skipped line").isNull();
    assertThat(served[0]).isGreaterThan(50_000_000);
    assertThat(reader.bufferCapacity()).isLessThanOrEqualTo(MAX + 2);
  }

  @Test
  @DisplayName("an idle reader holds a small buffer, not the whole limit")
  void startsSmall() throws IOException {
    LineReader reader = reader("short\n");

    assertThat(reader.readLine()).isEqualTo("short");
    assertThat(reader.bufferCapacity()).isLessThan(1024);
  }

  @Test
  @DisplayName("another limit can be set: the client allows long replies")
  void honoursAnotherLimit() throws IOException {
    LineReader reader =
        new LineReader(
            new ByteArrayInputStream(("y".repeat(40_000) + "\n").getBytes(UTF_8)), 64 * 1024);

    assertThat(reader.readLine()).hasSize(40_000);
    assertThatThrownBy(() -> new LineReader(InputStream.nullInputStream(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
  }

  private static LineReader reader(String text) {
    return new LineReader(new ByteArrayInputStream(text.getBytes(UTF_8)));
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
}
