package org.mdt.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.mdt.db.Sql;

/**
 * When each case was received: the referral of its first child. A case is new in the period of that
 * day only, not again when a sibling is referred later. One ordered pass over the
 * case_child_first_referral index (case, referral, team) answers it without reading the table;
 * probing each case of a period for an earlier child took four times as long on a million rows.
 */
final class FirstReferrals {
  private FirstReferrals() {}

  /**
   * Case id to first referral, for the cases (of one team, or all when teamId is null) received
   * from..to.
   */
  static Map<Long, LocalDate> between(
      Connection connection, Long teamId, LocalDate from, LocalDate to) throws SQLException {
    Map<Long, LocalDate> received = new HashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT ch.case_id, MIN(ch.referral_date)"
                + " FROM case_child ch WHERE (CAST(? AS BIGINT) IS NULL OR ch.team_id = ?)"
                + " GROUP BY ch.case_id HAVING MIN(ch.referral_date) BETWEEN ? AND ?")) {
      Sql.bindTwice(query, 1, teamId, Types.BIGINT);
      query.setObject(3, from);
      query.setObject(4, to);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          received.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
        }
      }
    }
    return received;
  }
}
