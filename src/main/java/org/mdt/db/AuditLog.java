package org.mdt.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The append-only audit trail of DESIGN section 7: who (the OS user), when, which command, and what
 * changed. Rows are only ever inserted, in the same transaction as the change they describe.
 */
public final class AuditLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Connection connection;
  private final String osUser;
  private final String command;
  private final Clock clock;
  private PreparedStatement insert;

  public AuditLog(Connection connection, String osUser, String command, Clock clock) {
    this.connection = connection;
    this.osUser = osUser;
    this.command = command;
    this.clock = clock;
  }

  /** One entry of the trail, as {@code mdt audit} lists it. */
  public record Entry(long id, OffsetDateTime at, String user, String command, String entity, Long entityId,
      String action, String changes) {}

  /**
   * The trail from a day on (null: all), of one case when {@code caseId} is given: the case, its children,
   * its follow-ups and review requests.
   */
  public static java.util.List<Entry> read(Connection connection, java.time.LocalDate since, Long caseId)
      throws SQLException {
    String sql = "SELECT id, occurred_at, os_user, command, entity, entity_id, action, changes FROM audit_log a"
        + " WHERE (CAST(? AS TIMESTAMP WITH TIME ZONE) IS NULL OR a.occurred_at >= ?)"
        + " AND (CAST(? AS BIGINT) IS NULL"
        + " OR (a.entity = 'case' AND a.entity_id = ?)"
        + " OR (a.entity = 'case_child' AND a.entity_id IN (SELECT id FROM case_child WHERE case_id = ?))"
        + " OR (a.entity = 'followup' AND a.entity_id IN (SELECT id FROM followup WHERE case_id = ?))"
        + " OR (a.entity = 'review_request' AND a.entity_id IN (SELECT id FROM review_request WHERE case_id = ?)))"
        + " ORDER BY a.id";
    java.util.List<Entry> entries = new java.util.ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      OffsetDateTime from = since == null ? null : since.atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
      query.setObject(1, from, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
      query.setObject(2, from, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
      for (int i = 3; i <= 7; i++) {
        query.setObject(i, caseId, java.sql.Types.BIGINT);
      }
      try (java.sql.ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          long entityId = rs.getLong(6);
          entries.add(new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.wasNull() ? null : entityId, rs.getString(7), rs.getString(8)));
        }
      }
    }
    return entries;
  }

  /** A new row and the values it was created with. */
  public void inserted(String entity, long id, Map<String, ?> values) throws SQLException {
    Map<String, String> text = new LinkedHashMap<>();
    values.forEach((field, value) -> text.put(field, value == null ? null : value.toString()));
    append(entity, id, "insert", text);
  }

  /** Changed fields of a row, each as {before, after}. */
  public void updated(String entity, long id, Map<String, Object[]> changes) throws SQLException {
    Map<String, String[]> text = new LinkedHashMap<>();
    changes.forEach((field, pair) -> text.put(field, new String[] {string(pair[0]), string(pair[1])}));
    append(entity, id, "update", text);
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }

  private void append(String entity, long id, String action, Object changes) throws SQLException {
    if (insert == null) {
      insert = connection.prepareStatement("INSERT INTO audit_log"
          + " (occurred_at, os_user, command, entity, entity_id, action, changes) VALUES (?, ?, ?, ?, ?, ?, ?)");
    }
    insert.setObject(1, OffsetDateTime.now(clock));
    insert.setString(2, osUser);
    insert.setString(3, command);
    insert.setString(4, entity);
    insert.setLong(5, id);
    insert.setString(6, action);
    try {
      insert.setString(7, JSON.writeValueAsString(changes));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("audit entry not serialisable", e);
    }
    insert.executeUpdate();
  }
}
