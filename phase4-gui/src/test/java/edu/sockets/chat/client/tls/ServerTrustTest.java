package edu.sockets.chat.client.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sockets.chat.LocalServer;
import edu.sockets.chat.TlsFixture;
import edu.sockets.chat.client.ChatConnection;
import edu.sockets.chat.client.ChatSession;
import edu.sockets.chat.client.Credentials;
import edu.sockets.chat.client.ReconnectPolicy;
import edu.sockets.chat.client.SignIn;
import edu.sockets.chat.client.Status;
import edu.sockets.chat.client.Status.State;
import edu.sockets.chat.client.Transport;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Info;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trust on first use against a real TLS server on loopback: what is asked, what is remembered, what
 * is refused. The questions are answered by the test instead of a person.
 */
@DisplayName("ServerTrust: which TLS servers a client trusts")
@Timeout(20)
class ServerTrustTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static LocalServer server;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws IOException {
    server = LocalServer.startTls();
  }

  @AfterAll
  static void stopServer() throws InterruptedException {
    server.close();
  }

  /** Connects with {@code trust} (plain TCP if null), reads the banner, and says goodbye. */
  private static boolean connect(int port, ServerTrust trust) throws Exception {
    BlockingQueue<ServerMessage> lines = new LinkedBlockingQueue<>();
    Transport transport = trust == null ? Transport.TCP : new TlsTransport(trust);
    try (ChatConnection connection =
        ChatConnection.open("127.0.0.1", port, TIMEOUT, transport, collect(lines))) {
      assertThat(lines.poll(5, TimeUnit.SECONDS)).isInstanceOf(Info.class);
      return connection.isSecure();
    }
  }

  private static ChatConnection.Listener collect(BlockingQueue<ServerMessage> lines) {
    return new ChatConnection.Listener() {
      @Override
      public void onMessage(ServerMessage message) {
        lines.add(message);
      }

      @Override
      public void onClosed(IOException cause) {}
    };
  }

  private static String fingerprint() {
    return TlsFixture.certificate().fingerprint();
  }

  @Test
  @DisplayName("a new server's fingerprint is shown once; a yes is remembered and not asked again")
  void firstUseAsksOnceAndRemembersAYes() throws Exception {
    KnownServers known = new KnownServers(dir.resolve("known-servers"));
    List<String> asked = new CopyOnWriteArrayList<>();
    ServerTrust trust = ServerTrust.of(known).askingWith((srv, fp) -> asked.add(srv + " " + fp));

    assertThat(connect(server.port(), trust)).as("secure").isTrue();
    assertThat(asked).containsExactly("127.0.0.1:" + server.port() + " " + fingerprint());
    assertThat(Files.readString(known.file()))
        .contains("127.0.0.1:" + server.port() + " " + fingerprint() + "\n");

    assertThat(connect(server.port(), trust)).isTrue();
    assertThat(asked).as("asked again on reconnecting").hasSize(1);
  }

  @Test
  @DisplayName("a session over TLS is secure, and reconnects after a restart without asking again")
  void aSessionReconnectsWithoutAskingAgain() throws Exception {
    KnownServers known = new KnownServers(dir.resolve("known-servers"));
    List<String> asked = new CopyOnWriteArrayList<>();
    ServerTrust trust = ServerTrust.of(known).askingWith((srv, fp) -> asked.add(fp));
    BlockingQueue<Status> statuses = new LinkedBlockingQueue<>();
    try (LocalServer restarting = LocalServer.startTls()) {
      ChatSession session = signIn(restarting.port(), trust, statuses);
      assertThat(session.isSecure()).isTrue();

      restarting.stop();
      await(statuses, State.WAITING);
      restarting.restart();
      await(statuses, State.ONLINE);
      assertThat(asked).as("asked on the first connection only").hasSize(1);
      session.close();
    }
  }

  @Test
  @DisplayName("a certificate that changed while the session was away ends it, with the warning")
  void aChangedCertificateEndsTheSession() throws Exception {
    KnownServers known = new KnownServers(dir.resolve("known-servers"));
    BlockingQueue<Status> statuses = new LinkedBlockingQueue<>();
    try (LocalServer restarting = LocalServer.startTls()) {
      String server = "127.0.0.1:" + restarting.port();
      ChatSession session =
          signIn(restarting.port(), ServerTrust.of(known).trusting(fingerprint()), statuses);
      restarting.stop();
      String other = "11:22:33:44:55:66:77:88:99:00:AA:BB:CC:DD:EE:FF:".repeat(2).substring(0, 95);
      Files.writeString(known.file(), server + " " + other + "\n"); // as if trusted elsewhere
      restarting.restart();

      assertThat(await(statuses, State.CLOSED).text())
          .as("no retrying: the same certificate would be refused again")
          .startsWith("WARNING: THE CERTIFICATE OF " + server + " HAS CHANGED");
      assertThat(session.state()).isEqualTo(State.CLOSED);
    }
  }

  /** Signs tess in over TLS, each status into {@code statuses}; reconnects quickly after a drop. */
  private static ChatSession signIn(int port, ServerTrust trust, BlockingQueue<Status> statuses)
      throws Exception {
    ChatSession.Listener listener =
        new ChatSession.Listener() {
          @Override
          public void onMessage(ServerMessage message) {}

          @Override
          public void onStatus(Status status) {
            statuses.add(status);
          }
        };
    ReconnectPolicy quick =
        new ReconnectPolicy(Duration.ofMillis(100), 2, Duration.ofSeconds(1), 0);
    SignIn signIn =
        new SignIn("127.0.0.1", port, Credentials.guest("tess"), new TlsTransport(trust), quick);
    return ChatSession.signIn(signIn, listener).get(10, TimeUnit.SECONDS);
  }

  /** The next status in {@code wanted}, skipping the others, within the timeout. */
  private static Status await(BlockingQueue<Status> statuses, State wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    Status status;
    do {
      status = statuses.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      assertThat(status).as("the session reaching " + wanted).isNotNull();
    } while (status.state() != wanted);
    return status;
  }

  @Test
  @DisplayName("a no refuses the server and remembers nothing")
  void aNoRefusesAndRemembersNothing() {
    KnownServers known = new KnownServers(dir.resolve("known-servers"));
    ServerTrust trust = ServerTrust.of(known).askingWith((srv, fp) -> false);

    assertThatThrownBy(() -> connect(server.port(), trust))
        .isInstanceOf(TlsProblem.class)
        .hasMessageContaining("You did not trust the server at 127.0.0.1:" + server.port());
    assertThat(known.file()).doesNotExist();
  }

  @Test
  @DisplayName("with nobody to ask, a new server is refused with the way to trust it")
  void withNobodyToAskANewServerIsRefused() {
    KnownServers known = new KnownServers(dir.resolve("known-servers"));

    assertThatThrownBy(() -> connect(server.port(), ServerTrust.of(known)))
        .isInstanceOf(TlsProblem.class)
        .hasMessageContaining("no terminal to ask you")
        .hasMessageEndingWith("--trust " + fingerprint());
    assertThat(known.file()).doesNotExist();
  }

  @Test
  @DisplayName("a changed certificate is refused loudly, naming the line to remove, without asking")
  void aChangedCertificateIsRefused() throws Exception {
    KnownServers known = new KnownServers(dir.resolve("known-servers"));
    String old = "11:22:33:44:55:66:77:88:99:00:AA:BB:CC:DD:EE:FF:".repeat(2).substring(0, 95);
    known.remember("127.0.0.1:" + server.port(), old);
    ServerTrust trust =
        ServerTrust.of(known)
            .trusting(fingerprint()) // even a --trust for the new one does not override the file
            .askingWith((srv, fp) -> {
              throw new AssertionError("asked about a known server");
            });

    assertThatThrownBy(() -> connect(server.port(), trust))
        .isInstanceOf(TlsProblem.class)
        .hasMessageStartingWith("WARNING: THE CERTIFICATE OF 127.0.0.1:" + server.port())
        .hasMessageContaining("man-in-the-middle")
        .hasMessageContaining(fingerprint())
        .hasMessageContaining("you trusted " + old)
        .hasMessageContaining("remove line 5 of " + known.file());
  }

  @Test
  @DisplayName("a certificate an authority vouches for is accepted without asking or remembering")
  void anAuthoritysCertificateIsAcceptedWithoutAsking() throws Exception {
    KeyStore authorities = KeyStore.getInstance(KeyStore.getDefaultType());
    authorities.load(null, null);
    Path keystore = TlsFixture.certificate().file();
    char[] password =
        Files.readString(keystore.resolveSibling("tls-certificate.password")).strip().toCharArray();
    KeyStore keys = KeyStore.getInstance(keystore.toFile(), password);
    authorities.setCertificateEntry("classroom-ca", keys.getCertificate("chat"));
    KnownServers known = new KnownServers(dir.resolve("known-servers"));
    ServerTrust trust =
        ServerTrust.of(known)
            .withAuthorities(authorities)
            .askingWith((srv, fp) -> {
              throw new AssertionError("asked about a certified server");
            });

    assertThat(connect(server.port(), trust)).isTrue();
    assertThat(known.file()).doesNotExist();
  }

  @Test
  @DisplayName("a TLS client against a plain server fails at once, saying the server has no TLS")
  void tlsAgainstAPlainServerFailsClearly() throws Exception {
    try (LocalServer plain = LocalServer.start()) {
      ServerTrust trust = ServerTrust.of(new KnownServers(dir.resolve("known-servers")));
      assertThatThrownBy(() -> connect(plain.port(), trust))
          .isInstanceOf(TlsProblem.class)
          .hasMessageStartingWith("The server at 127.0.0.1:" + plain.port() + " does not speak TLS")
          .hasMessageContaining("Leave out --tls");
    }
  }

  @Test
  @DisplayName("a TLS client against a server that says nothing gives up after its timeout")
  void tlsAgainstASilentServerTimesOut() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ServerTrust trust = ServerTrust.of(new KnownServers(dir.resolve("known-servers")));
      assertThatThrownBy(() ->
              ChatConnection.open(
                  "127.0.0.1",
                  silent.getLocalPort(),
                  Duration.ofSeconds(1),
                  new TlsTransport(trust),
                  null))
          .isInstanceOf(TlsProblem.class)
          .hasMessageContaining(
              "No TLS answer from 127.0.0.1:" + silent.getLocalPort() + " in 1 s");
    }
  }

  @Test
  @DisplayName("a plain connection says it is not secure")
  void aPlainConnectionIsNotSecure() throws Exception {
    try (LocalServer plain = LocalServer.start()) {
      assertThat(connect(plain.port(), null)).isFalse();
    }
  }
}
