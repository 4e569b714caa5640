package org.mdt.review;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mdt.MdtException;
import org.mdt.cases.CaseRef;
import org.mdt.cases.CaseStore;
import org.mdt.db.AuditLog;
import org.mdt.db.Database;
import org.mdt.followup.FollowupStore;
import org.mdt.team.Member;
import org.mdt.team.Team;
import org.mdt.team.TeamStore;

/**
 * Records what happened at a meeting, once it has happened, in one transaction: who attended (each member
 * once, however often named), which cases were reviewed (each with the reason the agenda gives it as it
 * stands), the recommendations, and the follow-ups some of them became. A recommendation must be for a case
 * reviewed at this meeting; members and cases are the meeting's team's.
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
  public record FollowupRecommendation(String caseNumber, String owner, LocalDate due, String action) {}

  /**
   * @param attended the members present, by id or exact name
   * @param reviewed the numbers of the cases reviewed
   */
  public record Request(long meetingId, List<String> attended, List<String> reviewed,
      List<Recommendation> recommendations, List<FollowupRecommendation> followups) {}

  /**
   * @param recommendations every recommendation, those that became follow-ups included
   * @param followups the ids of the follow-ups created, in the order they were asked for
   * @param reviewedBeforeReferral reviewed cases first referred after the meeting's day: recorded all the same,
   *     but the grant reports do not count those reviews
   */
  public record Result(long meetingId, int attended, int reviewed, int recommendations, List<Long> followups,
      List<ReviewStore.ReviewBeforeReferral> reviewedBeforeReferral) {}

  private final Database database;
  private final Clock clock;
  private final String osUser;
  private final String command;

  public RecordMeeting(Database database, Clock clock, String osUser, String command) {
    this.database = database;
    this.clock = clock;
    this.osUser = osUser;
    this.command = command;
  }

  public Result run(Request request) {
    return database.inTransaction(connection -> {
      OffsetDateTime now = OffsetDateTime.now(clock);
      AuditLog audit = new AuditLog(connection, osUser, command, clock);
      ReviewStore reviews = new ReviewStore(connection, audit);
      TeamStore teams = new TeamStore(connection, audit);
      CaseStore cases = new CaseStore(connection);
      Meeting meeting = reviews.require(request.meetingId());
      Team team = teams.team(meeting.teamId());
      List<Member> present = new ArrayList<>();
      for (String reference : request.attended()) {
        Member member = teams.requireMember(team, reference);
        if (!present.contains(member)) {
          present.add(member);
        }
      }
      Agenda agenda = BuildAgenda.agenda(reviews, meeting);
      Map<CaseRef, Agenda.Reason> reviewed = new LinkedHashMap<>();
      for (String caseNumber : request.reviewed()) {
        CaseRef ref = cases.require(caseNumber, team);
        reviewed.put(ref, agenda.cases().stream().filter(i -> i.facts().caseId() == ref.id())
            .map(Agenda.Item::reason).findFirst().orElse(null));
      }
      List<ReviewStore.ReviewBeforeReferral> early = reviews.record(meeting, present, reviewed, now);
      for (Recommendation recommendation : request.recommendations()) {
        reviews.recommend(meeting, reviewedCase(cases, team, reviewed, recommendation.caseNumber()),
            recommendation.text());
      }
      FollowupStore followups = new FollowupStore(connection, audit, osUser);
      List<Long> created = new ArrayList<>();
      for (FollowupRecommendation followup : request.followups()) {
        CaseRef ref = reviewedCase(cases, team, reviewed, followup.caseNumber());
        long recommendationId = reviews.recommend(meeting, ref, followup.action());
        created.add(followups.add(ref, teams.requireMember(team, followup.owner()), followup.action(), followup.due(),
            meeting.id(), recommendationId, now));
      }
      return new Result(meeting.id(), present.size(), reviewed.size(),
          request.recommendations().size() + request.followups().size(), List.copyOf(created), early);
    });
  }

  private static CaseRef reviewedCase(CaseStore cases, Team team, Map<CaseRef, Agenda.Reason> reviewed,
      String caseNumber) throws SQLException {
    CaseRef ref = cases.require(caseNumber, team);
    if (!reviewed.containsKey(ref)) {
      throw MdtException.usage("case " + caseNumber + " has a recommendation but is not among --reviewed");
    }
    return ref;
  }
}
