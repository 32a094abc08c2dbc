package edu.sockets.chat.store;

import edu.sockets.chat.protocol.Names;
import java.io.Closeable;
import java.nio.file.Path;
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
 */
public final class ChatStore implements Closeable {

  public static final String FILE_NAME = "chat.db";

  /** How many private messages may wait for one account. */
  public static final int QUEUE_LIMIT = 100;

  /** How many history lines per place the file keeps; older ones are removed at start. */
  public static final int HISTORY_KEPT = 1_000;

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

  private final Sqlite db;

  private ChatStore(Sqlite db) {
    this.db = db;
  }

  /** Opens (creating on first run) {@code chat.db} in {@code dir}, which must exist. */
  public static ChatStore open(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    return new ChatStore(Sqlite.open("jdbc:sqlite:" + file, file.toString(), SCHEMA));
  }

  /** A store that lives in memory and ends with the server: for demos and tests. */
  public static ChatStore inMemory() {
    try {
      return new ChatStore(Sqlite.open("jdbc:sqlite::memory:", "memory", SCHEMA));
    } catch (StoreException e) {
      throw new IllegalStateException("SQLite cannot open a database in memory", e);
    }
  }

  /** Where the data lives, for the server's first lines. */
  public String where() {
    return db.where();
  }

  @Override
  public void close() {
    db.close();
  }

  // ---- accounts ----

  /** An account found by key. */
  public record Account(String name, PasswordHash hash) {}

  /** The name of every account, read once at start. */
  public List<String> accountNames() {
    return db.run(
        "read the accounts",
        c -> {
          List<String> names = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet r = s.executeQuery("SELECT name FROM account")) {
            while (r.next()) {
              names.add(r.getString(1));
            }
          }
          return names;
        });
  }

  /** The account under {@code nameKey}, or null. */
  public Account account(String nameKey) {
    return db.run(
        "read an account",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT name, salt, hash, iterations FROM account WHERE name_key = ?")) {
            s.setString(1, nameKey);
            try (ResultSet r = s.executeQuery()) {
              return r.next()
                  ? new Account(
                      r.getString(1), new PasswordHash(r.getBytes(2), r.getBytes(3), r.getInt(4)))
                  : null;
            }
          }
        });
  }

  /** Creates an account; false if one has this name already (ignoring case). */
  public boolean createAccount(String name, PasswordHash hash, Instant created) {
    return db.run(
        "create an account",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT OR IGNORE INTO account (name_key, name, salt, hash, iterations, created)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, Names.key(name));
            s.setString(2, name);
            s.setBytes(3, hash.salt());
            s.setBytes(4, hash.hash());
            s.setInt(5, hash.iterations());
            s.setString(6, created.toString());
            return s.executeUpdate() == 1; // autocommit: committed when this returns
          }
        });
  }

  // ---- private messages for offline accounts ----

  /**
   * Stores a private message for an offline account and commits it; false, storing nothing, when
   * {@link #QUEUE_LIMIT} already wait. When this returns true, the message is on disk.
   */
  public boolean queue(Stored message) {
    String toKey = Names.key(message.to());
    return db.transaction(
        "queue a private message",
        c -> {
          try (PreparedStatement count =
              c.prepareStatement("SELECT count(*) FROM queued WHERE to_key = ?")) {
            count.setString(1, toKey);
            try (ResultSet r = count.executeQuery()) {
              r.next();
              if (r.getInt(1) >= QUEUE_LIMIT) {
                return false;
              }
            }
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO queued (to_key, ts, sender, recipient, text) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, toKey);
            bind(insert, message);
            insert.executeUpdate();
          }
          return true;
        });
  }

  /** Removes and returns the messages waiting for {@code nameKey}, oldest first. */
  public List<Stored> takeQueued(String nameKey) {
    return db.transaction(
        "read the queued messages",
        c -> {
          List<Stored> messages;
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT ts, sender, recipient, text FROM queued WHERE to_key = ? ORDER BY id")) {
            select.setString(1, nameKey);
            messages = readAll(select.executeQuery());
          }
          try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM queued WHERE to_key = ?")) {
            delete.setString(1, nameKey);
            delete.executeUpdate();
          }
          return messages;
        });
  }

  // ---- history ----

  /** Appends a batch of history lines in one transaction: one commit for many messages. */
  void appendHistory(List<Stored> batch) {
    db.transaction(
        "write history",
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO history (place_key, ts, sender, place, text) VALUES (?, ?, ?, ?, ?)")) {
            for (Stored line : batch) {
              insert.setString(1, Names.key(line.to()));
              bind(insert, line);
              insert.addBatch();
            }
            insert.executeBatch();
          }
          return null;
        });
  }

  /**
   * The last {@code perPlace} lines of every place, oldest first, after removing what is older than
   * the last {@link #HISTORY_KEPT} of each place.
   */
  List<Stored> recentHistory(int perPlace) {
    return db.run(
        "read history",
        c -> {
          try (Statement s = c.createStatement()) {
            s.executeUpdate(
                """
                DELETE FROM history WHERE id IN (
                  SELECT id FROM (
                    SELECT id, row_number() OVER (PARTITION BY place_key ORDER BY id DESC) AS age
                    FROM history)
                  WHERE age > %d)\
                """
                    .formatted(HISTORY_KEPT));
            return readAll(
                s.executeQuery(
                    """
                    SELECT ts, sender, place, text FROM (
                      SELECT *, row_number() OVER (PARTITION BY place_key ORDER BY id DESC) AS age
                      FROM history)
                    WHERE age <= %d ORDER BY id\
                    """
                        .formatted(perPlace)));
          }
        });
  }

  /** Sets {@code ts, from, to, text} as the parameters from 2 on. */
  private static void bind(PreparedStatement s, Stored message) throws SQLException {
    s.setString(2, message.ts().toString());
    s.setString(3, message.from());
    s.setString(4, message.to());
    s.setString(5, message.text());
  }

  /** The rows of {@code ts, from, to, text}, in their order; closes them. */
  private static List<Stored> readAll(ResultSet rows) throws SQLException {
    try (ResultSet r = rows) {
      List<Stored> messages = new ArrayList<>();
      while (r.next()) {
        messages.add(
            new Stored(
                Instant.parse(r.getString(1)), r.getString(2), r.getString(3), r.getString(4)));
      }
      return messages;
    }
  }
}
