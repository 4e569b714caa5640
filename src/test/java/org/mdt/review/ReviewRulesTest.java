package org.mdt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Mdt;
import org.mdt.db.AuditLog;

/**
 * "Reviewed at a recorded meeting" and the counted review, in SQL and in the agenda facts, on the
 * same rows.
 */
class ReviewRulesTest {
  @TempDir Path dir;

  @Test
  void reviewsCountOnlyWhenMarkedAtARecordedMeetingAndCountedOnlyAfterTheReferral()
      throws SQLException {
    new Mdt(dir).withTeam("North");
    try (Connection connection =
            DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("mdt"), "sa", "");
        Statement st = connection.createStatement()) {
      // every case's child is referred on 2026-01-10
      st.execute(
          "INSERT INTO mdt_case (team_id, case_number, created_at, updated_at) SELECT t.id, n.X,"
              + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM team t, (VALUES 'A', 'B', 'C', 'D') n(X)");
      st.execute(
          "INSERT INTO case_child (case_id, team_id, match_key, referral_date, created_at, updated_at)"
              + " SELECT id, team_id, case_number, DATE '2026-01-10', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM mdt_case");
      // held and recorded after the referral; scheduled, never recorded; held and recorded before
      // the referral
      st.execute(
          "INSERT INTO meeting (team_id, meeting_date, recorded_at, created_at) SELECT t.id, v.d, v.r,"
              + " CURRENT_TIMESTAMP FROM team t, (VALUES (DATE '2026-02-01', CURRENT_TIMESTAMP),"
              + " (DATE '2026-02-08', CAST(NULL AS TIMESTAMP WITH TIME ZONE)),"
              + " (DATE '2026-01-05', CURRENT_TIMESTAMP)) v(d, r)");
      st.execute(
          "INSERT INTO meeting_case (meeting_id, case_id, reviewed) SELECT m.id, c.id, v.marked"
              + " FROM (VALUES (DATE '2026-02-01', 'A', TRUE), (DATE '2026-02-01', 'B', FALSE),"
              + " (DATE '2026-02-08', 'C', TRUE), (DATE '2026-01-05', 'D', TRUE)) v(held, num, marked)"
              + " JOIN meeting m ON m.meeting_date = v.held JOIN mdt_case c ON c.case_number = v.num");

      assertEquals(
          Set.of("2026-02-01", "2026-01-05"),
          strings(
              st, "SELECT m.meeting_date FROM meeting m WHERE " + ReviewRules.RECORDED_MEETING));
      String reviews =
          "SELECT c.case_number FROM meeting_case mc JOIN meeting m ON m.id = mc.meeting_id"
              + " JOIN mdt_case c ON c.id = mc.case_id WHERE ";
      assertEquals(
          Set.of("A", "D"), strings(st, reviews + ReviewRules.REVIEWED_AT_RECORDED_MEETING));
      assertEquals(Set.of("A"), strings(st, reviews + ReviewRules.COUNTED_REVIEW));

      long team = Long.parseLong(strings(st, "SELECT id FROM team").iterator().next());
      List<CaseFacts> facts =
          new ReviewStore(
                  connection,
                  new AuditLog(connection, "tester", "test", Clock.fixed(Mdt.NOW, ZoneOffset.UTC)))
              .openCaseFacts(team);
      Set<String> reviewedInFacts = new HashSet<>();
      facts.stream()
          .filter(f -> !f.reviewDates().isEmpty())
          .forEach(f -> reviewedInFacts.add(f.caseNumber()));
      assertEquals(Set.of("A", "D"), reviewedInFacts);
      assertEquals(
          List.of(LocalDate.of(2026, 2, 1)),
          facts.stream()
              .filter(f -> f.caseNumber().equals("A"))
              .findFirst()
              .orElseThrow()
              .reviewDates());
    }
  }

  /**
   * The form the reports use with a child in hand looks the case's first referral up only for a
   * meeting before that child's referral; it must count the same reviews, a sibling referred after
   * the meeting included.
   */
  @Test
  void theCountedReviewOfAChildIsTheCountedReviewOfItsCase() throws SQLException {
    new Mdt(dir).withTeam("North");
    try (Connection connection =
            DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("mdt"), "sa", "");
        Statement st = connection.createStatement()) {
      st.execute(
          "INSERT INTO mdt_case (team_id, case_number, created_at, updated_at) SELECT t.id, n.X,"
              + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM team t, (VALUES 'S', 'T') n(X)");
      // S: children referred on Jan 10 and Mar 1; T: one child, Jan 10
      st.execute(
          "INSERT INTO case_child (case_id, team_id, match_key, referral_date, created_at, updated_at)"
              + " SELECT c.id, c.team_id, c.case_number || v.referred, v.referred, CURRENT_TIMESTAMP,"
              + " CURRENT_TIMESTAMP FROM mdt_case c JOIN (VALUES ('S', DATE '2026-01-10'),"
              + " ('S', DATE '2026-03-01'), ('T', DATE '2026-01-10')) v(num, referred)"
              + " ON v.num = c.case_number");
      // recorded meetings before every referral, between S's two, and after all; each reviews both
      st.execute(
          "INSERT INTO meeting (team_id, meeting_date, recorded_at, created_at) SELECT t.id, v.d,"
              + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM team t, (VALUES DATE '2026-01-05',"
              + " DATE '2026-02-01', DATE '2026-04-01') v(d)");
      st.execute(
          "INSERT INTO meeting_case (meeting_id, case_id, reviewed)"
              + " SELECT m.id, c.id, TRUE FROM meeting m, mdt_case c");
      String pairs =
          "SELECT c.case_number || ' ' || ch.referral_date || ' ' || m.meeting_date"
              + " FROM case_child ch JOIN mdt_case c ON c.id = ch.case_id"
              + " JOIN meeting_case mc ON mc.case_id = ch.case_id"
              + " JOIN meeting m ON m.id = mc.meeting_id WHERE ";
      Set<String> ofCase = strings(st, pairs + ReviewRules.COUNTED_REVIEW);
      assertEquals(
          Set.of(
              "S 2026-01-10 2026-02-01",
              "S 2026-03-01 2026-02-01",
              "S 2026-01-10 2026-04-01",
              "S 2026-03-01 2026-04-01",
              "T 2026-01-10 2026-02-01",
              "T 2026-01-10 2026-04-01"),
          ofCase);
      assertEquals(ofCase, strings(st, pairs + ReviewRules.COUNTED_REVIEW_OF_CHILD));
    }
  }

  private static Set<String> strings(Statement st, String sql) throws SQLException {
    Set<String> values = new HashSet<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
