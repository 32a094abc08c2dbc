package edu.sockets.chat.grading;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Chat servers with one fault each, as real student servers have them; each is otherwise the
 * gallery's right server, so that a grade shows what that one fault costs.
 */
final class ChatGallery {

  private ChatGallery() {}

  /** Compares names as typed: {@code alice} can join while {@code Alice} is online. */
  static final class CaseSensitiveNames extends StudentServer {
    CaseSensitiveNames() throws IOException {}

    @Override
    String key(String name) {
      return name;
    }
  }

  /** Sends a private message to everyone, as if it were public. */
  static final class PrivateToEveryone extends StudentServer {
    PrivateToEveryone() throws IOException {}

    @Override
    void toPrivate(GalleryClient from, GalleryClient to, String line) {
      toEveryone(from, line);
    }
  }

  /** Stamps nothing: {@code MSG alice * hi}, {@code JOIN bob *}. */
  static final class NoTimestamps extends StudentServer {
    NoTimestamps() throws IOException {}

    @Override
    String stamped() {
      return "";
    }
  }

  /** Sends public text to everyone but its sender, who never sees it confirmed. */
  static final class NoEchoToSender extends StudentServer {
    NoEchoToSender() throws IOException {}

    @Override
    void toEveryone(GalleryClient from, String line) {
      for (GalleryClient user : usersNow()) {
        if (user != from) {
          deliver(user, line);
        }
      }
    }
  }

  /** Refuses with {@code ERR <text>}, no code: {@code ERR alice is taken}. */
  static final class ErrorsWithoutCodes extends StudentServer {
    ErrorsWithoutCodes() throws IOException {}

    @Override
    String error(String code, String text) {
      return "ERR " + text;
    }
  }

  /**
   * Takes whatever one read() returns for one line, as {@code data = conn.recv(4096)} does: a line
   * in pieces becomes several, several lines in one piece become one.
   */
  static final class LinePerRead extends StudentServer {
    LinePerRead() throws IOException {}

    @Override
    void readLines(GalleryClient client) throws IOException {
      InputStream in = client.socket.getInputStream();
      byte[] chunk = new byte[16 * 1024];
      for (int count = in.read(chunk); count != -1; count = in.read(chunk)) {
        handle(client, decode(Arrays.copyOf(chunk, count)));
      }
    }
  }

  /**
   * Writes each line to each receiver at once, on the sender's thread, holding the chat's lock: a
   * client that stops reading fills its socket, the write blocks, and the whole chat waits.
   */
  static final class BlockingBroadcast extends StudentServer {
    BlockingBroadcast() throws IOException {}

    @Override
    void deliver(GalleryClient client, String line) {
      try {
        client.writeNow((line + "\n").getBytes(UTF_8));
      } catch (IOException e) {
        client.close(); // its reader sees it, and the client leaves
      }
    }
  }

  /** Listens with a backlog of 5, as {@code server.listen(5)} in Python's tutorials. */
  static final class SmallBacklog extends StudentServer {
    SmallBacklog() throws IOException {
      super(5);
    }
  }
}
