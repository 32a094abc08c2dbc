package edu.sockets.hello.grading;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Small Phase 1 servers, each with one fault that real student servers have. Each is otherwise
 * right, so that a grade shows what that one fault costs.
 */
final class HelloGallery {

  private HelloGallery() {}

  /** Answers {@code Hello client}: a lower-case c. */
  static final class WrongCase extends LoopedServer {
    WrongCase() throws IOException {}

    @Override
    void serve(Socket client) throws IOException {
      readLine(client);
      send(client, "Hello client\n");
    }
  }

  /** Answers without a line feed, so a client reading a line waits until the close. */
  static final class NoLineFeed extends LoopedServer {
    NoLineFeed() throws IOException {}

    @Override
    void serve(Socket client) throws IOException {
      readLine(client);
      send(client, "Hello Client");
    }
  }

  /** Answers, then waits for the client to hang up instead of closing. */
  static final class StaysOpen extends LoopedServer {
    StaysOpen() throws IOException {}

    @Override
    void serve(Socket client) throws IOException {
      readLine(client);
      send(client, "Hello Client\n");
      while (client.getInputStream().read() != -1) {
        // waits for the client to close first
      }
    }
  }

  /** Answers every recv() as if it were a whole greeting: {@code while data := conn.recv(1024)}. */
  static final class ReplyPerRecv extends LoopedServer {
    ReplyPerRecv() throws IOException {}

    @Override
    void serve(Socket client) throws IOException {
      byte[] chunk = new byte[1024];
      while (client.getInputStream().read(chunk) != -1) {
        send(client, "Hello Client\n");
      }
    }
  }

  /**
   * Decodes each recv() chunk on its own, strictly, as {@code conn.recv(1024).decode()} does: a
   * character split between two chunks, or a byte that is not UTF-8, makes it crash unanswered.
   */
  static final class DecodesEachRecv extends LoopedServer {
    DecodesEachRecv() throws IOException {}

    @Override
    void serve(Socket client) throws IOException {
      InputStream in = client.getInputStream();
      StringBuilder text = new StringBuilder();
      byte[] chunk = new byte[1024];
      while (text.indexOf("\n") < 0) {
        int count = in.read(chunk);
        if (count == -1) {
          return;
        }
        try {
          text.append(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(chunk, 0, count)));
        } catch (CharacterCodingException e) {
          throw new IOException("UnicodeDecodeError", e); // the crash
        }
        if (text.length() > HelloRubric.MAX_LINE_BYTES + 1) { // longer than a line and its LF
          return;
        }
      }
      send(client, "Hello Client\n");
    }
  }

  /** Right, but binds without SO_REUSEADDR, as C and Python do by default. */
  static final class NoReuseAddress extends LoopedServer {
    NoReuseAddress() throws IOException {
      super(false);
    }

    @Override
    void serve(Socket client) throws IOException {
      readLine(client);
      send(client, "Hello Client\n");
    }
  }
}
