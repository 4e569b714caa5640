package org.mdt.review;

import java.util.Optional;
import org.mdt.MdtException;
import org.mdt.cases.CaseRef;
import org.mdt.cases.CaseStore;
import org.mdt.db.Session;
import org.mdt.team.TeamStore;

/**
 * A member's request that a case be discussed at the team's next meeting, or at a given one of the
 * same team. The request puts the case first on that agenda, and on the ones after it until a
 * recorded meeting reviews it. A request identical to one still pending (same case, meeting, note
 * and requester) is merged into it rather than stored twice.
 */
public final class RequestReview {
  /**
   * @param team the team's name, when several teams hold the case number; else null
   * @param meetingId the meeting asked for, or null for the next one
   * @param note why, shown on the agenda beside the requester (except for a restricted case), or
   *     null
   * @param by the member asking (id or exact name), or null for the person running mdt
   */
  public record Request(String caseNumber, String team, Long meetingId, String note, String by) {}

  /**
   * @param merged whether an identical pending request was found, whose id this is; nothing was
   *     stored
   */
  public record Result(long requestId, boolean merged) {}

  private final Session session;

  public RequestReview(Session session) {
    this.session = session;
  }

  public Result run(Request request) {
    return session.inTransaction(
        (connection, audit) -> {
          TeamStore teams = new TeamStore(connection, audit);
          CaseRef caseRef =
              new CaseStore(connection)
                  .require(request.caseNumber(), teams.requireIfNamed(request.team()));
          ReviewStore reviews = new ReviewStore(connection, audit);
          Meeting meeting =
              request.meetingId() == null ? null : reviews.require(request.meetingId());
          if (meeting != null && meeting.teamId() != caseRef.teamId()) {
            throw MdtException.domain(
                "meeting "
                    + meeting.id()
                    + " is "
                    + meeting.team()
                    + "'s; case "
                    + request.caseNumber()
                    + " is "
                    + caseRef.team()
                    + "'s");
          }
          String requester =
              request.by() == null
                  ? session.osUser()
                  : teams.requireMember(teams.team(caseRef.teamId()), request.by()).name();
          Optional<Long> same =
              reviews.sameOpenRequest(caseRef, meeting, request.note(), requester);
          if (same.isPresent()) {
            return new Result(same.get(), true);
          }
          return new Result(
              reviews.request(caseRef, meeting, request.note(), requester, session.now()), false);
        });
  }
}
