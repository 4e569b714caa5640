package org.mdt.cli;

import java.sql.Connection;
import org.mdt.db.AuditLog;
import org.mdt.team.TeamStore;

/** Builds feature stores for a command, with the audit trail that records who ran it. */
final class Stores {
  private Stores() {}

  static AuditLog audit(CliContext context, Connection connection) {
    return new AuditLog(connection, context.osUser(), context.commandLine, context.clock);
  }

  static TeamStore teams(CliContext context, Connection connection) {
    return new TeamStore(connection, audit(context, connection));
  }
}
