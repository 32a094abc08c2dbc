package edu.sockets.chat.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sockets.chat.protocol.LineReader.LineTooLongException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName(
    "LineReader: UTF-8 lines from a byte stream, with a limit that does not end the stream")
class LineReaderTest {

  @Test
  @DisplayName("reads lines ended by LF or CR LF, and a last line without LF")
  void readsLfCrLfAndALastLineWithoutLf() throws IOException {
    LineReader reader = reader("one\ntwo\r\n\nlast");

    assertThat(reader.readLine()).isEqualTo("one");
    assertThat(reader.readLine()).isEqualTo("two");
    assertThat(reader.readLine()).isEmpty();
    assertThat(reader.readLine()).isEqualTo("last");
    assertThat(reader.readLine()).isNull();
  }

  @Test
  @DisplayName("says whether the next line is already read: lines that came together, together")
  void knowsWhetherALineIsAlreadyRead() throws IOException {
    LineReader reader = new LineReader(inPieces("one\ntwo\nthr".getBytes(UTF_8), 100));

    assertThat(reader.readLine()).isEqualTo("one");
    assertThat(reader.hasCompleteLine()).isTrue();
    assertThat(reader.readLine()).isEqualTo("two");
    assertThat(reader.hasCompleteLine()).isFalse(); // "thr" is not a line yet: reading would wait
  }

  @Test
  @DisplayName("a line arriving one byte per read, emoji split across reads, is still one line")
  void readsALineArrivingOneByteAtATime() throws IOException {
    LineReader reader = new LineReader(inPieces("/pm bob سلام 👋\r\nnext\n".getBytes(UTF_8), 1));

    assertThat(reader.readLine()).isEqualTo("/pm bob سلام 👋");
    assertThat(reader.readLine()).isEqualTo("next");
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
  @DisplayName("8192 bytes pass (with CR LF too); 8193 do not, counted in bytes, not characters")
  void limitIsInBytes() throws IOException {
    String longest = "x".repeat(LineReader.MAX_LINE_BYTES);
    assertThat(reader(longest + "\r\n").readLine()).isEqualTo(longest);

    assertThatThrownBy(() -> reader(longest + "y\n").readLine())
        .isInstanceOf(LineTooLongException.class);
    String twoBytesEach = "é".repeat(LineReader.MAX_LINE_BYTES / 2 + 1);
    assertThatThrownBy(() -> reader(twoBytesEach + "\n").readLine())
        .isInstanceOf(LineTooLongException.class);
  }

  @Test
  @DisplayName("after an over-long line, the next line reads normally, however the bytes arrive")
  void goesOnAfterAnOverlongLine() throws IOException {
    byte[] bytes = ("z".repeat(50_000) + "\nafter\n").getBytes(UTF_8);
    for (int piece : new int[] {1, 7, 8192, 100_000}) {
      LineReader reader = new LineReader(inPieces(bytes, piece));

      assertThatThrownBy(reader::readLine).isInstanceOf(LineTooLongException.class);
      assertThat(reader.readLine()).as("pieces of %d bytes", piece).isEqualTo("after");
      assertThat(reader.readLine()).isNull();
    }
  }

  @Test
  @DisplayName("an endless line is refused at the limit, without reading (or keeping) the rest")
  void refusesAnEndlessLineEarly() {
    int[] served = {0};
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            served[0]++;
            return 'x';
          }
        };

    assertThatThrownBy(() -> new LineReader(endless).readLine())
        .isInstanceOf(LineTooLongException.class);
    assertThat(served[0]).isLessThanOrEqualTo(2 * LineReader.MAX_LINE_BYTES + 2);
  }

  @Test
  @DisplayName("an over-long last line at end of stream gives the error, then the end")
  void overlongLastLineThenEnd() throws IOException {
    LineReader reader = reader("q".repeat(20_000));

    assertThatThrownBy(reader::readLine).isInstanceOf(LineTooLongException.class);
    assertThat(reader.readLine()).isNull();
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
