package org.mdt.review;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mdt.MdtException;
import org.mdt.cases.CaseRef;
import org.mdt.db.Session;
import org.mdt.team.Member;
import org.mdt.team.TeamStore;

/**
 * Corrects a recorded meeting in one transaction: cases reviewed and members present added or taken
 * off, recommendations (and the follow-ups they became) added or removed, each change audited. A
 * case keeps its recommendations and follow-ups from the meeting unless they are removed too
 * ({@code removeRecommendations}): taking the case off alone is refused, so that no follow-up is
 * left for a review that did not happen. Added cases get the same warnings as when recording: not
 * on the agenda, or referred after the meeting.
 */
public final class AmendMeeting {
  /**
   * The changes; members by id or name, cases by number.
   *
   * @param removeRecommendations cases whose recommendations at this meeting, and the follow-ups
   *     they became (or that were linked to the meeting), are removed
   */
  public record Request(
      long meetingId,
      List<String> addAttended,
      List<String> removeAttended,
      List<String> addReviewed,
      List<String> removeReviewed,
      List<String> removeRecommendations,
      List<RecordMeeting.Recommendation> recommendations,
      List<RecordMeeting.FollowupRecommendation> followups) {
    public Request {
      if (addAttended.isEmpty()
          && removeAttended.isEmpty()
          && addReviewed.isEmpty()
          && removeReviewed.isEmpty()
          && removeRecommendations.isEmpty()
          && recommendations.isEmpty()
          && followups.isEmpty()) {
        throw MdtException.usage(
            "nothing to amend: give --add-reviewed, --remove-reviewed, --add-attended,"
                + " --remove-attended, --recommend, --followup or --remove-recommendations");
      }
    }
  }

  /**
   * The meeting as it stands after the amendment, as {@code review record} reports it, and what
   * changed.
   *
   * @param followups how many follow-ups the meeting has made, after the amendment
   * @param followupsCreated the ids of the follow-ups this amendment created
   * @param followupsRemoved the ids of the follow-ups this amendment removed
   */
  public record Result(
      long meetingId,
      int attended,
      int reviewed,
      int recommendations,
      int followups,
      List<Long> followupsCreated,
      List<Long> followupsRemoved,
      List<RecordMeeting.NotOnAgenda> notOnAgenda,
      List<ReviewStore.ReviewBeforeReferral> reviewedBeforeReferral) {}

  private final Session session;

  public AmendMeeting(Session session) {
    this.session = session;
  }

  public Result run(Request request) {
    return session.inTransaction(
        (connection, audit) -> {
          MeetingChanges changes =
              new MeetingChanges(connection, audit, session, request.meetingId());
          Meeting meeting = changes.meeting;
          if (!meeting.recorded()) {
            throw MdtException.domain(
                "meeting "
                    + meeting.id()
                    + " on "
                    + meeting.date()
                    + " is not recorded yet:"
                    + " record it with 'mdt review record "
                    + meeting.id()
                    + "'");
          }
          ReviewStore reviews = changes.reviews;
          List<Member> attendedBefore = reviews.attendees(meeting);
          List<CaseRef> reviewedBefore = reviews.reviewedAt(meeting);
          List<Long> removed = new ArrayList<>();
          for (String caseNumber : request.removeRecommendations()) {
            removed.addAll(
                removeRecommendations(changes, reviewedCase(changes, reviewedBefore, caseNumber)));
          }
          for (String caseNumber : request.removeReviewed()) {
            CaseRef ref = reviewedCase(changes, reviewedBefore, caseNumber);
            int recommendations = reviews.recommendationCount(meeting, ref);
            int followups = changes.followups.fromMeeting(meeting.id(), ref.id()).size();
            if (recommendations + followups > 0) {
              throw MdtException.domain(
                  "case "
                      + ref.caseNumber()
                      + " has "
                      + recommendations
                      + " recommendation(s) and "
                      + followups
                      + " follow-up(s) from meeting "
                      + meeting.id()
                      + ": add --remove-recommendations "
                      + ref.caseNumber()
                      + " to remove them too");
            }
            reviews.removeReviewed(meeting, ref);
          }
          for (String reference : request.removeAttended()) {
            reviews.removeAttendance(meeting, attendee(meeting, attendedBefore, reference));
          }
          List<Member> present = reviews.attendees(meeting);
          List<Member> added = changes.members(request.addAttended());
          for (Member member : added) {
            if (present.stream().anyMatch(m -> m.id() == member.id())) {
              throw MdtException.domain(
                  member.name() + " is already recorded as attending meeting " + meeting.id());
            }
          }
          reviews.addAttendance(meeting, added);
          List<CaseRef> stillReviewed = reviews.reviewedAt(meeting);
          List<RecordMeeting.NotOnAgenda> notOnAgenda = new ArrayList<>();
          Map<CaseRef, Agenda.Reason> addedCases =
              changes.reviewed(request.addReviewed(), notOnAgenda);
          for (CaseRef ref : addedCases.keySet()) {
            if (stillReviewed.stream().anyMatch(r -> r.id() == ref.id())) {
              throw MdtException.domain(
                  "case "
                      + ref.caseNumber()
                      + " is already recorded as reviewed at meeting "
                      + meeting.id());
            }
          }
          List<ReviewStore.ReviewBeforeReferral> early = reviews.addReviewed(meeting, addedCases);
          List<CaseRef> reviewed = reviews.reviewedAt(meeting);
          List<Long> created =
              changes.recommend(
                  reviewed,
                  request.recommendations(),
                  request.followups(),
                  "case %s has a recommendation but was not reviewed at meeting "
                      + meeting.id()
                      + " (add it with --add-reviewed)");
          List<Member> attended = reviews.attendees(meeting);
          reviews.auditAmended(meeting, attendedBefore, attended, reviewedBefore, reviewed);
          int followups = 0;
          for (CaseRef ref : reviewed) {
            followups += changes.followups.fromMeeting(meeting.id(), ref.id()).size();
          }
          return new Result(
              meeting.id(),
              attended.size(),
              reviewed.size(),
              reviews.recommendationCount(meeting, null),
              followups,
              List.copyOf(created),
              List.copyOf(removed),
              notOnAgenda,
              early);
        });
  }

  /** A case reviewed at the meeting before this amendment, by number. */
  private static CaseRef reviewedCase(
      MeetingChanges changes, List<CaseRef> reviewed, String caseNumber) throws SQLException {
    CaseRef ref = changes.cases.require(caseNumber, changes.team);
    return reviewed.stream()
        .filter(r -> r.id() == ref.id())
        .findFirst()
        .orElseThrow(
            () ->
                MdtException.domain(
                    "case "
                        + ref.caseNumber()
                        + " is not recorded as reviewed at meeting "
                        + changes.meeting.id()));
  }

  /**
   * Removes the case's recommendations at the meeting and its follow-ups from the meeting; returns
   * their ids.
   */
  private List<Long> removeRecommendations(MeetingChanges changes, CaseRef ref)
      throws SQLException {
    List<Long> followups = changes.followups.fromMeeting(changes.meeting.id(), ref.id());
    for (long id : followups) {
      changes.followups.remove(id, changes.now.toLocalDate());
    }
    if (changes.reviews.removeRecommendations(changes.meeting, ref) + followups.size() == 0) {
      throw MdtException.domain(
          "case "
              + ref.caseNumber()
              + " has no recommendation or follow-up from meeting "
              + changes.meeting.id());
    }
    return followups;
  }

  /**
   * A member recorded as present, by id or name (ignoring case, as everywhere); a member who has
   * left the team since can still be taken off.
   */
  private static Member attendee(Meeting meeting, List<Member> attended, String reference) {
    return attended.stream()
        .filter(
            m ->
                reference.trim().equals(Long.toString(m.id()))
                    || TeamStore.nameKey(reference).equals(TeamStore.nameKey(m.name())))
        .findFirst()
        .orElseThrow(
            () ->
                MdtException.domain(
                    "'"
                        + reference
                        + "' is not recorded as attending meeting "
                        + meeting.id()
                        + " (present: "
                        + attended.stream().map(Member::name).collect(Collectors.joining(", "))
                        + ")"));
  }
}
