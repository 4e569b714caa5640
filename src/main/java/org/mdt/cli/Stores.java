package org.mdt.cli;

import java.sql.Connection;
import org.mdt.cases.CaseStore;
import org.mdt.db.AuditLog;
import org.mdt.followup.FollowupStore;
import org.mdt.review.ReviewStore;
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

  static ReviewStore reviews(CliContext context, Connection connection) {
    return new ReviewStore(connection, audit(context, connection));
  }

  static FollowupStore followups(CliContext context, Connection connection) {
    return new FollowupStore(connection, audit(context, connection), context.osUser());
  }

  static CaseStore cases(Connection connection) {
    return new CaseStore(connection);
  }
}
