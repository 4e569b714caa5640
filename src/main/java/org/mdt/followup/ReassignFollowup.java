package org.mdt.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.mdt.db.AuditLog;
import org.mdt.db.Database;
import org.mdt.team.Member;
import org.mdt.team.TeamStore;

/** Gives an open follow-up to another active member of its case's team. */
public final class ReassignFollowup {
  /** @param owner the new owner: id or exact name */
  public record Request(long id, String owner) {}

  public record Result(long id, Member owner) {}

  private final Database database;
  private final Clock clock;
  private final String osUser;
  private final String command;

  public ReassignFollowup(Database database, Clock clock, String osUser, String command) {
    this.database = database;
    this.clock = clock;
    this.osUser = osUser;
    this.command = command;
  }

  public Result run(Request request) {
    return database.inTransaction(connection -> {
      AuditLog audit = new AuditLog(connection, osUser, command, clock);
      TeamStore teams = new TeamStore(connection, audit);
      FollowupStore followups = new FollowupStore(connection, audit, osUser);
      Followup followup = followups.require(request.id(), LocalDate.now(clock));
      Member owner = teams.requireMember(teams.require(followup.team()), request.owner());
      followups.reassign(request.id(), owner, OffsetDateTime.now(clock));
      return new Result(request.id(), owner);
    });
  }
}
