package org.mdt.cli;

import java.sql.Connection;
import java.util.function.Function;
import org.mdt.cases.CaseStore;
import org.mdt.db.AuditLog;
import org.mdt.db.Session;
import org.mdt.team.TeamStore;

/**
 * Builds what a command works through: a feature operation, or a store, with the audit trail that
 * records who ran the command.
 */
final class Stores {
  private Stores() {}

  /** An operation on the context's database, audited as the command being run. */
  static <T> T operation(CliContext context, Function<Session, T> operation) {
    return operation.apply(session(context));
  }

  /** The context's database and clock, acting as the OS user running this command line. */
  static Session session(CliContext context) {
    return new Session(context.database(), context.clock, context.osUser(), context.commandLine);
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
