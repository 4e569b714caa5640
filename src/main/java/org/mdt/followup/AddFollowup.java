package org.mdt.followup;

import java.time.LocalDate;
import org.mdt.cases.CaseRef;
import org.mdt.cases.CaseStore;
import org.mdt.db.Session;
import org.mdt.team.TeamStore;

/** Adds a follow-up to a case: an action owed by an active member of the case's team. */
public final class AddFollowup {
  /**
   * @param team the team's name, when several teams hold the case number; else null
   * @param owner the member who owes it: id or exact name
   * @param due when it is due, or null
   * @param meetingId the meeting that asked for it, or null
   */
  public record Request(
      String caseNumber, String team, String owner, String action, LocalDate due, Long meetingId) {}

  public record Result(long id) {}

  private final Session session;

  public AddFollowup(Session session) {
    this.session = session;
  }

  public Result run(Request request) {
    return session.inTransaction(
        (connection, audit) -> {
          TeamStore teams = new TeamStore(connection, audit);
          CaseRef caseRef =
              new CaseStore(connection)
                  .require(request.caseNumber(), teams.requireIfNamed(request.team()));
          FollowupStore followups = new FollowupStore(connection, audit, session.osUser());
          if (request.meetingId() != null) {
            followups.requireMeeting(request.meetingId());
          }
          return new Result(
              followups.add(
                  caseRef,
                  teams.requireMember(teams.team(caseRef.teamId()), request.owner()),
                  request.action(),
                  request.due(),
                  request.meetingId(),
                  null,
                  session.now()));
        });
  }
}
