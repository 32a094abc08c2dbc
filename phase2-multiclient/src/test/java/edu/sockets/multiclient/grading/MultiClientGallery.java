package edu.sockets.multiclient.grading;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;

/**
 * Small Phase 2 servers, each with one fault that real student servers have. Each is otherwise
 * right, so that a grade shows what that one fault costs.
 */
final class MultiClientGallery {

  private MultiClientGallery() {}

  /** Answers every line with the same words instead of repeating it. */
  static final class FixedAnswer extends StudentServer {
    FixedAnswer() throws IOException {}

    @Override
    String reply(String who, String line) {
      return "[" + who + "] message received";
    }
  }

  /** Answers {@code /exit} like any other line, and keeps the connection open. */
  static final class IgnoresExit extends StudentServer {
    IgnoresExit() throws IOException {}

    @Override
    boolean isExit(String line) {
      return false;
    }
  }

  /**
   * Answers every recv() chunk as if it were a line: {@code while data := conn.recv(1024)}. An
   * 8,193-byte line gets nine answers.
   */
  static final class AnswersEachChunk extends StudentServer {
    AnswersEachChunk() throws IOException {}

    @Override
    void converse(Socket client, String who) throws IOException {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      byte[] chunk = new byte[1024];
      for (int count = in.read(chunk); count != -1; count = in.read(chunk)) {
        String text = new String(chunk, 0, count, UTF_8).replaceAll("\r?\n$", "");
        if (!answer(out, who, text)) {
          return;
        }
      }
    }
  }

  /**
   * Decodes each recv() chunk on its own, strictly, as {@code conn.recv(1024).decode()} does: a
   * character split between two chunks, or a byte that is not UTF-8, ends the client's connection.
   */
  static final class DecodesEachChunk extends StudentServer {
    DecodesEachChunk() throws IOException {}

    @Override
    InputStream input(Socket client) throws IOException {
      return new FilterInputStream(client.getInputStream()) {
        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int count = super.read(buffer, offset, length);
          if (count > 0) {
            try {
              UTF_8.newDecoder().decode(ByteBuffer.wrap(buffer, offset, count));
            } catch (CharacterCodingException e) {
              throw new IOException("UnicodeDecodeError", e); // the crash: the client is dropped
            }
          }
          return count;
        }
      };
    }
  }

  /**
   * Writes every answer under one lock that all clients share (a {@code synchronized} send): a
   * client that does not read blocks its write inside the lock, and every other client with it.
   */
  static final class SharedWriteLock extends StudentServer {
    private final Object writing = new Object();

    SharedWriteLock() throws IOException {}

    @Override
    boolean answer(OutputStream out, String who, String line) throws IOException {
      synchronized (writing) {
        return super.answer(out, who, line);
      }
    }
  }

  /** Right, but listens with a backlog of 5, as {@code listen(5)} in many tutorials. */
  static final class ShortBacklog extends StudentServer {
    ShortBacklog() throws IOException {
      super(5, true);
    }
  }

  /** Right, but serves one client at a time: an accept loop without threads. */
  static final class OneAtATime extends StudentServer {
    OneAtATime() throws IOException {
      super(4096, false);
    }
  }
}
