package org.mdt.db;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import org.mdt.MdtException;

/** Turns the database errors a user can meet into one clear line and exit code 3. */
public final class DbErrors {
  // H2's error codes (org.h2.api.ErrorCode), named here so that H2 need not be loaded to compare
  // them.
  private static final int DATABASE_IN_USE = 90020;
  private static final int FILE_CORRUPTED = 90030;
  private static final int WRONG_FILE_PASSWORD = 90049;
  private static final int DATABASE_NOT_FOUND = 90146;
  private static final int LOCK_TIMEOUT = 50200;
  private static final int WRONG_USER_OR_PASSWORD = 28000;
  private static final int FILE_VERSION_ERROR = 90048;
  private static final int DISK_FULL = 90100;

  /** What a write H2 could not make because an earlier one failed tells the user. */
  public static final String CLOSED_AFTER_FAILED_WRITE =
      "an earlier write to it failed and H2 closed it (is the disk full?)";

  private DbErrors() {}

  static boolean isInUse(SQLException e) {
    return e.getErrorCode() == DATABASE_IN_USE;
  }

  public static MdtException translate(SQLException e, Object location) {
    String message =
        switch (e.getErrorCode()) {
          case DATABASE_IN_USE -> inUse(location);
          case DATABASE_NOT_FOUND -> "no database at " + location + ": run 'mdt init' first";
          case FILE_CORRUPTED ->
              "database file is corrupt: " + location + " (restore it with 'mdt restore BACKUP')";
          case WRONG_FILE_PASSWORD, WRONG_USER_OR_PASSWORD ->
              "wrong passphrase for database " + location;
          case LOCK_TIMEOUT ->
              "database busy: another change to the same rows is in progress (" + location + ")";
          case FILE_VERSION_ERROR ->
              "database file " + location + " was written by an incompatible H2 version";
          case DISK_FULL -> "disk full writing database " + location;
          default -> writeFailure(e, location);
        };
    return MdtException.data(message, e);
  }

  /**
   * Whether a query named a table the database lacks: SQLSTATE 42S02 (H2; 42S04 when it has no
   * tables at all) or 42P01 (PostgreSQL).
   */
  static boolean isMissingTable(SQLException e) {
    String state = e.getSQLState();
    return "42S02".equals(state) || "42S04".equals(state) || "42P01".equals(state);
  }

  /**
   * Whether the database refused a row's values (a constraint, a type, a length: SQLSTATE classes
   * 22 and 23), as opposed to failing itself (a full disk, an I/O error).
   */
  static boolean isRowData(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("22") || state.startsWith("23"));
  }

  static String inUse(Object location) {
    return "database in use by another process: " + location + " (try again when it finishes)";
  }

  /**
   * H2 wraps a failed file write (its own error 50000 or 90028) around the IOException that says
   * why. After one write failed, H2 closes the file, and a later write in another of its threads
   * fails with only a ClosedChannelException, which says nothing.
   */
  private static String writeFailure(SQLException e, Object location) {
    boolean closed = false;
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ClosedChannelException) {
        closed = true;
      } else if (cause instanceof IOException io && io.getMessage() != null) {
        return writeFailure(io, location);
      }
    }
    return closed
        ? "cannot write database " + location + ": " + CLOSED_AFTER_FAILED_WRITE
        : "database error on " + location + ": " + firstLine(e.getMessage());
  }

  /** What a failed write to the database file tells the user. */
  static String writeFailure(IOException failure, Object location) {
    String why = String.valueOf(failure.getMessage());
    return why.contains("No space left on device") || why.contains("Disk quota exceeded")
        ? "disk full writing database " + location
        : "cannot write database " + location + ": " + firstLine(why);
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
