package edu.sockets.chat.server;

import edu.sockets.chat.protocol.Names;
import java.io.Closeable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What outlives the server: accounts, private messages waiting for offline accounts, and history,
 * in one SQLite file ({@code chat.db} in the data folder) reached through JDBC. No database server:
 * SQLite is a library inside this process.
 *
 * <p>One connection, used by one thread at a time (the methods are synchronized): the store's work
 * is small, and SQLite lets only one writer in at a time anyway.
 */
public final class ChatStore implements Closeable {

  static final String FILE_NAME = "chat.db";

  /** How many private messages may wait for one account. */
  static final int QUEUE_LIMIT = 100;

  /** How many history lines per place the file keeps; older ones are removed at start. */
  static final int HISTORY_KEPT = 1_000;

  /** One stored message: a queued private message, or a line of history. */
  record Stored(Instant ts, String from, String to, String text) {}

  private static final String[] SCHEMA = {
    """
    CREATE TABLE IF NOT EXISTS account (
      name_key   TEXT PRIMARY KEY,  -- the name in lower case: names are unique ignoring case
      name       TEXT NOT NULL,     -- as its owner spelled it
      salt       BLOB NOT NULL,
      hash       BLOB NOT NULL,     -- PBKDF2-HMAC-SHA256(password, salt, iterations)
      iterations INTEGER NOT NULL,
      created    TEXT NOT NULL)\
    """,
    """
    CREATE TABLE IF NOT EXISTS queued (
      id         INTEGER PRIMARY KEY,  -- increasing: the order they were sent
      to_key     TEXT NOT NULL,
      ts         TEXT NOT NULL,
      sender     TEXT NOT NULL,
      recipient  TEXT NOT NULL,
      text       TEXT NOT NULL)\
    """,
    "CREATE INDEX IF NOT EXISTS queued_by_recipient ON queued (to_key, id)",
    """
    CREATE TABLE IF NOT EXISTS history (
      id         INTEGER PRIMARY KEY,
      place_key  TEXT NOT NULL,        -- '*' or a room in lower case
      ts         TEXT NOT NULL,
      sender     TEXT NOT NULL,
      place      TEXT NOT NULL,
      text       TEXT NOT NULL)\
    """,
    "CREATE INDEX IF NOT EXISTS history_by_place ON history (place_key, id)"
  };

  private final Connection db;
  private final String where;

  private ChatStore(Connection db, String where) {
    this.db = db;
    this.where = where;
  }

  /** Opens (creating on first run) {@code chat.db} in {@code dir}, which must exist. */
  public static ChatStore open(Path dir) throws StoreException {
    Path file = dir.resolve(FILE_NAME);
    return open("jdbc:sqlite:" + file, file.toString());
  }

  /** A store that lives in memory and ends with the server: for demos and tests. */
  public static ChatStore inMemory() {
    try {
      return open("jdbc:sqlite::memory:", "memory");
    } catch (StoreException e) {
      throw new IllegalStateException("SQLite cannot open a database in memory", e);
    }
  }

  private static ChatStore open(String url, String where) throws StoreException {
    try {
      Connection db = DriverManager.getConnection(url);
      try (Statement s = db.createStatement()) {
        // Write-ahead log: a commit appends to chat.db-wal, and readers never block the writer.
        // synchronous=NORMAL does not wait for the disk at each commit: a committed transaction
        // survives the process being killed (kill -9), though not the machine losing power.
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA busy_timeout=5000");
        for (String statement : SCHEMA) {
          s.execute(statement);
        }
      }
      return new ChatStore(db, where);
    } catch (SQLException e) {
      throw new StoreException(
          "Cannot open the database " + where + " (" + e.getMessage() + ")", e);
    }
  }

  /** Where the data lives, for the server's first lines. */
  public String where() {
    return where;
  }

  // ---- accounts ----

  /** The name of every account, read once at start. */
  synchronized List<String> accountNames() {
    List<String> keys = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT name FROM account")) {
      while (r.next()) {
        keys.add(r.getString(1));
      }
      return keys;
    } catch (SQLException e) {
      throw failed("read the accounts", e);
    }
  }

  /** An account found by key. */
  record Account(String name, PasswordHasher.Hash hash) {}

  /** The account under {@code nameKey}, or null. */
  synchronized Account account(String nameKey) {
    try (PreparedStatement s =
        db.prepareStatement(
            "SELECT name, salt, hash, iterations FROM account WHERE name_key = ?")) {
      s.setString(1, nameKey);
      try (ResultSet r = s.executeQuery()) {
        return r.next()
            ? new Account(
                r.getString(1), new PasswordHasher.Hash(r.getBytes(2), r.getBytes(3), r.getInt(4)))
            : null;
      }
    } catch (SQLException e) {
      throw failed("read an account", e);
    }
  }

  /** Creates an account; false if one has this name already (ignoring case). */
  synchronized boolean createAccount(String name, PasswordHasher.Hash hash, Instant created) {
    try (PreparedStatement s =
        db.prepareStatement(
            "INSERT OR IGNORE INTO account (name_key, name, salt, hash, iterations, created)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      s.setString(1, key(name));
      s.setString(2, name);
      s.setBytes(3, hash.salt());
      s.setBytes(4, hash.hash());
      s.setInt(5, hash.iterations());
      s.setString(6, created.toString());
      return s.executeUpdate() == 1; // autocommit: committed when this returns
    } catch (SQLException e) {
      throw failed("create an account", e);
    }
  }

  // ---- private messages for offline accounts ----

  /**
   * Stores a private message for an offline account and commits it; false, storing nothing, when
   * {@link #QUEUE_LIMIT} already wait. When this returns true, the message is on disk.
   */
  synchronized boolean queue(Stored message) {
    String toKey = key(message.to());
    try {
      db.setAutoCommit(false);
      try (PreparedStatement count =
          db.prepareStatement("SELECT count(*) FROM queued WHERE to_key = ?")) {
        count.setString(1, toKey);
        try (ResultSet r = count.executeQuery()) {
          r.next();
          if (r.getInt(1) >= QUEUE_LIMIT) {
            db.rollback();
            return false;
          }
        }
      }
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO queued (to_key, ts, sender, recipient, text) VALUES (?, ?, ?, ?, ?)")) {
        insert.setString(1, toKey);
        insert.setString(2, message.ts().toString());
        insert.setString(3, message.from());
        insert.setString(4, message.to());
        insert.setString(5, message.text());
        insert.executeUpdate();
      }
      db.commit();
      return true;
    } catch (SQLException e) {
      rollback();
      throw failed("queue a private message", e);
    } finally {
      autoCommit();
    }
  }

  /** Removes and returns the messages waiting for {@code nameKey}, oldest first. */
  synchronized List<Stored> takeQueued(String nameKey) {
    List<Stored> messages = new ArrayList<>();
    try {
      db.setAutoCommit(false);
      try (PreparedStatement select =
          db.prepareStatement(
              "SELECT ts, sender, recipient, text FROM queued WHERE to_key = ? ORDER BY id")) {
        select.setString(1, nameKey);
        try (ResultSet r = select.executeQuery()) {
          while (r.next()) {
            messages.add(
                new Stored(
                    Instant.parse(r.getString(1)), r.getString(2), r.getString(3), r.getString(4)));
          }
        }
      }
      try (PreparedStatement delete = db.prepareStatement("DELETE FROM queued WHERE to_key = ?")) {
        delete.setString(1, nameKey);
        delete.executeUpdate();
      }
      db.commit();
      return messages;
    } catch (SQLException e) {
      rollback();
      throw failed("read the queued messages", e);
    } finally {
      autoCommit();
    }
  }

  // ---- history ----

  /** Appends a batch of history lines in one transaction: one commit for many messages. */
  synchronized void appendHistory(List<Stored> batch) {
    try {
      db.setAutoCommit(false);
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO history (place_key, ts, sender, place, text) VALUES (?, ?, ?, ?, ?)")) {
        for (Stored line : batch) {
          insert.setString(1, key(line.to()));
          insert.setString(2, line.ts().toString());
          insert.setString(3, line.from());
          insert.setString(4, line.to());
          insert.setString(5, line.text());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      db.commit();
    } catch (SQLException e) {
      rollback();
      throw failed("write history", e);
    } finally {
      autoCommit();
    }
  }

  /**
   * The last {@code perPlace} lines of every place, oldest first, after removing what is older than
   * the last {@link #HISTORY_KEPT} of each place.
   */
  synchronized List<Stored> recentHistory(int perPlace) {
    List<Stored> lines = new ArrayList<>();
    try (Statement s = db.createStatement()) {
      s.executeUpdate(
          """
          DELETE FROM history WHERE id IN (
            SELECT id FROM (
              SELECT id, row_number() OVER (PARTITION BY place_key ORDER BY id DESC) AS age
              FROM history)
            WHERE age > %d)\
          """
              .formatted(HISTORY_KEPT));
      try (ResultSet r =
          s.executeQuery(
              """
              SELECT ts, sender, place, text FROM (
                SELECT *, row_number() OVER (PARTITION BY place_key ORDER BY id DESC) AS age
                FROM history)
              WHERE age <= %d ORDER BY id\
              """
                  .formatted(perPlace))) {
        while (r.next()) {
          lines.add(
              new Stored(
                  Instant.parse(r.getString(1)), r.getString(2), r.getString(3), r.getString(4)));
        }
      }
      return lines;
    } catch (SQLException e) {
      throw failed("read history", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      // Closing at the end: what was committed is in the file already.
    }
  }

  private static String key(String name) {
    return Names.key(name);
  }

  private void rollback() {
    try {
      db.rollback();
    } catch (SQLException e) {
      // The transaction failed already; SQLite rolls it back when the connection closes.
    }
  }

  private void autoCommit() {
    try {
      db.setAutoCommit(true);
    } catch (SQLException e) {
      // Only fails on a closed connection, and then the next call says so.
    }
  }

  private StoreException failed(String what, SQLException e) {
    return new StoreException("Cannot " + what + " in " + where + " (" + e.getMessage() + ")", e);
  }

  /** The database failed: a full disk, a file another program broke. Says which, in words. */
  public static final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
