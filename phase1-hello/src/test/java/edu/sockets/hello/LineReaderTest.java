package edu.sockets.hello;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LineReader: framing a byte stream into UTF-8 lines")
class LineReaderTest {

  @Test
  @DisplayName("reads lines ended by LF")
  void readsLinesEndedByLf() throws IOException {
    LineReader reader = reader("Hello Server\nsecond\n");

    assertThat(reader.readLine()).isEqualTo("Hello Server");
    assertThat(reader.readLine()).isEqualTo("second");
    assertThat(reader.readLine()).isNull();
  }

  @Test
  @DisplayName("CR LF is accepted as a line ending, and the CR is removed")
  void stripsTheCrOfCrLf() throws IOException {
    LineReader reader = reader("Hello Server\r\nnext\r\n");

    assertThat(reader.readLine()).isEqualTo("Hello Server");
    assertThat(reader.readLine()).isEqualTo("next");
  }

  @Test
  @DisplayName("keeps a CR that is not just before the LF")
  void keepsACrThatIsNotBeforeTheLf() throws IOException {
    assertThat(reader("a\rb\n").readLine()).isEqualTo("a\rb");
  }

  @Test
  void readsAnEmptyLine() throws IOException {
    LineReader reader = reader("\nx\n");

    assertThat(reader.readLine()).isEmpty();
    assertThat(reader.readLine()).isEqualTo("x");
  }

  @Test
  void returnsNullAtEndOfStream() throws IOException {
    assertThat(reader("").readLine()).isNull();
  }

  @Test
  @DisplayName("returns a last line that has no LF")
  void returnsALastLineThatHasNoLf() throws IOException {
    LineReader reader = reader("no newline");

    assertThat(reader.readLine()).isEqualTo("no newline");
    assertThat(reader.readLine()).isNull();
  }

  @Test
  @DisplayName("a line arriving one byte per read is still one line")
  void readsALineArrivingOneByteAtATime() throws IOException {
    LineReader reader = new LineReader(inPieces("Hello Server\r\nسلام 👋\n".getBytes(UTF_8), 1));

    assertThat(reader.readLine()).isEqualTo("Hello Server");
    assertThat(reader.readLine()).isEqualTo("سلام 👋");
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
  @DisplayName("bytes that are not UTF-8 become U+FFFD, and reading goes on")
  void replacesInvalidUtf8() throws IOException {
    byte[] bytes = {'a', (byte) 0xC3, 'b', (byte) 0xFF, '\n', 'o', 'k', '\n'};
    LineReader reader = new LineReader(new ByteArrayInputStream(bytes));

    assertThat(reader.readLine()).isEqualTo("a\uFFFDb\uFFFD");
    assertThat(reader.readLine()).isEqualTo("ok");
  }

  @Test
  @DisplayName("passes NUL and other control bytes through unchanged")
  void passesNulAndControlBytesThrough() throws IOException {
    assertThat(reader("a\u0000b\u001b[2J\n").readLine()).isEqualTo("a\u0000b\u001b[2J");
  }

  @Test
  void acceptsALineOfExactlyTheLimit() throws IOException {
    String longest = "x".repeat(LineReader.MAX_LINE_BYTES);

    assertThat(reader(longest + "\r\n").readLine()).isEqualTo(longest);
  }

  @Test
  @DisplayName("a line over 8192 bytes is refused")
  void refusesALineOverTheLimit() {
    LineReader reader = reader("x".repeat(LineReader.MAX_LINE_BYTES + 1) + "\n");

    assertThatThrownBy(reader::readLine)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("8192");
  }

  @Test
  void countsTheLimitInBytesNotCharacters() {
    String twoBytesEach = "é".repeat(LineReader.MAX_LINE_BYTES / 2 + 1); // 8194 bytes

    assertThatThrownBy(() -> reader(twoBytesEach + "\n").readLine())
        .isInstanceOf(IOException.class);
  }

  @Test
  @DisplayName("an endless line is refused after the limit, without reading (or keeping) the rest")
  void stopsReadingAnEndlessLineAtTheLimit() {
    int[] served = {0};
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            served[0]++;
            return 'x';
          }
        };

    assertThatThrownBy(() -> new LineReader(endless).readLine()).isInstanceOf(IOException.class);
    // BufferedInputStream reads ahead at most one buffer (8192 bytes) past what we consumed.
    assertThat(served[0]).isLessThanOrEqualTo(2 * LineReader.MAX_LINE_BYTES + 2);
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
