package org.mdt.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mdt.MdtException;
import org.mdt.cases.CaseRef;
import org.mdt.cases.CaseRules;
import org.mdt.db.AuditLog;
import org.mdt.db.Sql;
import org.mdt.followup.FollowupStatus;
import org.mdt.team.Member;
import org.mdt.team.Team;

/**
 * Case review meetings, requests, attendance and the facts agendas are built from: all their SQL.
 */
public final class ReviewStore {
  private static final String MEETING =
      "SELECT m.id, m.team_id, t.name, m.meeting_date, m.start_time, m.location,"
          + " m.capacity, m.recorded_at FROM meeting m JOIN team t ON t.id = m.team_id";

  private final Connection connection;
  private final AuditLog audit;

  public ReviewStore(Connection connection, AuditLog audit) {
    this.connection = connection;
    this.audit = audit;
  }

  /** Creates the meetings on the dates that have none yet; returns the new ones. */
  public List<Meeting> schedule(
      Team team,
      List<LocalDate> dates,
      LocalTime time,
      Integer capacity,
      String location,
      String rule,
      OffsetDateTime now)
      throws SQLException {
    List<LocalDate> existing = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT meeting_date FROM meeting WHERE team_id = ? AND meeting_date BETWEEN ? AND ?")) {
      query.setLong(1, team.id());
      query.setObject(2, dates.isEmpty() ? LocalDate.MIN : dates.get(0));
      query.setObject(3, dates.isEmpty() ? LocalDate.MIN : dates.get(dates.size() - 1));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          existing.add(rs.getObject(1, LocalDate.class));
        }
      }
    }
    List<Meeting> created = new ArrayList<>();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO meeting (team_id, meeting_date,"
                + " start_time, location, capacity, recurrence, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      for (LocalDate date : dates) {
        if (existing.contains(date)) {
          continue;
        }
        insert.setLong(1, team.id());
        insert.setObject(2, date);
        insert.setObject(3, time, Types.TIME);
        insert.setString(4, location);
        insert.setObject(5, capacity, Types.INTEGER);
        insert.setString(6, rule);
        insert.setObject(7, now);
        insert.executeUpdate();
        long id = Sql.generatedId(insert);
        created.add(new Meeting(id, team.id(), team.name(), date, time, location, capacity, false));
      }
    }
    if (!created.isEmpty()) {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("team", team.name());
      values.put("rule", rule);
      values.put("meetings", created.size());
      audit.inserted("meeting", created.get(0).id(), values);
    }
    return created;
  }

  /**
   * Meetings of one team (or all), by date; only those on or after {@code from} when it is given.
   */
  public List<Meeting> meetings(Team team, LocalDate from) throws SQLException {
    List<Meeting> meetings = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            MEETING
                + " WHERE (CAST(? AS BIGINT) IS NULL OR m.team_id = ?) AND (CAST(? AS DATE) IS NULL OR m.meeting_date >= ?)"
                + " ORDER BY m.meeting_date, t.name_key")) {
      Long teamId = team == null ? null : team.id();
      Sql.bindTwice(query, 1, teamId, Types.BIGINT);
      query.setObject(3, from, Types.DATE);
      query.setObject(4, from, Types.DATE);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          meetings.add(meeting(rs));
        }
      }
    }
    return meetings;
  }

  public Meeting require(long meetingId) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(MEETING + " WHERE m.id = ?")) {
      query.setLong(1, meetingId);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) {
          throw MdtException.domain("unknown meeting " + meetingId + " (see 'mdt review list')");
        }
        return meeting(rs);
      }
    }
  }

  /** The team's first meeting after the day, or null. */
  public LocalDate nextMeetingAfter(long teamId, LocalDate day) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT MIN(meeting_date) FROM meeting WHERE team_id = ? AND meeting_date > ?")) {
      query.setLong(1, teamId);
      query.setObject(2, day);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getObject(1, LocalDate.class);
      }
    }
  }

  /**
   * The pending request identical to this one (same case, same meeting or none, same note, same
   * requester), if there is one: asking twice must not put the request twice on record.
   */
  public Optional<Long> sameOpenRequest(
      CaseRef caseRef, Meeting meeting, String note, String requestedBy) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT MIN(id) FROM review_request"
                + " WHERE case_id = ? AND fulfilled_meeting_id IS NULL AND meeting_id IS NOT DISTINCT FROM ?"
                + " AND note IS NOT DISTINCT FROM ? AND requested_by = ?")) {
      query.setLong(1, caseRef.id());
      query.setObject(2, meeting == null ? null : meeting.id(), Types.BIGINT);
      query.setString(3, note);
      query.setString(4, requestedBy);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        long id = rs.getLong(1);
        return rs.wasNull() ? Optional.empty() : Optional.of(id);
      }
    }
  }

  public long request(
      CaseRef caseRef, Meeting meeting, String note, String requestedBy, OffsetDateTime now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO review_request (case_id, meeting_id,"
                + " note, requested_by, requested_at) VALUES (?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, caseRef.id());
      insert.setObject(2, meeting == null ? null : meeting.id(), Types.BIGINT);
      insert.setString(3, note);
      insert.setString(4, requestedBy);
      insert.setObject(5, now);
      insert.executeUpdate();
      long id = Sql.generatedId(insert);
      audit.inserted("review_request", id, Map.of("case", caseRef.caseNumber()));
      return id;
    }
  }

  /**
   * A case reviewed on a day before any child on it was referred: the grant reports leave such a
   * review out.
   */
  public record ReviewBeforeReferral(String caseNumber, LocalDate reviewed, LocalDate referral) {
    public String message() {
      return "case "
          + caseNumber
          + ": reviewed on "
          + reviewed
          + ", before its referral on "
          + referral
          + "; the NCA and VOCA reports do not count this review";
    }
  }

  /**
   * Records what happened at a meeting: who attended (with their discipline that day), which cases
   * were reviewed (and why they were on the agenda), and fulfils the requests for those cases.
   * Returns the reviewed cases first referred after the meeting's day, which are recorded all the
   * same.
   */
  public List<ReviewBeforeReferral> record(
      Meeting meeting,
      List<Member> attended,
      Map<CaseRef, Agenda.Reason> reviewed,
      OffsetDateTime now)
      throws SQLException {
    if (meeting.recorded()) {
      throw MdtException.domain(
          "meeting "
              + meeting.id()
              + " on "
              + meeting.date()
              + " is already recorded"
              + " (correct it with 'mdt review amend "
              + meeting.id()
              + "')");
    }
    if (meeting.date().isAfter(now.toLocalDate())) {
      throw MdtException.domain(
          "meeting " + meeting.id() + " on " + meeting.date() + " has not happened yet");
    }
    addAttendance(meeting, attended);
    List<ReviewBeforeReferral> early = addReviewed(meeting, reviewed);
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE meeting SET recorded_at = ? WHERE id = ?")) {
      update.setObject(1, now);
      update.setLong(2, meeting.id());
      update.executeUpdate();
    }
    auditAmended(meeting, List.of(), attended, List.of(), List.copyOf(reviewed.keySet()));
    return early;
  }

  /**
   * Audits a meeting's attendance and reviewed cases, before and after a recording or an amendment.
   */
  void auditAmended(
      Meeting meeting,
      List<Member> attendedBefore,
      List<Member> attended,
      List<CaseRef> reviewedBefore,
      List<CaseRef> reviewed)
      throws SQLException {
    Map<String, AuditLog.Change> changes = new LinkedHashMap<>();
    if (!attendedBefore.equals(attended)) {
      changes.put(
          "attended",
          new AuditLog.Change(
              attendedBefore.isEmpty() ? null : attendedBefore.stream().map(Member::name).toList(),
              attended.stream().map(Member::name).toList()));
    }
    if (!reviewedBefore.equals(reviewed)) {
      changes.put(
          "reviewed",
          new AuditLog.Change(
              reviewedBefore.isEmpty()
                  ? null
                  : reviewedBefore.stream().map(CaseRef::caseNumber).toList(),
              reviewed.stream().map(CaseRef::caseNumber).toList()));
    }
    if (!changes.isEmpty()) {
      audit.updated("meeting", meeting.id(), changes);
    }
  }

  void addAttendance(Meeting meeting, List<Member> attended) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO meeting_attendance (meeting_id, member_id, discipline) VALUES (?, ?, ?)")) {
      for (Member member : attended) {
        insert.setLong(1, meeting.id());
        insert.setLong(2, member.id());
        insert.setString(3, member.discipline());
        insert.executeUpdate();
      }
    }
  }

  void removeAttendance(Meeting meeting, Member member) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM meeting_attendance WHERE meeting_id = ? AND member_id = ?")) {
      delete.setLong(1, meeting.id());
      delete.setLong(2, member.id());
      delete.executeUpdate();
    }
  }

  /**
   * Stores the cases reviewed at a meeting, each with its agenda reason (null when it was not due),
   * and fulfils their requests pending for this meeting, for the next one, or for an earlier one.
   * Returns those of the cases first referred after the meeting's day.
   */
  List<ReviewBeforeReferral> addReviewed(Meeting meeting, Map<CaseRef, Agenda.Reason> reviewed)
      throws SQLException {
    try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO meeting_case (meeting_id, case_id, reason, reviewed) VALUES (?, ?, ?, TRUE)");
        PreparedStatement fulfil =
            connection.prepareStatement(
                "UPDATE review_request SET fulfilled_meeting_id = ?"
                    + " WHERE case_id = ? AND fulfilled_meeting_id IS NULL AND (meeting_id IS NULL"
                    + " OR meeting_id IN (SELECT id FROM meeting WHERE meeting_date <= ?))")) {
      for (Map.Entry<CaseRef, Agenda.Reason> entry : reviewed.entrySet()) {
        insert.setLong(1, meeting.id());
        insert.setLong(2, entry.getKey().id());
        insert.setString(3, entry.getValue() == null ? null : entry.getValue().code());
        insert.executeUpdate();
        fulfil.setLong(1, meeting.id());
        fulfil.setLong(2, entry.getKey().id());
        fulfil.setObject(3, meeting.date());
        fulfil.executeUpdate();
      }
    }
    return reviewedBeforeReferral(meeting, reviewed.keySet());
  }

  /**
   * Takes a case off a recorded meeting's reviews. The requests that review fulfilled pass to the
   * case's next recorded review after it, or become pending again.
   */
  void removeReviewed(Meeting meeting, CaseRef caseRef) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM meeting_case WHERE meeting_id = ? AND case_id = ?")) {
      delete.setLong(1, meeting.id());
      delete.setLong(2, caseRef.id());
      delete.executeUpdate();
    }
    Long next = null;
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT m.id FROM meeting_case mc"
                + " JOIN meeting m ON m.id = mc.meeting_id WHERE mc.case_id = ? AND "
                + ReviewRules.REVIEWED_AT_RECORDED_MEETING
                + " AND m.meeting_date >= ? ORDER BY m.meeting_date")) {
      query.setLong(1, caseRef.id());
      query.setObject(2, meeting.date());
      try (ResultSet rs = query.executeQuery()) {
        if (rs.next()) {
          next = rs.getLong(1);
        }
      }
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE review_request SET fulfilled_meeting_id = ?"
                + " WHERE case_id = ? AND fulfilled_meeting_id = ?")) {
      update.setObject(1, next, Types.BIGINT);
      update.setLong(2, caseRef.id());
      update.setLong(3, meeting.id());
      update.executeUpdate();
    }
  }

  /** The members recorded as present at a meeting, with the discipline each had that day. */
  List<Member> attendees(Meeting meeting) throws SQLException {
    List<Member> members = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT mem.id, mem.name, a.discipline, mem.agency,"
                + " mem.email, mem.active FROM meeting_attendance a JOIN member mem ON mem.id = a.member_id"
                + " WHERE a.meeting_id = ? ORDER BY mem.name, mem.id")) {
      query.setLong(1, meeting.id());
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          members.add(
              new Member(
                  rs.getLong(1),
                  meeting.team(),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getBoolean(6)));
        }
      }
    }
    return members;
  }

  /** The cases recorded as reviewed at a meeting, by case number. */
  List<CaseRef> reviewedAt(Meeting meeting) throws SQLException {
    List<CaseRef> cases = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT c.id, c.case_number, c.restricted"
                + " FROM meeting_case mc JOIN mdt_case c ON c.id = mc.case_id WHERE mc.meeting_id = ? AND mc.reviewed"
                + " ORDER BY c.case_number")) {
      query.setLong(1, meeting.id());
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          cases.add(
              new CaseRef(
                  rs.getLong(1),
                  rs.getString(2),
                  meeting.teamId(),
                  meeting.team(),
                  rs.getBoolean(3)));
        }
      }
    }
    return cases;
  }

  /** How many recommendations a meeting made, for one case or (caseRef null) for all. */
  int recommendationCount(Meeting meeting, CaseRef caseRef) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT COUNT(*) FROM recommendation"
                + " WHERE meeting_id = ? AND (CAST(? AS BIGINT) IS NULL OR case_id = ?)")) {
      query.setLong(1, meeting.id());
      Sql.bindTwice(query, 2, caseRef == null ? null : caseRef.id(), Types.BIGINT);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /**
   * Deletes a meeting's recommendations for a case (their follow-ups must be gone first); returns
   * how many.
   */
  int removeRecommendations(Meeting meeting, CaseRef caseRef) throws SQLException {
    Map<Long, String> removed = new LinkedHashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT id, body FROM recommendation WHERE meeting_id = ? AND case_id = ? ORDER BY id")) {
      query.setLong(1, meeting.id());
      query.setLong(2, caseRef.id());
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          removed.put(rs.getLong(1), rs.getString(2));
        }
      }
    }
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM recommendation WHERE id = ?")) {
      for (Map.Entry<Long, String> recommendation : removed.entrySet()) {
        delete.setLong(1, recommendation.getKey());
        delete.executeUpdate();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("meeting", meeting.id());
        values.put("case", caseRef.caseNumber());
        values.put("body", recommendation.getValue());
        audit.deleted("recommendation", recommendation.getKey(), values);
      }
    }
    return removed.size();
  }

  private List<ReviewBeforeReferral> reviewedBeforeReferral(
      Meeting meeting, Iterable<CaseRef> cases) throws SQLException {
    List<ReviewBeforeReferral> early = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT MIN(referral_date) FROM case_child WHERE case_id = ?")) {
      for (CaseRef caseRef : cases) {
        query.setLong(1, caseRef.id());
        try (ResultSet rs = query.executeQuery()) {
          LocalDate referral = rs.next() ? rs.getObject(1, LocalDate.class) : null;
          if (referral != null && meeting.date().isBefore(referral)) {
            early.add(new ReviewBeforeReferral(caseRef.caseNumber(), meeting.date(), referral));
          }
        }
      }
    }
    return early;
  }

  public long recommend(Meeting meeting, CaseRef caseRef, String text) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO recommendation (meeting_id, case_id, body) VALUES (?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, meeting.id());
      insert.setLong(2, caseRef.id());
      insert.setString(3, text);
      insert.executeUpdate();
      long id = Sql.generatedId(insert);
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("meeting", meeting.id());
      values.put("case", caseRef.caseNumber());
      values.put("body", text);
      audit.inserted("recommendation", id, values);
      return id;
    }
  }

  /**
   * What a baseline did: the cases it marked, those marked by an earlier baseline (left as they
   * were), and those reviewed at a meeting recorded in mdt (which need no baseline).
   */
  public record Baseline(int marked, int alreadyMarked, int reviewedInMdt) {}

  /**
   * Marks every case of the team (or of all teams) first referred before the day and never reviewed
   * at a meeting recorded in mdt as reviewed before mdt by that day, each audited as a change of
   * its case. A case keeps the first baseline it was given, so running the same baseline again
   * changes nothing.
   */
  public Baseline markReviewedBeforeMdt(Team team, LocalDate before, OffsetDateTime now)
      throws SQLException {
    int alreadyMarked = 0;
    int reviewedInMdt = 0;
    List<Long> toMark = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT c.id,"
                + " EXISTS (SELECT 1 FROM review_baseline b WHERE b.case_id = c.id),"
                + " EXISTS (SELECT 1 FROM meeting_case mc JOIN meeting m ON m.id = mc.meeting_id WHERE mc.case_id = c.id AND "
                + ReviewRules.REVIEWED_AT_RECORDED_MEETING
                + ") FROM mdt_case c"
                + " WHERE (CAST(? AS BIGINT) IS NULL OR c.team_id = ?)"
                + " AND EXISTS (SELECT 1 FROM case_child ch WHERE ch.case_id = c.id AND ch.referral_date < ?) ORDER BY c.id")) {
      Sql.bindTwice(query, 1, team == null ? null : team.id(), Types.BIGINT);
      query.setObject(3, before);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          if (rs.getBoolean(2)) {
            alreadyMarked++;
          } else if (rs.getBoolean(3)) {
            reviewedInMdt++;
          } else {
            toMark.add(rs.getLong(1));
          }
        }
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO review_baseline (case_id, reviewed_before, marked_at) VALUES (?, ?, ?)")) {
      for (long caseId : toMark) {
        insert.setLong(1, caseId);
        insert.setObject(2, before);
        insert.setObject(3, now);
        insert.executeUpdate();
        audit.updated(
            "case", caseId, Map.of("reviewedBeforeMdt", new AuditLog.Change(null, before)));
      }
    }
    return new Baseline(toMark.size(), alreadyMarked, reviewedInMdt);
  }

  /**
   * The agenda facts of every open case of the team: five queries, however many meetings follow.
   * Requests come with the day they were fulfilled, so that an agenda of a past meeting shows them
   * as they stood then.
   */
  public List<CaseFacts> openCaseFacts(long teamId) throws SQLException {
    Map<Long, Builder> cases = new LinkedHashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT c.id, c.case_number, c.restricted,"
                + " ch.child_first_name, ch.child_last_name, ch.referral_date, ch.forensic_interview_date"
                + " FROM mdt_case c JOIN case_child ch ON ch.case_id = c.id WHERE c.team_id = ? AND "
                + CaseRules.OPEN
                + " ORDER BY c.id, ch.id")) {
      query.setLong(1, teamId);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          Builder b = cases.computeIfAbsent(rs.getLong(1), id -> new Builder());
          b.id = rs.getLong(1);
          b.caseNumber = rs.getString(2);
          b.restricted = rs.getBoolean(3);
          b.initials.add(initials(rs.getString(4), rs.getString(5)));
          b.firstReferral = min(b.firstReferral, rs.getObject(6, LocalDate.class));
          b.firstInterview = min(b.firstInterview, rs.getObject(7, LocalDate.class));
        }
      }
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT mc.case_id, m.meeting_date FROM meeting_case mc"
                + " JOIN meeting m ON m.id = mc.meeting_id WHERE m.team_id = ?"
                + " AND "
                + ReviewRules.REVIEWED_AT_RECORDED_MEETING
                + " ORDER BY m.meeting_date")) {
      query.setLong(1, teamId);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          Builder b = cases.get(rs.getLong(1));
          if (b != null) {
            b.reviews.add(rs.getObject(2, LocalDate.class));
          }
        }
      }
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT f.case_id, f.id, f.action, f.due_date,"
                + " mem.name, mem.discipline FROM followup f JOIN mdt_case c ON c.id = f.case_id"
                + " JOIN member mem ON mem.id = f.owner_member_id WHERE c.team_id = ? AND "
                + FollowupStatus.IS_OPEN
                + " ORDER BY f.id")) {
      query.setLong(1, teamId);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          Builder b = cases.get(rs.getLong(1));
          if (b != null) {
            b.followups.add(
                new CaseFacts.OpenFollowup(
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class),
                    rs.getString(5),
                    rs.getString(6)));
          }
        }
      }
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT r.case_id, r.meeting_id, rm.meeting_date,"
                + " r.requested_at, r.requested_by, r.note, fm.meeting_date FROM review_request r"
                + " JOIN mdt_case c ON c.id = r.case_id LEFT JOIN meeting rm ON rm.id = r.meeting_id"
                + " LEFT JOIN meeting fm ON fm.id = r.fulfilled_meeting_id WHERE c.team_id = ? ORDER BY r.id")) {
      query.setLong(1, teamId);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          Builder b = cases.get(rs.getLong(1));
          long meetingId = rs.getLong(2);
          Long meeting = rs.wasNull() ? null : meetingId;
          if (b != null) {
            b.requests.add(
                new CaseFacts.Request(
                    meeting,
                    rs.getObject(3, LocalDate.class),
                    rs.getObject(4, OffsetDateTime.class).toLocalDate(),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getObject(7, LocalDate.class)));
          }
        }
      }
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT b.case_id, b.reviewed_before"
                + " FROM review_baseline b JOIN mdt_case c ON c.id = b.case_id WHERE c.team_id = ?")) {
      query.setLong(1, teamId);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          Builder b = cases.get(rs.getLong(1));
          if (b != null) {
            b.reviewedBeforeMdt = rs.getObject(2, LocalDate.class);
          }
        }
      }
    }
    return cases.values().stream().map(Builder::build).toList();
  }

  /** Gathers one case's facts across the five queries. */
  private static final class Builder {
    long id;
    String caseNumber;
    boolean restricted;
    LocalDate firstReferral;
    LocalDate firstInterview;
    LocalDate reviewedBeforeMdt;
    final List<String> initials = new ArrayList<>();
    final List<LocalDate> reviews = new ArrayList<>();
    final List<CaseFacts.OpenFollowup> followups = new ArrayList<>();
    final List<CaseFacts.Request> requests = new ArrayList<>();

    CaseFacts build() {
      return new CaseFacts(
          id,
          caseNumber,
          restricted,
          String.join(", ", initials),
          firstReferral,
          firstInterview,
          List.copyOf(reviews),
          reviewedBeforeMdt,
          List.copyOf(followups),
          List.copyOf(requests));
    }
  }

  /** "A.L." for Ana Lane: an agenda never shows more of a child's name. */
  static String initials(String first, String last) {
    return initial(first) + "." + initial(last) + ".";
  }

  private static String initial(String name) {
    return name == null || name.isBlank()
        ? "?"
        : name.trim().substring(0, 1).toUpperCase(Locale.ROOT);
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static Meeting meeting(ResultSet rs) throws SQLException {
    int capacity = rs.getInt(7);
    Integer cap = rs.wasNull() ? null : capacity;
    return new Meeting(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getObject(4, LocalDate.class),
        rs.getObject(5, LocalTime.class),
        rs.getString(6),
        cap,
        rs.getObject(8) != null);
  }
}
