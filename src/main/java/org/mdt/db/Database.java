package org.mdt.db;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.mdt.Cancellation;
import org.mdt.MdtException;

/**
 * The one connection a command works through. Opening is the only costly start-up step (H2 loads
 * about a thousand classes), so commands that need no data never come here.
 */
public final class Database implements AutoCloseable {
  /** The highest migration under db/migration; a test keeps the two in step. */
  public static final int SCHEMA_VERSION = 9;

  /** The schema version of the first backups in mdt's own format (older ones were H2 scripts). */
  static final int FIRST_BACKUP_SCHEMA = 4;

  private static final Duration LOCK_RETRY = Duration.ofMillis(200);

  /** How often H2's background thread writes during {@link #inLargeTransaction}. */
  private static final int BACKGROUND_WRITE_MILLIS = 100;

  private final DatabaseLocation location;

  /** The URL the connection was opened with: a second connection to the same open database. */
  private final String url;

  private final Connection connection;
  private Cancellation cancellation = new Cancellation();

  private Database(DatabaseLocation location, String url, Connection connection) {
    this.location = location;
    this.url = url;
    this.connection = connection;
  }

  /**
   * Opens an existing database whose schema is current; {@code create} also creates a missing one
   * (only {@code mdt init} does). A database another process holds is waited for up to {@code
   * lockWait}.
   */
  public static Database open(DatabaseLocation location, boolean create, Duration lockWait) {
    if (create) {
      location.createParentDirectory();
      startKeyedFile(location);
    }
    return connect(location, location.jdbcUrl(create), lockWait);
  }

  /**
   * Opens an existing database for reading only. H2 then writes nothing to the file, where a
   * database opened for writing is rewritten on every close, even after only reads: H2 stores its
   * state and compacts the file for up to 200 ms, a third of a list command's time. Other readers
   * may open it at the same time; a writer is waited for as by {@link #open}.
   */
  public static Database openToRead(DatabaseLocation location, Duration lockWait) {
    return connect(location, location.readOnlyJdbcUrl(), lockWait);
  }

  /**
   * Opens an existing database for a roster import (see {@link DatabaseLocation#importJdbcUrl}).
   */
  public static Database openForImport(DatabaseLocation location, Duration lockWait) {
    return connect(location, location.importJdbcUrl(), lockWait);
  }

  private static Database connect(DatabaseLocation location, String url, Duration lockWait) {
    long deadline = System.nanoTime() + lockWait.toNanos();
    while (true) {
      try {
        Connection connection =
            DriverManager.getConnection(url, location.user(), location.password());
        location.restrictFilePermissions();
        return new Database(location, url, connection);
      } catch (SQLException e) {
        MdtException failure = DbErrors.translate(e, location);
        if (!DbErrors.isInUse(e) || System.nanoTime() > deadline) {
          throw failure;
        }
        sleep(LOCK_RETRY);
      }
    }
  }

  /**
   * A new encrypted file starts with its key record, written before H2 first opens it (see
   * KeyHeader).
   */
  private static void startKeyedFile(DatabaseLocation location) {
    KeyHeader header = location.keyHeader();
    if (header == null || location.exists()) {
      return;
    }
    try {
      header.createFile(location.mvFile());
    } catch (java.nio.file.FileAlreadyExistsException e) {
      // another process created it first: opening it proves whether our key fits
    } catch (IOException e) {
      throw MdtException.data("cannot create " + location + ": " + e.getMessage(), e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw MdtException.data("interrupted while waiting for the database");
    }
  }

  public DatabaseLocation location() {
    return location;
  }

  public Connection connection() {
    return connection;
  }

  /** Applies pending migrations; returns how many ran. */
  public int migrate() {
    return Migrations.migrate(location, null);
  }

  /**
   * Applies the migrations up to {@code version} only (a restore builds the schema its backup was
   * written in).
   */
  int migrateTo(int version) {
    return Migrations.migrate(location, Integer.toString(version));
  }

  /**
   * The schema version recorded by the migrations, or 0 for a database never initialised. The
   * history table is asked for directly, its absence caught: H2's metadata query that said whether
   * it exists cost every command about 10 ms.
   */
  public int schemaVersion() {
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL"
                    + " ORDER BY \"installed_rank\" DESC")) {
      return rs.next() ? Integer.parseInt(rs.getString(1)) : 0;
    } catch (SQLException e) {
      if (DbErrors.isMissingTable(e)) {
        return 0;
      }
      throw DbErrors.translate(e, location);
    }
  }

  /** Refuses to work on a database whose schema this mdt does not know. */
  public Database requireCurrentSchema() {
    int version = schemaVersion();
    if (version == 0) {
      throw MdtException.data("database " + location + " is not initialised: run 'mdt init'");
    }
    if (version < SCHEMA_VERSION) {
      throw MdtException.data(
          "database "
              + location
              + " has schema version "
              + version
              + ", this mdt needs "
              + SCHEMA_VERSION
              + ": run 'mdt init' to upgrade it");
    }
    if (version > SCHEMA_VERSION) {
      throw MdtException.data(
          "database "
              + location
              + " was written by a newer mdt (schema version "
              + version
              + "); upgrade mdt");
    }
    return this;
  }

  /**
   * Ctrl-C stops this database's work: the statement running when it is pressed is cancelled, and
   * no transaction commits after it (see {@link #inTransaction}).
   */
  /** What stops this database's statements: the command's Ctrl-C once {@link #stopOn} is called. */
  Cancellation cancellation() {
    return cancellation;
  }

  public void stopOn(Cancellation ctrlC) {
    cancellation = ctrlC;
    ctrlC.onRequest(() -> cancelStatement(connection));
  }

  private static void cancelStatement(Connection connection) {
    try {
      if (connection.isWrapperFor(JdbcConnection.class)) {
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (session != null) { // none once the connection is closed
          session.cancel();
        }
      }
    } catch (SQLException e) {
      // the command then stops at its next safe point instead
    }
  }

  /**
   * Starts work that only reads on a second connection to this database, in a thread of its own,
   * and returns at once. A report over a million rows spends seconds in scans that need not wait
   * for each other, and H2 runs a connection's query on one core. Use it in try-with-resources:
   * {@link Alongside#join} waits for the result, and closing it stops work the command no longer
   * waits for (it failed first). Ctrl-C cancels it as it does this connection's statement.
   */
  public <T> Alongside<T> alongside(SqlWork<T> work) {
    Connection second;
    try {
      second = DriverManager.getConnection(url, location.user(), location.password());
      second.setReadOnly(true);
    } catch (SQLException e) {
      throw DbErrors.translate(e, location);
    }
    cancellation.onRequest(() -> cancelStatement(second));
    FutureTask<T> task =
        new FutureTask<>(
            () -> {
              try (second) {
                return work.run(second);
              }
            });
    Thread thread = new Thread(task, "mdt-alongside");
    thread.setDaemon(true);
    thread.start();
    return new Alongside<>(task, second);
  }

  /** Work running on a second connection (see {@link #alongside}). */
  public static final class Alongside<T> implements AutoCloseable {
    private final FutureTask<T> task;
    private final Connection connection;

    private Alongside(FutureTask<T> task, Connection connection) {
      this.task = task;
      this.connection = connection;
    }

    /** Waits for the work's result; its failure is thrown here, as if it had run in this thread. */
    public T join() throws SQLException {
      try {
        return task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw MdtException.cancelled();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof SQLException failure) {
          throw failure;
        }
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        if (e.getCause() instanceof Error failure) {
          throw failure;
        }
        throw new SQLException(e.getCause());
      }
    }

    /** Stops the work if it is still running and waits for its end. */
    @Override
    public void close() {
      if (task.isDone()) {
        return;
      }
      cancelStatement(connection);
      try {
        task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        // the command reports its own failure, which came first
      }
    }
  }

  /**
   * Runs work in one transaction: all of it is committed, or none of it (Ctrl-C before the commit:
   * none).
   */
  public <T> T inTransaction(SqlWork<T> work) {
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        cancellation.check();
        connection.commit();
        return result;
      } catch (RuntimeException | SQLException | Error e) {
        connection.rollback();
        cancellation
            .check(); // a statement Ctrl-C cancelled fails with an SQL error: say what happened
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw DbErrors.translate(e, location);
    }
  }

  /**
   * Runs a large write (an import, into an {@link ImportCopy}) as {@link #inTransaction} does,
   * while H2 writes the changed pages to the file on its background threads, on the core the
   * command leaves free; otherwise the importing thread stops to write them itself (a tenth of a
   * 100,000-row import's time, a third of a million rows'). The commit is still on disk before this
   * returns: the delay is set back to 0, which stores what is left. Only into a copy: when the disk
   * filled, those threads could leave a file that no longer opened.
   */
  public <T> T inLargeTransaction(SqlWork<T> work) {
    if (!location.isFile()) {
      return inTransaction(work);
    }
    setWriteDelay(BACKGROUND_WRITE_MILLIS);
    T result;
    try {
      result = inTransaction(work);
    } catch (RuntimeException e) {
      RuntimeException failure = e;
      IOException writeFailure = backgroundWriteFailure();
      if (writeFailure != null) {
        failure = MdtException.data(DbErrors.writeFailure(writeFailure, location), writeFailure);
        failure.addSuppressed(e);
      }
      try {
        setWriteDelay(0);
      } catch (RuntimeException closed) {
        failure.addSuppressed(closed);
      }
      throw failure;
    }
    setWriteDelay(0);
    return result;
  }

  /**
   * The failed write that stopped H2's store, if one did. With its background threads writing, the
   * importing thread may meet only a consequence of it: a page of the chunk that never reached the
   * file ("File corrupted in chunk 109"), or the closed file.
   */
  private IOException backgroundWriteFailure() {
    try {
      if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
          && session.getDatabase().getStore() != null) {
        Throwable cause = session.getDatabase().getStore().getMvStore().getPanicException();
        for (; cause != null; cause = cause.getCause()) {
          if (cause instanceof IOException io && io.getMessage() != null) {
            return io;
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      // no store to ask: the failure stands as it is
    }
    return null;
  }

  private void setWriteDelay(int millis) {
    try (Statement statement = connection.createStatement()) {
      // outside the transaction: H2 commits the open one before a SET
      statement.execute("SET WRITE_DELAY " + millis);
    } catch (SQLException e) {
      throw DbErrors.translate(e, location);
    }
  }

  /** Runs work in a transaction that is always rolled back: what a dry run would have done. */
  public <T> T rolledBack(SqlWork<T> work) {
    try {
      connection.setAutoCommit(false);
      try {
        return work.run(connection);
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw DbErrors.translate(e, location);
    }
  }

  /** The database file's size in bytes; 0 for a JDBC URL. */
  public long fileSize() {
    return location.fileSize();
  }

  /**
   * Rewrites the file without the free space a large transaction leaves behind (a 1,000,000-row
   * import left 1.47 GB that compacts to 193 MB, and opening it took 3 s instead of 0.7 s). This
   * closes the database. H2 writes the compacted copy beside the file with the process umask (often
   * readable by all), so it is done only in a folder other users cannot enter; returns false, and
   * does nothing, in any other.
   */
  public boolean compact() {
    if (!location.inPrivateFolder()) {
      return false;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN COMPACT");
    } catch (SQLException e) {
      throw DbErrors.translate(e, location);
    }
    location.restrictFilePermissions();
    return true;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw DbErrors.translate(e, location);
    }
  }

  /** Work against the connection that may throw SQLException. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }
}
