package org.mdt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.MdtException;
import org.mdt.db.Session;

/** The rules of recording a meeting, called as an operation on a fresh database. */
class RecordMeetingTest {
  private static final LocalDate MEETING_DAY = LocalDate.of(2027, 1, 5);

  @TempDir Path dir;
  private TwoTeams db;
  private long meeting;

  @BeforeEach
  void meeting() throws Exception {
    db = new TwoTeams(dir);
    meeting = db.meeting("North MDT", MEETING_DAY);
    db.on(MEETING_DAY);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private RecordMeeting.Result record(RecordMeeting.Request request) {
    return new RecordMeeting(new Session(db.database, db.clock(), TwoTeams.ACTOR, TwoTeams.COMMAND))
        .run(request);
  }

  private RecordMeeting.Request request(
      List<String> reviewed,
      List<RecordMeeting.Recommendation> recommendations,
      List<RecordMeeting.FollowupRecommendation> followups) {
    return new RecordMeeting.Request(
        meeting, List.of("Dana Reyes", "Lee Park"), reviewed, recommendations, followups);
  }

  private List<String> column(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = db.database.connection().createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  @Test
  void countsEachMemberAndCaseOnceAndTurnsRecommendationsIntoFollowups() throws SQLException {
    RecordMeeting.Result result =
        record(
            new RecordMeeting.Request(
                meeting,
                List.of("Dana Reyes", "1", "Lee Park"),
                List.of("N-1", "N-2", "N-1"),
                List.of(new RecordMeeting.Recommendation("N-2", "Keep: monitoring")),
                List.of(
                    new RecordMeeting.FollowupRecommendation(
                        "N-1", "Lee Park", LocalDate.of(2027, 1, 19), "Call the school"),
                    new RecordMeeting.FollowupRecommendation(
                        "N-2", "1", null, "Ask for records"))));
    assertEquals(meeting, result.meetingId());
    assertEquals(2, result.attended(), "Dana Reyes named twice (by name and id) attended once");
    assertEquals(2, result.reviewed());
    assertEquals(3, result.recommendations(), "the follow-ups are recommendations too");
    assertEquals(2, result.followups().size());
    assertEquals(List.of(), result.reviewedBeforeReferral());
    assertEquals(
        List.of("Keep: monitoring", "Call the school", "Ask for records"),
        column("SELECT body FROM recommendation ORDER BY id"));
    assertEquals(
        List.of("Lee Park 2027-01-19 open", "Dana Reyes null open"),
        column(
            "SELECT m.name || ' ' ||"
                + " COALESCE(CAST(f.due_date AS VARCHAR), 'null') || ' ' || f.status FROM followup f"
                + " JOIN member m ON m.id = f.owner_member_id ORDER BY f.id"));
    assertEquals(
        List.of("2"),
        column(
            "SELECT COUNT(*) FROM followup WHERE recommendation_id IS NOT NULL AND meeting_id = "
                + meeting));
    assertEquals(
        List.of("N-1 new", "N-2 new"),
        column(
            "SELECT c.case_number || ' ' || mc.reason FROM meeting_case mc"
                + " JOIN mdt_case c ON c.id = mc.case_id ORDER BY c.case_number"),
        "each case with its agenda reason");
  }

  @Test
  void refusesARecommendationForACaseNotReviewedAndWritesNothing() throws SQLException {
    MdtException refused =
        assertThrows(
            MdtException.class,
            () ->
                record(
                    request(
                        List.of("N-1"),
                        List.of(new RecordMeeting.Recommendation("N-2", "Not discussed")),
                        List.of())));
    assertEquals(MdtException.USAGE, refused.exitCode());
    assertEquals("case N-2 has a recommendation but is not among --reviewed", refused.getMessage());
    MdtException followup =
        assertThrows(
            MdtException.class,
            () ->
                record(
                    request(
                        List.of("N-1"),
                        List.of(),
                        List.of(
                            new RecordMeeting.FollowupRecommendation(
                                "X-1", "Lee Park", null, "Call")))));
    assertEquals(
        "case X-1 has a recommendation but is not among --reviewed", followup.getMessage());
    assertEquals(
        List.of(),
        column("SELECT id FROM meeting WHERE recorded_at IS NOT NULL"),
        "one transaction: all or none");
    assertEquals(List.of("0"), column("SELECT COUNT(*) FROM meeting_attendance"));
  }

  @Test
  void membersAndCasesMustBeTheMeetingTeams() {
    MdtException member =
        assertThrows(
            MdtException.class,
            () ->
                record(
                    new RecordMeeting.Request(
                        meeting, List.of("Sam Ortiz"), List.of("N-1"), List.of(), List.of())));
    assertEquals(MdtException.DOMAIN, member.exitCode());
    assertEquals(
        "no active member 'Sam Ortiz' in team North MDT (see 'mdt member list')",
        member.getMessage());
    MdtException owner =
        assertThrows(
            MdtException.class,
            () ->
                record(
                    request(
                        List.of("N-1"),
                        List.of(),
                        List.of(
                            new RecordMeeting.FollowupRecommendation(
                                "N-1", "Sam Ortiz", null, "Call")))));
    assertEquals(MdtException.DOMAIN, owner.exitCode());
    MdtException otherTeamsCase =
        assertThrows(
            MdtException.class, () -> record(request(List.of("S-1"), List.of(), List.of())));
    assertTrue(
        otherTeamsCase.getMessage().startsWith("unknown case S-1 in team North MDT"),
        otherTeamsCase.getMessage());
  }

  @Test
  void aMeetingIsRecordedOnceAndOnlyAfterItHappens() {
    long next = db.meeting("North MDT", MEETING_DAY.plusDays(7));
    MdtException early =
        assertThrows(
            MdtException.class,
            () ->
                record(
                    new RecordMeeting.Request(
                        next, List.of("Dana Reyes"), List.of("N-1"), List.of(), List.of())));
    assertEquals("meeting " + next + " on 2027-01-12 has not happened yet", early.getMessage());
    record(request(List.of("N-1"), List.of(), List.of()));
    MdtException again =
        assertThrows(
            MdtException.class, () -> record(request(List.of("N-2"), List.of(), List.of())));
    assertEquals(MdtException.DOMAIN, again.exitCode());
    assertTrue(
        again.getMessage().contains("is already recorded (correct it with 'mdt review amend"),
        again.getMessage());
  }

  @Test
  void warnsOfAReviewBeforeTheCaseWasReferred() {
    long before = db.meeting("North MDT", LocalDate.of(2026, 9, 28));
    RecordMeeting.Result result =
        record(
            new RecordMeeting.Request(
                before, List.of("Lee Park"), List.of("N-1"), List.of(), List.of()));
    assertEquals(1, result.reviewedBeforeReferral().size());
    assertEquals("N-1", result.reviewedBeforeReferral().get(0).caseNumber());
  }
}
