package org.mdt.followup;

import org.mdt.db.Session;
import org.mdt.team.Member;
import org.mdt.team.TeamStore;

/** Gives an open follow-up to another active member of its case's team. */
public final class ReassignFollowup {
  /**
   * @param owner the new owner: id or exact name
   */
  public record Request(long id, String owner) {}

  public record Result(long id, Member owner) {}

  private final Session session;

  public ReassignFollowup(Session session) {
    this.session = session;
  }

  public Result run(Request request) {
    return session.inTransaction(
        (connection, audit) -> {
          TeamStore teams = new TeamStore(connection, audit);
          FollowupStore followups = new FollowupStore(connection, audit, session.osUser());
          Followup followup = followups.require(request.id(), session.today());
          Member owner = teams.requireMember(teams.require(followup.team()), request.owner());
          followups.reassign(request.id(), owner, session.now());
          return new Result(request.id(), owner);
        });
  }
}
