package org.mdt.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mdt.cases.CaseRef;
import org.mdt.db.Session;
import org.mdt.team.Member;

/**
 * Records what happened at a meeting, once it has happened, in one transaction: who attended (each
 * member once, however often named), which cases were reviewed (each with the reason the agenda
 * gives it as it stands), the recommendations, and the follow-ups some of them became. A
 * recommendation must be for a case reviewed at this meeting; members and cases are the meeting's
 * team's. {@link AmendMeeting} corrects it later.
 */
public final class RecordMeeting {
  /** A recommendation made for a reviewed case. */
  public record Recommendation(String caseNumber, String text) {}

  /**
   * A recommendation that becomes a follow-up owned by a member of the team.
   *
   * @param owner the member's id or exact name
   * @param due when it is due, or null for no due date
   * @param action the recommendation's text, which is also the follow-up's action
   */
  public record FollowupRecommendation(
      String caseNumber, String owner, LocalDate due, String action) {}

  /**
   * @param attended the members present, by id or exact name
   * @param reviewed the numbers of the cases reviewed
   */
  public record Request(
      long meetingId,
      List<String> attended,
      List<String> reviewed,
      List<Recommendation> recommendations,
      List<FollowupRecommendation> followups) {}

  /**
   * A case recorded as reviewed that the meeting's agenda did not have due: recorded, but likely a
   * slip.
   */
  public record NotOnAgenda(String caseNumber, long meetingId, LocalDate day) {
    public String message() {
      return "case "
          + caseNumber
          + " was not on the agenda of meeting "
          + meetingId
          + " (not due on "
          + day
          + "); recorded all the same: check the case number";
    }
  }

  /**
   * @param recommendations every recommendation, those that became follow-ups included
   * @param followups the ids of the follow-ups created, in the order they were asked for
   * @param notOnAgenda reviewed cases the agenda did not have due (listed or rolled over)
   * @param reviewedBeforeReferral reviewed cases first referred after the meeting's day: recorded
   *     all the same, but the grant reports do not count those reviews
   */
  public record Result(
      long meetingId,
      int attended,
      int reviewed,
      int recommendations,
      List<Long> followups,
      List<NotOnAgenda> notOnAgenda,
      List<ReviewStore.ReviewBeforeReferral> reviewedBeforeReferral) {}

  private final Session session;

  public RecordMeeting(Session session) {
    this.session = session;
  }

  public Result run(Request request) {
    return session.inTransaction(
        (connection, audit) -> {
          MeetingChanges changes =
              new MeetingChanges(connection, audit, session, request.meetingId());
          List<Member> present = changes.members(request.attended());
          List<NotOnAgenda> notOnAgenda = new ArrayList<>();
          Map<CaseRef, Agenda.Reason> reviewed = changes.reviewed(request.reviewed(), notOnAgenda);
          List<ReviewStore.ReviewBeforeReferral> early =
              changes.reviews.record(changes.meeting, present, reviewed, changes.now);
          List<Long> created =
              changes.recommend(
                  reviewed.keySet(),
                  request.recommendations(),
                  request.followups(),
                  "case %s has a recommendation but is not among --reviewed");
          return new Result(
              changes.meeting.id(),
              present.size(),
              reviewed.size(),
              request.recommendations().size() + request.followups().size(),
              List.copyOf(created),
              notOnAgenda,
              early);
        });
  }
}
