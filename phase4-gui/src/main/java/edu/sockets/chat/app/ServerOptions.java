package edu.sockets.chat.app;

import edu.sockets.chat.accounts.LoginThrottle;
import edu.sockets.chat.accounts.PasswordAccounts;
import edu.sockets.chat.accounts.PasswordHasher;
import edu.sockets.chat.limits.Defences;
import edu.sockets.chat.limits.Limits;
import edu.sockets.chat.server.ChatServer;
import edu.sockets.chat.server.Extensions;
import edu.sockets.chat.server.ServerLog;
import edu.sockets.chat.server.Transport;
import edu.sockets.chat.store.ChatStore;
import edu.sockets.chat.store.HistoryLog;
import edu.sockets.chat.store.StoreException;
import edu.sockets.chat.tls.ServerCertificate;
import edu.sockets.chat.tls.TlsHandshake;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * How a chat server runs, and the wiring that starts one: the chat of chapter 4a ({@code server})
 * with what chapter 4c adds beside it, each part in its package (accounts, store, limits, tls).
 *
 * @param data the data folder holding {@code chat.db}; null keeps everything in memory only (demos,
 *     tests), gone when the server stops
 * @param history how many public messages, and how many of each room, an arrival gets (0: none)
 * @param hashIterations PBKDF2 iterations for new passwords (tests use few, to stay fast)
 * @param throttle when failed sign-ins are slowed down and refused
 * @param tls the certificate to speak TLS with; null: plain TCP
 * @param limits how the server holds under abuse
 */
public record ServerOptions(
    Path data,
    int history,
    int hashIterations,
    LoginThrottle.Policy throttle,
    ServerCertificate tls,
    Limits limits) {

  public static final int DEFAULT_HISTORY = 20;
  public static final int MAX_HISTORY = ChatStore.HISTORY_KEPT;

  /**
   * As in version 1, with the default limits: accounts in memory only, no history, plain TCP. For
   * demos and tests.
   */
  public static final ServerOptions DEFAULTS =
      new ServerOptions(
          null,
          0,
          PasswordHasher.RECOMMENDED_ITERATIONS,
          LoginThrottle.Policy.DEFAULT,
          null,
          Limits.DEFAULTS);

  public ServerOptions {
    if (history < 0 || history > MAX_HISTORY) {
      throw new IllegalArgumentException(
          "history must be 0 to " + MAX_HISTORY + ", not " + history);
    }
    if (hashIterations < 1) {
      throw new IllegalArgumentException("hashIterations must be positive, not " + hashIterations);
    }
  }

  /** The same, with {@code lines} of history. */
  public ServerOptions withHistory(int lines) {
    return new ServerOptions(data, lines, hashIterations, throttle, tls, limits);
  }

  public ServerOptions withTls(ServerCertificate tls) {
    return new ServerOptions(data, history, hashIterations, throttle, tls, limits);
  }

  /**
   * Opens the data ({@code chat.db} in the data folder, created on first run, or memory), starts
   * listening on {@code host:port} (port 0: any free port), and prints where clients can connect
   * and where the data is. {@code out} gets the server's log from then on.
   *
   * @throws StoreException when the data folder or its database cannot be used
   */
  public ChatServer open(String host, int port, Consumer<String> out) throws IOException {
    ChatStore store = openStore();
    AutoCloseable storage = store;
    try {
      Consumer<String> log = ServerLog.to(out);
      PasswordAccounts accounts =
          new PasswordAccounts(store, hashIterations, throttle, Clock.systemUTC(), log);
      HistoryLog recent = new HistoryLog(history, store, log);
      storage =
          () -> { // the history still waiting is written before the database closes
            recent.close();
            store.close();
          };
      Transport transport = tls == null ? Transport.PLAIN : new TlsHandshake(tls, log);
      Extensions parts =
          new Extensions(accounts, recent, new Defences(limits, log), transport, storage);
      ChatServer server = ChatServer.open(host, port, parts, out);
      if (InetAddress.getByName(host).isAnyLocalAddress()) { // 0.0.0.0: other machines reach it
        LanAddresses.print(server.port(), out);
      }
      out.accept(
          "Data: %s (%s; history: %s)"
              .formatted(
                  store.where(),
                  accounts.count() == 1 ? "1 account" : accounts.count() + " accounts",
                  history == 0 ? "off" : "last " + history + " messages"));
      return server;
    } catch (IOException | RuntimeException e) {
      close(storage);
      throw e;
    }
  }

  private ChatStore openStore() {
    if (data == null) {
      return ChatStore.inMemory();
    }
    try {
      return ChatStore.open(DataDirectory.prepare(data));
    } catch (IOException e) {
      throw new StoreException(e.getMessage(), e);
    }
  }

  private static void close(AutoCloseable storage) {
    try {
      storage.close();
    } catch (Exception e) {
      // Starting failed, and that failure is what the caller reports.
    }
  }
}
