package org.mdt.review;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.mdt.MdtException;
import org.mdt.cases.CaseRef;
import org.mdt.cases.CaseStore;
import org.mdt.db.AuditLog;
import org.mdt.db.Database;
import org.mdt.team.TeamStore;

/**
 * A member's request that a case be discussed at the team's next meeting, or at a given one of the same
 * team. The request puts the case on that agenda until a recorded meeting reviews it.
 */
public final class RequestReview {
  /**
   * @param team the team's name, when several teams hold the case number; else null
   * @param meetingId the meeting asked for, or null for the next one
   * @param note why, kept with the request (never on the agenda), or null
   * @param by the member asking (id or exact name), or null for the person running mdt
   */
  public record Request(String caseNumber, String team, Long meetingId, String note, String by) {}

  public record Result(long requestId) {}

  private final Database database;
  private final Clock clock;
  private final String osUser;
  private final String command;

  public RequestReview(Database database, Clock clock, String osUser, String command) {
    this.database = database;
    this.clock = clock;
    this.osUser = osUser;
    this.command = command;
  }

  public Result run(Request request) {
    return database.inTransaction(connection -> {
      AuditLog audit = new AuditLog(connection, osUser, command, clock);
      TeamStore teams = new TeamStore(connection, audit);
      CaseRef caseRef = new CaseStore(connection)
          .require(request.caseNumber(), request.team() == null ? null : teams.require(request.team()));
      ReviewStore reviews = new ReviewStore(connection, audit);
      Meeting meeting = request.meetingId() == null ? null : reviews.require(request.meetingId());
      if (meeting != null && meeting.teamId() != caseRef.teamId()) {
        throw MdtException.domain("meeting " + meeting.id() + " is " + meeting.team() + "'s; case "
            + request.caseNumber() + " is " + caseRef.team() + "'s");
      }
      String requester = request.by() == null ? osUser
          : teams.requireMember(teams.team(caseRef.teamId()), request.by()).name();
      return new Result(reviews.request(caseRef, meeting, request.note(), requester, OffsetDateTime.now(clock)));
    });
  }
}
