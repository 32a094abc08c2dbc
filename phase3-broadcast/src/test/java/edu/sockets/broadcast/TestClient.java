package edu.sockets.broadcast;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;

/** A raw connection to the server, as a test drives it: bytes out, lines in. */
final class TestClient implements AutoCloseable {

  final Socket socket;
  private final LineReader in;
  private final OutputStream out;

  /** The first line the server sent, read by {@link ServerFixture#join()}. */
  String welcome;

  TestClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new LineReader(socket.getInputStream(), BroadcastClient.MAX_RECEIVED_LINE_BYTES);
    this.out = socket.getOutputStream();
  }

  /** This client's ip:port as the server sees it (over loopback, no address translation). */
  String name() {
    return BroadcastServer.endpoint(socket.getLocalAddress(), socket.getLocalPort());
  }

  void send(String line) throws IOException {
    sendBytes((line + "\n").getBytes(UTF_8));
  }

  void sendBytes(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** The next line, or null at the end of the stream; fails after the socket's read timeout. */
  String readLine() throws IOException {
    return in.readLine();
  }

  /**
   * The next line, skipping {@code ***} notices that do not mention {@code about}, such as the join
   * notices of other clients.
   */
  String readAbout(String about) throws IOException {
    String line = readLine();
    while (line != null && line.startsWith("*** ") && !line.contains(about)) {
      line = readLine();
    }
    return line;
  }

  /** The next line that is not a {@code ***} notice. */
  String readRelayed() throws IOException {
    String line = readLine();
    while (line != null && line.startsWith("*** ")) {
      line = readLine();
    }
    return line;
  }

  /**
   * True when the connection ends: end of stream, or a reset (the server closed with our unread
   * bytes still in its buffer, which makes TCP answer with RST instead of FIN).
   */
  boolean readUntilClosed() throws IOException {
    try {
      for (String line = readLine(); line != null; line = readLine()) {
        // what the server sent before closing; we only want to see the end
      }
      return true;
    } catch (SocketException reset) {
      return true;
    }
  }

  /** Ends the connection with a reset instead of a FIN: SO_LINGER 0, then close. */
  void reset() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
