package org.mdt.followup;

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
import java.time.OffsetDateTime;
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

/**
 * "Follow-up is overdue" in SQL, in Java, in the follow-up list and in the reports' outcomes, on
 * the same rows.
 */
class OverdueTest {
  @TempDir Path dir;

  /** A follow-up as stored: status, due date (or none), the day it was closed (or none). */
  private record Row(FollowupStatus status, LocalDate due, LocalDate closed) {}

  private static final List<Row> ROWS =
      List.of(
          new Row(FollowupStatus.OPEN, null, null),
          new Row(FollowupStatus.OPEN, LocalDate.of(2026, 3, 9), null),
          new Row(FollowupStatus.OPEN, LocalDate.of(2026, 3, 10), null),
          new Row(FollowupStatus.OPEN, LocalDate.of(2026, 3, 11), null),
          new Row(FollowupStatus.DONE, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 5)),
          new Row(FollowupStatus.DONE, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20)),
          new Row(FollowupStatus.CANCELLED, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 12)),
          new Row(FollowupStatus.DONE, null, LocalDate.of(2026, 3, 2)));
  private static final List<LocalDate> DAYS =
      List.of(
          LocalDate.of(2026, 2, 28),
          LocalDate.of(2026, 3, 10),
          LocalDate.of(2026, 3, 11),
          LocalDate.of(2026, 3, 15),
          LocalDate.of(2026, 3, 31));

  @Test
  void sqlAndJavaAgreeOnEveryDay() throws SQLException {
    new Mdt(dir).withTeam("North");
    try (Connection connection =
        DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("mdt"), "sa", "")) {
      Map<Long, Row> rows = insert(connection);
      for (LocalDate day : DAYS) {
        Set<Long> byJava =
            rows.entrySet().stream()
                .filter(e -> Overdue.on(day, e.getValue().status(), e.getValue().due()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        Set<Long> bySql = new HashSet<>();
        try (PreparedStatement query =
            connection.prepareStatement("SELECT f.id FROM followup f WHERE " + Overdue.SQL)) {
          query.setObject(1, day);
          try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
              bySql.add(rs.getLong(1));
            }
          }
        }
        assertEquals(byJava, bySql, "overdue on " + day);

        FollowupStore store =
            new FollowupStore(
                connection,
                new AuditLog(connection, "tester", "test", Clock.fixed(Mdt.NOW, ZoneOffset.UTC)),
                "tester");
        List<Followup> listed = store.list(new FollowupStore.Filter(null, null, true), day);
        assertEquals(
            byJava,
            listed.stream().map(Followup::id).collect(Collectors.toSet()),
            "listed on " + day);
        for (Followup followup : store.list(new FollowupStore.Filter(null, null, false), day)) {
          Row row = rows.get(followup.id());
          assertEquals(Overdue.daysOn(day, row.status(), row.due()), followup.daysOverdue());
        }
      }
    }
  }

  /**
   * As of an earlier day, a follow-up closed after it was still open, and overdue if its due date
   * had passed.
   */
  @Test
  void aFollowupClosedLaterWasOverdueAsOfAnEarlierDay() {
    for (LocalDate day : DAYS) {
      for (Row row : ROWS) {
        boolean openThen = row.closed() == null || row.closed().isAfter(day);
        boolean expected = openThen && row.due() != null && row.due().isBefore(day);
        FollowupStatus then = row.status().asOf(day, row.closed());
        assertEquals(expected, Overdue.on(day, then, row.due()), row + " on " + day);
        assertEquals(
            expected,
            FollowupOutcome.asOf(day, row.status().word(), row.due(), row.closed())
                == FollowupOutcome.OPEN_OVERDUE,
            row + " on " + day);
      }
    }
  }

  /** The rows, all on one case owned by one member, by their new ids. */
  private static Map<Long, Row> insert(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(
          "INSERT INTO mdt_case (team_id, case_number, created_at, updated_at)"
              + " SELECT id, 'C-1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM team");
      st.execute(
          "INSERT INTO member (team_id, name, discipline, agency, active, created_at)"
              + " SELECT id, 'Ana Lane', 'cac', 'CAC', TRUE, CURRENT_TIMESTAMP FROM team");
    }
    Map<Long, Row> rows = new HashMap<>();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO followup (case_id, owner_member_id,"
                + " action, due_date, status, created_at, closed_at) SELECT c.id, m.id, 'Call', ?, ?, ?, ?"
                + " FROM mdt_case c, member m",
            Statement.RETURN_GENERATED_KEYS)) {
      for (Row row : ROWS) {
        insert.setObject(1, row.due(), Types.DATE);
        insert.setString(2, row.status().word());
        insert.setObject(3, OffsetDateTime.of(2026, 2, 1, 9, 0, 0, 0, ZoneOffset.UTC));
        insert.setObject(
            4,
            row.closed() == null ? null : row.closed().atTime(12, 0).atOffset(ZoneOffset.UTC),
            Types.TIMESTAMP_WITH_TIMEZONE);
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          keys.next();
          rows.put(keys.getLong(1), row);
        }
      }
    }
    return rows;
  }
}
