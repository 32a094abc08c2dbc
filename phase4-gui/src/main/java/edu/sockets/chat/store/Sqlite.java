package edu.sockets.chat.store;

import java.io.Closeable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The store's one connection to SQLite, and what every use of it needs: opening it the way the
 * server wants it, transactions, and failures said in words. One thread at a time uses it (the
 * methods are synchronized): the store's work is small, and SQLite lets only one writer in at a
 * time anyway.
 */
final class Sqlite implements Closeable {

  /** Work on the database, which may fail. */
  interface Work<T> {
    T run(Connection db) throws SQLException;
  }

  private final Connection db;
  private final String where;

  private Sqlite(Connection db, String where) {
    this.db = db;
    this.where = where;
  }

  /** Opens the database at {@code url} and creates what {@code schema} says is missing. */
  static Sqlite open(String url, String where, String... schema) {
    try {
      Connection db = DriverManager.getConnection(url);
      try (Statement s = db.createStatement()) {
        // Write-ahead log: a commit appends to chat.db-wal, and readers never block the writer.
        // synchronous=NORMAL does not wait for the disk at each commit: a committed transaction
        // survives the process being killed (kill -9), though not the machine losing power.
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA busy_timeout=5000");
        for (String statement : schema) {
          s.execute(statement);
        }
      }
      return new Sqlite(db, where);
    } catch (SQLException e) {
      throw new StoreException(
          "Cannot open the database " + where + " (" + e.getMessage() + ")", e);
    }
  }

  String where() {
    return where;
  }

  /** Runs {@code work}, each statement committed as it runs; {@code what} names it if it fails. */
  synchronized <T> T run(String what, Work<T> work) {
    try {
      return work.run(db);
    } catch (SQLException e) {
      throw failed(what, e);
    }
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back if it fails. */
  synchronized <T> T transaction(String what, Work<T> work) {
    try {
      db.setAutoCommit(false);
      T result = work.run(db);
      db.commit();
      return result;
    } catch (SQLException e) {
      rollback();
      throw failed(what, e);
    } finally {
      autoCommit();
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
}
