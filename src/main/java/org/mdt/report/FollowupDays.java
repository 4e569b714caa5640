package org.mdt.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.mdt.db.Sql;

/**
 * A follow-up as the reports count it: the days it was opened and closed (null: still open) in the
 * coordinator's zone, its due date (null: none) and its stored status.
 */
record FollowupDays(LocalDate opened, LocalDate closed, LocalDate due, String status) {
  /** The columns {@link #read} expects, in order, of a query over {@code followup f}. */
  static final String COLUMNS = "f.created_at, f.closed_at, f.due_date, f.status";

  /**
   * Follow-ups (alias {@code f}) on a case of one team, or all: two parameters, bound with {@link
   * Sql#bindTwice} to the team's id or to null.
   */
  static final String OF_TEAM =
      "(CAST(? AS BIGINT) IS NULL"
          + " OR EXISTS (SELECT 1 FROM mdt_case c WHERE c.id = f.case_id AND c.team_id = ?))";

  /**
   * The current row of a query selecting {@link #COLUMNS} first, its times turned into days in
   * {@code zone}.
   */
  static FollowupDays read(ResultSet rs, ZoneId zone) throws SQLException {
    LocalDate opened = rs.getObject(1, OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate();
    OffsetDateTime closedAt = rs.getObject(2, OffsetDateTime.class);
    LocalDate closed = closedAt == null ? null : closedAt.atZoneSameInstant(zone).toLocalDate();
    return new FollowupDays(opened, closed, rs.getObject(3, LocalDate.class), rs.getString(4));
  }
}
