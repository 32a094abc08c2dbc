package edu.sockets.broadcast.grading;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Small Phase 3 servers, each with one fault that real student servers have. Each is otherwise
 * right, so that a grade shows what that one fault costs.
 */
final class BroadcastGallery {

  private BroadcastGallery() {}

  /**
   * Puts the sender's prefix before each recv() chunk, as {@code broadcast(prefix +
   * conn.recv(1024))} does: a line that two reads split arrives cut apart.
   */
  static final class PrefixPerChunk extends StudentServer {
    PrefixPerChunk() throws IOException {}

    @Override
    String readLines(Client client) {
      try {
        InputStream in = client.socket.getInputStream();
        byte[] chunk = new byte[1024];
        for (int n = in.read(chunk); n != -1; n = in.read(chunk)) {
          String text = new String(chunk, 0, n, UTF_8);
          if (isExit(text)) {
            return "/exit";
          }
          String clean = text.replaceAll("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f]", "");
          if (!clean.isBlank()) {
            sendToOthers(client, relayed(client, clean).getBytes(UTF_8));
          }
        }
        return "closed the connection";
      } catch (IOException e) {
        return reason(e);
      }
    }
  }

  /** Sends every {@code ***} notice without its line feed. */
  static final class NoLineFeedOnNotices extends StudentServer {
    NoLineFeedOnNotices() throws IOException {}

    @Override
    byte[] notice(String text) {
      return text.getBytes(UTF_8);
    }
  }

  /** Relays the text alone, without {@code [ip:port]}: nobody can tell who said what. */
  static final class NoPrefix extends StudentServer {
    NoPrefix() throws IOException {}

    @Override
    String relayed(Client sender, String text) {
      return text;
    }
  }

  /** Relays {@code /exit} like any other line, and stays connected. */
  static final class ExitNotRecognised extends StudentServer {
    ExitNotRecognised() throws IOException {}

    @Override
    boolean isExit(String text) {
      return false;
    }
  }

  /** Relays control characters as they came: anyone can clear the others' screens. */
  static final class KeepsControlCharacters extends StudentServer {
    KeepsControlCharacters() throws IOException {}

    @Override
    String clean(String text) {
      return text;
    }
  }

  /**
   * Writes a line to each client in turn on the sender's thread, waiting for each write: when one
   * client stops reading, its write blocks, and nobody gets another line from that sender.
   */
  static final class WritesInTurn extends StudentServer {
    WritesInTurn() throws IOException {}

    @Override
    void deliver(Client client, byte[] line) {
      synchronized (client) {
        try {
          client.socket.getOutputStream().write(line);
        } catch (IOException e) {
          // The client's connection is broken; its reader leaves.
        }
      }
    }
  }

  /**
   * Never takes a client that left off the list: it is still counted, and lines to it go nowhere
   * (as with {@code try: c.send(line) except: pass}).
   */
  static final class CountsTheDeparted extends StudentServer {
    CountsTheDeparted() throws IOException {}

    @Override
    void forget(Client client) {}
  }

  /** Sends no welcome; everything else as it should. */
  static final class NoWelcome extends StudentServer {
    NoWelcome() throws IOException {}

    @Override
    String welcome(Client client, int others) {
      return null;
    }
  }

  /**
   * Listens with a backlog of 5, and its accept loop takes a few milliseconds per client: a burst
   * of connections overflows the accept queue.
   */
  static final class SmallBacklog extends StudentServer {
    SmallBacklog() throws IOException {
      super(5);
    }

    @Override
    void accepted() throws InterruptedException {
      Thread.sleep(5); // imitates an accept loop that welcomes each client before the next
    }
  }

  /**
   * Decodes each line strictly, as {@code line.decode()} does: a byte that is not UTF-8 throws, and
   * the sender's connection ends.
   */
  static final class DecodesStrictly extends StudentServer {
    DecodesStrictly() throws IOException {}

    @Override
    String decode(byte[] line) throws IOException {
      return UTF_8.newDecoder().decode(ByteBuffer.wrap(line)).toString();
    }
  }
}
