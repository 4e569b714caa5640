package org.mdt.cli;

import java.sql.Connection;
import java.time.Clock;
import org.mdt.cases.CaseStore;
import org.mdt.db.AuditLog;
import org.mdt.db.Database;
import org.mdt.team.TeamStore;

/**
 * Builds what a command works through: a feature operation, or a store, with the audit trail that records
 * who ran the command.
 */
final class Stores {
  private Stores() {}

  /** The constructor every operation has: the database, the clock, and who acts (OS user and command line). */
  @FunctionalInterface
  interface Operation<T> {
    T create(Database database, Clock clock, String osUser, String command);
  }

  /** An operation on the context's database, audited as the command being run. */
  static <T> T operation(CliContext context, Operation<T> operation) {
    return operation.create(context.database(), context.clock, context.osUser(), context.commandLine);
  }

  static AuditLog audit(CliContext context, Connection connection) {
    return new AuditLog(connection, context.osUser(), context.commandLine, context.clock);
  }

  static TeamStore teams(CliContext context, Connection connection) {
    return new TeamStore(connection, audit(context, connection));
  }

  static CaseStore cases(Connection connection) {
    return new CaseStore(connection);
  }
}
