package org.mdt.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What every operation that changes data works with: the database, the clock that says when, and
 * who acts (the OS user and the command line the audit trail records). One value, so an operation
 * is built the same way by a command, the shell, the demo and a test.
 */
public record Session(Database database, Clock clock, String osUser, String command) {
  /** Work against the connection, with the audit trail of the transaction it runs in. */
  @FunctionalInterface
  public interface AuditedWork<T> {
    T run(Connection connection, AuditLog audit) throws SQLException;
  }

  /** Runs work in one transaction (all of it or none), every change audited as this session's. */
  public <T> T inTransaction(AuditedWork<T> work) {
    return database.inTransaction(
        connection -> work.run(connection, new AuditLog(connection, osUser, command, clock)));
  }

  public OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }
}
