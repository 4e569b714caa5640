package org.mdt.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Mdt;
import org.mdt.db.AuditLog;
import org.mdt.review.CaseFacts;
import org.mdt.review.ReviewStore;

/** "Case is open" in its SQL forms, and in {@code case list} and the agendas, on the same cases. */
class CaseRulesTest {
  @TempDir Path dir;

  /** Case number, stored status, closed date, open by the rule's definition. */
  private record Row(String number, String status, LocalDate closed, boolean open) {}

  private static final LocalDate CLOSED_ON = LocalDate.of(2026, 3, 1);
  private static final List<Row> ROWS =
      List.of(
          new Row("C-1", null, null, true),
          new Row("C-2", "open", null, true),
          new Row("C-3", "unknown", null, true),
          new Row("C-4", "closed", null, false),
          new Row("C-5", null, CLOSED_ON, false),
          new Row("C-6", "open", CLOSED_ON, false),
          new Row("C-7", "closed", CLOSED_ON, false));

  @Test
  void everyFormOfOpenAgreesWithTheDefinition() throws SQLException {
    new Mdt(dir).withTeam("North");
    try (Connection connection =
        DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("mdt"), "sa", "")) {
      insert(connection);
      Set<String> open =
          ROWS.stream().filter(Row::open).map(Row::number).collect(Collectors.toSet());
      Map<String, String> words =
          ROWS.stream()
              .collect(
                  Collectors.toMap(
                      Row::number, r -> (r.open() ? CaseStatus.OPEN : CaseStatus.CLOSED).word()));

      Set<String> byPredicate = new HashSet<>();
      Map<String, String> byStatus = new HashMap<>();
      try (Statement st = connection.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT c.case_number, "
                      + CaseRules.STATUS
                      + ", CASE WHEN "
                      + CaseRules.OPEN
                      + " THEN 1 ELSE 0 END FROM mdt_case c")) {
        while (rs.next()) {
          byStatus.put(rs.getString(1), rs.getString(2));
          if (rs.getInt(3) == 1) {
            byPredicate.add(rs.getString(1));
          }
        }
      }
      assertEquals(open, byPredicate);
      assertEquals(words, byStatus);

      CaseStore cases = new CaseStore(connection);
      assertEquals(
          open, numbers(cases.list(new CaseStore.Filter(null, CaseStatus.OPEN, null, null))));
      assertEquals(
          ROWS.size() - open.size(),
          cases.list(new CaseStore.Filter(null, CaseStatus.CLOSED, null, null)).size());
      ReviewStore reviews =
          new ReviewStore(
              connection,
              new AuditLog(connection, "tester", "test", Clock.fixed(Mdt.NOW, ZoneOffset.UTC)));
      assertEquals(
          open,
          reviews.openCaseFacts(teamId(connection)).stream()
              .map(CaseFacts::caseNumber)
              .collect(Collectors.toSet()));
    }
  }

  private static Set<String> numbers(List<CaseSummary> cases) {
    return cases.stream().map(CaseSummary::caseNumber).collect(Collectors.toSet());
  }

  private static long teamId(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT MIN(id) FROM team")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The rows, each case with one child, in the one team. */
  private static void insert(Connection connection) throws SQLException {
    try (PreparedStatement insertCase =
            connection.prepareStatement(
                "INSERT INTO mdt_case (team_id, case_number,"
                    + " case_status, closed_date, created_at, updated_at)"
                    + " SELECT MIN(id), ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM team");
        PreparedStatement insertChild =
            connection.prepareStatement(
                "INSERT INTO case_child (case_id, team_id,"
                    + " match_key, referral_date, created_at, updated_at) SELECT id, team_id, case_number,"
                    + " DATE '2026-01-05', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM mdt_case WHERE case_number = ?")) {
      for (Row row : ROWS) {
        insertCase.setString(1, row.number());
        insertCase.setString(2, row.status());
        insertCase.setObject(3, row.closed(), Types.DATE);
        insertCase.executeUpdate();
        insertChild.setString(1, row.number());
        insertChild.executeUpdate();
      }
    }
  }
}
