package edu.sockets.chat;

import static edu.sockets.chat.ChatClient.TS;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.client.ChatConnection;
import edu.sockets.chat.client.tls.KnownServers;
import edu.sockets.chat.client.tls.ServerTrust;
import edu.sockets.chat.client.tls.TlsTransport;
import edu.sockets.chat.protocol.ServerMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code server --tls} and {@code client --tls} from the command line, over loopback: the
 * certificate the server makes and keeps, a chat over TLS, and the clear errors when only one side
 * speaks TLS. These need the server's output (its fingerprint), so they run on this phase's own
 * server only.
 */
@DisplayName("TLS: server --tls and client --tls")
@Timeout(30)
class TlsTest {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Pattern LISTENING = Pattern.compile("^Listening on \\S+:(\\d+)$");
  private static final Pattern FINGERPRINT =
      Pattern.compile("^TLS certificate SHA-256 fingerprint: ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})$");

  @TempDir Path dir;

  /** A TLS server on a free port, with the data folder given. */
  private record TlsServer(CommandRun run, int port, String fingerprint) implements AutoCloseable {
    static TlsServer start(Path data, String... more) throws Exception {
      String[] base = {
        "server", "--host", "127.0.0.1", "--port", "0", "--tls", "--data", data.toString()
      };
      CommandRun run = CommandRun.start(concat(base, more));
      Matcher fingerprint = run.out.awaitLine(FINGERPRINT, Duration.ofSeconds(20));
      Matcher listening = run.out.awaitLine(LISTENING, WAIT);
      return new TlsServer(run, Integer.parseInt(listening.group(1)), fingerprint.group(1));
    }

    CommandRun client(Path known, String... more) {
      String[] base = {
        "client", "--host", "127.0.0.1", "--port", "" + port, "--known-servers", known.toString()
      };
      return CommandRun.start(concat(base, more));
    }

    private static String[] concat(String[] base, String[] more) {
      String[] args = new String[base.length + more.length];
      System.arraycopy(base, 0, args, 0, base.length);
      System.arraycopy(more, 0, args, base.length, more.length);
      return args;
    }

    @Override
    public void close() throws Exception {
      run.type("shutdown");
      run.awaitExit(Duration.ofSeconds(10));
    }
  }

  @Test
  @DisplayName("the self-signed certificate is made on the first run, kept private, and reused")
  void certificateIsMadeOnceAndReused() throws Exception {
    Path data = dir.resolve("data");
    String first;
    try (TlsServer server = TlsServer.start(data)) {
      first = server.fingerprint();
      assertThat(server.run().out.text()).contains("TLS certificate made (self-signed): ");
    }
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(Files.getPosixFilePermissions(data.resolve("tls-certificate.p12")))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(Files.getPosixFilePermissions(data.resolve("tls-certificate.password")))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    try (TlsServer again = TlsServer.start(data)) {
      assertThat(again.fingerprint()).isEqualTo(first);
      assertThat(again.run().out.text()).doesNotContain("made").contains("TLS certificate: ");
    }
  }

  @Test
  @DisplayName("a TLS session: the terminal client trusts with --trust, registers and chats")
  void chatOverTls() throws Exception {
    Path known = dir.resolve("known-servers");
    try (TlsServer server = TlsServer.start(TlsFixture.copyInto(dir.resolve("data")))) {
      CommandRun alice =
          server.client(known, "--tls", "--trust", server.fingerprint(), "--name", "alice");
      alice.out.awaitLine(Pattern.compile("^TLS: the connection is encrypted.*"), WAIT);
      alice.out.awaitLine(Pattern.compile("^You are alice\\. .*"), WAIT);
      assertThat(Files.readString(known))
          .contains("127.0.0.1:" + server.port() + " " + server.fingerprint());

      // Bob trusts what alice's answer put in the shared file: no question, no --trust.
      BlockingQueue<String> bob = new LinkedBlockingQueue<>();
      try (ChatConnection connection =
          ChatConnection.open(
              "127.0.0.1",
              server.port(),
              WAIT,
              new TlsTransport(ServerTrust.of(new KnownServers(known))),
              lines(bob))) {
        assertThat(connection.isSecure()).isTrue();
        connection.send("/name bob");
        await(bob, "WELCOME bob");
        alice.type("hello over TLS");
        await(bob, "MSG " + TS + " alice \\* hello over TLS");
        connection.send("/pm alice and back");
        alice.out.awaitLine(Pattern.compile(".*bob -> you \\(private\\): and back$"), WAIT);
      }
      alice.closeInput();
      assertThat(alice.awaitExit(WAIT)).isZero();
      assertThat(server.run().out.text()).contains(" TLS established");
    }
  }

  @Test
  @DisplayName("load --tls: users over TLS, everything delivered")
  void loadOverTls() throws Exception {
    try (TlsServer server = TlsServer.start(TlsFixture.copyInto(dir.resolve("data")))) {
      CommandRun load =
          CommandRun.start(
              "load",
              "--port",
              "" + server.port(),
              "--tls",
              "--trust",
              server.fingerprint(),
              "--known-servers",
              dir.resolve("known").toString(),
              "--clients",
              "3",
              "--messages",
              "20");
      load.closeInput();
      assertThat(load.awaitExit(Duration.ofSeconds(20))).isZero();
      assertThat(load.out.text())
          .contains("TLS handshakes, one after another: median ")
          .contains("180 expected, 180 received, 0 lost");
    }
  }

  @Test
  @DisplayName("with no terminal to ask, a new server is refused with the --trust to use")
  void noTerminalRefusesANewServer() throws Exception {
    Path known = dir.resolve("known-servers");
    try (TlsServer server = TlsServer.start(TlsFixture.copyInto(dir.resolve("data")))) {
      CommandRun client = server.client(known, "--tls", "--name", "carol");
      client.closeInput();
      assertThat(client.awaitExit(WAIT)).isEqualTo(1);
      assertThat(client.err.lines())
          .singleElement()
          .asString()
          .contains("is not known yet")
          .endsWith("--trust " + server.fingerprint());
      assertThat(known).doesNotExist();
    }
  }

  @Test
  @DisplayName(
      "a plain client against a TLS server: one line, 'add --tls', exit 1; the server goes on")
  void plainClientAgainstTlsServer() throws Exception {
    try (TlsServer server = TlsServer.start(TlsFixture.copyInto(dir.resolve("data")))) {
      // A connection that says nothing holds its own thread, not the accept loop.
      try (Socket silent = new Socket("127.0.0.1", server.port())) {
        CommandRun plain = server.client(dir.resolve("known"), "--name", "dave");
        assertThat(plain.awaitExit(WAIT)).isEqualTo(1);
        assertThat(plain.out.lines())
            .contains("The server at 127.0.0.1:" + server.port() + " speaks TLS: add --tls.");
        server
            .run()
            .out
            .awaitLine(Pattern.compile(".* does not speak TLS \\(sent plain text\\).*"), WAIT);

        CommandRun tls =
            server.client(
                dir.resolve("known"), "--tls", "--trust", server.fingerprint(), "--name", "erin");
        tls.out.awaitLine(Pattern.compile("^You are erin\\. .*"), WAIT);
        tls.closeInput();
        assertThat(tls.awaitExit(WAIT)).isZero();
        assertThat(silent.isClosed()).isFalse();
      }
    }
  }

  @Test
  @DisplayName(
      "over TLS, the three parts together: an account, its history and offline message;"
          + " heartbeats answered by ChatConnection, a frozen TLS client dropped")
  void accountsHistoryAndHeartbeatsOverTls() throws Exception {
    Path data = TlsFixture.copyInto(dir.resolve("data"));
    try (TlsServer server =
        TlsServer.start(
            data, "--hash-iterations", "1000", "--ping-interval", "0.2", "--ping-timeout", "0.3")) {
      ServerTrust trust =
          ServerTrust.of(new KnownServers(dir.resolve("known"))).trusting(server.fingerprint());
      Pattern aliceLeft = Pattern.compile(".* alice left \\(quit\\)$");
      BlockingQueue<String> alice = new LinkedBlockingQueue<>();
      try (ChatConnection connection = open(server, trust, alice)) {
        connection.send("/register alice correct horse battery");
        await(alice, "WELCOME alice");
        connection.send("before you came");
        await(alice, "MSG " + TS + " alice \\* before you came");
        connection.send("/exit");
        server.run().out.awaitLine(aliceLeft, WAIT);
      }

      BlockingQueue<String> bob = new LinkedBlockingQueue<>();
      try (ChatConnection connection = open(server, trust, bob);
          Socket frozen = new Socket("127.0.0.1", server.port())) {
        connection.send("/name bob");
        await(bob, "HISTORY " + TS + " alice \\* before you came");
        connection.send("/pm alice while you were away");
        await(bob, "QUEUED " + TS + " alice");

        // A TLS client that opts in to heartbeats, then never answers (a process stopped with
        // kill -STOP): dropped. Bob, quiet as long, stays: his ChatConnection answers each PING.
        OutputStream out = trust.secure(frozen, "127.0.0.1", server.port(), WAIT).getOutputStream();
        out.write("/name frozen\n/pong\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        await(bob, "JOIN " + TS + " frozen \\*");
        await(bob, "LEAVE " + TS + " frozen \\* timeout");

        BlockingQueue<String> again = new LinkedBlockingQueue<>();
        try (ChatConnection back = open(server, trust, again)) {
          back.send("/login alice correct horse battery");
          await(again, "WELCOME alice");
          await(again, "HISTORY " + TS + " alice \\* before you came");
          await(again, "OFFLINE " + TS + " bob alice while you were away");
        }
        connection.send("/who"); // still here: no LEAVE, and the server answers
        await(bob, "USERS \\* (alice )?bob");
      }
    }
  }

  private static ChatConnection open(TlsServer server, ServerTrust trust, BlockingQueue<String> in)
      throws IOException {
    return ChatConnection.open(
        "127.0.0.1", server.port(), WAIT, new TlsTransport(trust), lines(in));
  }

  @Test
  @DisplayName(
      "a TLS client against a full TLS server is told it is full (the refusal comes in plain"
          + " text, before the handshake), not that the server does not speak TLS")
  void tlsClientAgainstAFullServer() throws Exception {
    Path data = TlsFixture.copyInto(dir.resolve("data"));
    try (TlsServer server = TlsServer.start(data, "--max-clients", "1");
        Socket first = new Socket("127.0.0.1", server.port())) {
      server.run().out.awaitLine(Pattern.compile(".* connected \\(TLS handshake next\\)$"), WAIT);
      CommandRun client =
          server.client(
              dir.resolve("known"), "--tls", "--trust", server.fingerprint(), "--name", "gina");
      assertThat(client.awaitExit(WAIT)).isEqualTo(1);
      assertThat(client.err.lines())
          .containsExactly(
              "The server at 127.0.0.1:%d refused the connection: the server has its maximum of 1 connections; try again later."
                  .formatted(server.port()));
    }
  }

  @Test
  @DisplayName("a TLS client against a plain server: one line, 'does not speak TLS', exit 1")
  void tlsClientAgainstPlainServer() throws Exception {
    try (ServerFixture server = ServerFixture.start()) {
      CommandRun client =
          CommandRun.start(
              "client",
              "--host",
              server.host(),
              "--port",
              "" + server.port(),
              "--tls",
              "--known-servers",
              dir.resolve("known").toString(),
              "--name",
              "frank");
      assertThat(client.awaitExit(WAIT)).isEqualTo(1);
      assertThat(client.err.lines())
          .singleElement()
          .asString()
          .startsWith("The server at 127.0.0.1:" + server.port() + " does not speak TLS");
    }
  }

  @Test
  @DisplayName("--trust must be a fingerprint and needs --tls; --keystore needs its password")
  void badTlsOptions() throws Exception {
    assertThat(CommandRun.finish("client", "--tls", "--trust", "12:34").exitCode()).isEqualTo(2);
    assertThat(CommandRun.finish("client", "--trust", "00".repeat(32)).exitCode()).isEqualTo(2);
    assertThat(CommandRun.finish("server", "--keystore", "x.p12").exitCode()).isEqualTo(2);
    if (System.getenv("CHAT_KEYSTORE_PASSWORD") == null) {
      CommandRun run = CommandRun.finish("server", "--tls", "--keystore", "x.p12", "--port", "0");
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err.lines())
          .singleElement()
          .asString()
          .startsWith("Set CHAT_KEYSTORE_PASSWORD");
    }
  }

  private static ChatConnection.Listener lines(BlockingQueue<String> into) {
    return new ChatConnection.Listener() {
      @Override
      public void onMessage(ServerMessage message) {
        into.add(message.toLine());
      }

      @Override
      public void onClosed(IOException cause) {}
    };
  }

  /** Skips lines until one matches, within {@link #WAIT}. */
  private static void await(BlockingQueue<String> lines, String regex) throws InterruptedException {
    Pattern pattern = Pattern.compile(regex);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      assertThat(line).as("a line matching /%s/", regex).isNotNull();
      if (pattern.matcher(line).matches()) {
        return;
      }
    }
  }
}
