package org.mdt.review;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mdt.MdtException;
import org.mdt.cases.CaseRef;
import org.mdt.cases.CaseStore;
import org.mdt.db.AuditLog;
import org.mdt.db.Session;
import org.mdt.followup.FollowupStore;
import org.mdt.team.Member;
import org.mdt.team.Team;
import org.mdt.team.TeamStore;

/**
 * What recording a meeting and amending one share, inside the operation's transaction: the meeting
 * and its team's stores, members and cases resolved in that team, each reviewed case's agenda
 * reason, and recommendations that may become follow-ups.
 */
final class MeetingChanges {
  final ReviewStore reviews;
  final TeamStore teams;
  final CaseStore cases;
  final FollowupStore followups;
  final Meeting meeting;
  final Team team;
  final OffsetDateTime now;
  private Agenda agenda;

  MeetingChanges(Connection connection, AuditLog audit, Session session, long meetingId)
      throws SQLException {
    reviews = new ReviewStore(connection, audit);
    teams = new TeamStore(connection, audit);
    cases = new CaseStore(connection);
    followups = new FollowupStore(connection, audit, session.osUser());
    meeting = reviews.require(meetingId);
    team = teams.team(meeting.teamId());
    now = session.now();
  }

  /** Active members of the team, each once however often named (by id or name). */
  List<Member> members(List<String> references) throws SQLException {
    List<Member> members = new ArrayList<>();
    for (String reference : references) {
      Member member = teams.requireMember(team, reference);
      if (!members.contains(member)) {
        members.add(member);
      }
    }
    return members;
  }

  /**
   * The team's cases by number, each once, with the reason the meeting's agenda has it due (listed
   * or rolled over), or null, and a warning, when it was not due at all: most likely a mistyped
   * number.
   */
  Map<CaseRef, Agenda.Reason> reviewed(
      List<String> caseNumbers, List<RecordMeeting.NotOnAgenda> notOnAgenda) throws SQLException {
    if (agenda == null) {
      agenda = BuildAgenda.agenda(reviews, meeting);
    }
    Map<CaseRef, Agenda.Reason> reviewed = new LinkedHashMap<>();
    for (String caseNumber : caseNumbers) {
      CaseRef ref = cases.require(caseNumber, team);
      if (!reviewed.containsKey(ref)) {
        Agenda.Reason reason = agenda.due(ref.id()).map(Agenda.Item::reason).orElse(null);
        if (reason == null) {
          notOnAgenda.add(
              new RecordMeeting.NotOnAgenda(ref.caseNumber(), meeting.id(), meeting.date()));
        }
        reviewed.put(ref, reason);
      }
    }
    return reviewed;
  }

  /**
   * Stores recommendations for cases reviewed at the meeting, and those that become follow-ups;
   * returns the follow-ups' ids in the order asked.
   *
   * @param notReviewed the refusal for a case not among {@code reviewed}, with %s for its number
   */
  List<Long> recommend(
      Collection<CaseRef> reviewed,
      List<RecordMeeting.Recommendation> recommendations,
      List<RecordMeeting.FollowupRecommendation> followupRecommendations,
      String notReviewed)
      throws SQLException {
    for (RecordMeeting.Recommendation recommendation : recommendations) {
      reviews.recommend(
          meeting,
          reviewedCase(reviewed, recommendation.caseNumber(), notReviewed),
          recommendation.text());
    }
    List<Long> created = new ArrayList<>();
    for (RecordMeeting.FollowupRecommendation followup : followupRecommendations) {
      CaseRef ref = reviewedCase(reviewed, followup.caseNumber(), notReviewed);
      long recommendationId = reviews.recommend(meeting, ref, followup.action());
      created.add(
          followups.add(
              ref,
              teams.requireMember(team, followup.owner()),
              followup.action(),
              followup.due(),
              meeting.id(),
              recommendationId,
              now));
    }
    return created;
  }

  private CaseRef reviewedCase(Collection<CaseRef> reviewed, String caseNumber, String notReviewed)
      throws SQLException {
    CaseRef ref = cases.require(caseNumber, team);
    if (reviewed.stream().noneMatch(r -> r.id() == ref.id())) {
      throw MdtException.usage(notReviewed.formatted(caseNumber));
    }
    return ref;
  }
}
