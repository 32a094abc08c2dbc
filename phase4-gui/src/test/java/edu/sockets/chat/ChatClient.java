package edu.sockets.chat;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.protocol.LineReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test's raw protocol client: sends lines as typed, and checks the server's lines one by one
 * against patterns, as a student does with {@code nc}. Reads give up after the socket's timeout.
 */
final class ChatClient implements AutoCloseable {

  /** An ISO-8601 UTC instant, as the server stamps events. */
  static final String TS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z";

  final Socket socket;
  private final LineReader in;
  private final OutputStream out;

  ChatClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new LineReader(socket.getInputStream(), 1 << 20);
    this.out = socket.getOutputStream();
  }

  void send(String line) throws IOException {
    sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** The next line; fails at end of stream or when nothing comes within the timeout. */
  String next() throws IOException {
    String line = in.readLine();
    assertThat(line).as("a line from the server, not the end of the stream").isNotNull();
    return line;
  }

  /** The next line must match {@code regex} (whole line); returns the match. */
  Matcher expect(String regex) throws IOException {
    String line = next();
    Matcher matcher = Pattern.compile(regex).matcher(line);
    assertThat(matcher.matches()).as("line %s matches /%s/", line, regex).isTrue();
    return matcher;
  }

  /** Skips lines until one matches {@code regex} (whole line); returns the match. */
  Matcher skipTo(String regex) throws IOException {
    Pattern pattern = Pattern.compile(regex);
    while (true) {
      Matcher matcher = pattern.matcher(next());
      if (matcher.matches()) {
        return matcher;
      }
    }
  }

  /** Reads until the server closes; true if it did (end of stream or reset), with nothing left. */
  boolean isClosedByServer() throws IOException {
    try {
      String line = in.readLine();
      assertThat(line).as("no more lines before the connection ends").isNull();
      return true;
    } catch (SocketException reset) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
