package org.mdt.followup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mdt.MdtException;
import org.mdt.cases.CaseRef;
import org.mdt.db.AuditLog;
import org.mdt.db.Sql;
import org.mdt.team.Member;
import org.mdt.team.Team;

/**
 * Follow-ups (docs/DESIGN.md section 5): all their SQL. Every change appends to the follow-up's
 * history (and to the audit trail); a follow-up leaves "open" once, for done or cancelled.
 */
public final class FollowupStore {
  private static final String SELECT =
      "SELECT f.id, c.case_number, c.restricted, t.name, m.id, m.name,"
          + " m.discipline, f.action, f.due_date, f.status, f.meeting_id"
          + " FROM followup f JOIN mdt_case c ON c.id = f.case_id JOIN team t ON t.id = c.team_id"
          + " JOIN member m ON m.id = f.owner_member_id";

  private final Connection connection;
  private final AuditLog audit;
  private final String osUser;

  public FollowupStore(Connection connection, AuditLog audit, String osUser) {
    this.connection = connection;
    this.audit = audit;
    this.osUser = osUser;
  }

  /** A change in a follow-up's life, as its history keeps it. */
  public record Change(
      OffsetDateTime at, String user, String kind, String from, String to, String note) {}

  /** Filters of {@code followup list}; null means any. */
  public record Filter(Team team, Member owner, boolean overdueOnly) {}

  public long add(
      CaseRef caseRef,
      Member owner,
      String action,
      LocalDate due,
      Long meetingId,
      Long recommendationId,
      OffsetDateTime now)
      throws SQLException {
    if (action == null || action.isBlank()) {
      throw MdtException.usage("a follow-up needs an action");
    }
    long id;
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO followup (case_id, meeting_id,"
                + " recommendation_id, owner_member_id, action, due_date, status, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, '"
                + FollowupStatus.OPEN.word()
                + "', ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, caseRef.id());
      insert.setObject(2, meetingId, Types.BIGINT);
      insert.setObject(3, recommendationId, Types.BIGINT);
      insert.setLong(4, owner.id());
      insert.setString(5, action.trim());
      insert.setObject(6, due, Types.DATE);
      insert.setObject(7, now);
      insert.executeUpdate();
      id = Sql.generatedId(insert);
    }
    history(id, now, "created", null, owner.name(), action.trim());
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("case", caseRef.caseNumber());
    values.put("owner", owner.name());
    values.put("due", due);
    audit.inserted("followup", id, values);
    return id;
  }

  /**
   * Refuses a meeting id that names no meeting. The check is here rather than through the review
   * package's store because reviews depend on follow-ups (a recommendation becomes one), not the
   * other way round.
   */
  public void requireMeeting(long meetingId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM meeting WHERE id = ?")) {
      query.setLong(1, meetingId);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) {
          throw MdtException.domain("unknown meeting " + meetingId + " (see 'mdt review list')");
        }
      }
    }
  }

  /**
   * The follow-ups of a case that a meeting made (from its recommendations, or linked to it), by
   * id.
   */
  public List<Long> fromMeeting(long meetingId, long caseId) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT id FROM followup WHERE case_id = ?"
                + " AND (meeting_id = ? OR recommendation_id IN (SELECT id FROM recommendation WHERE meeting_id = ?))"
                + " ORDER BY id")) {
      query.setLong(1, caseId);
      query.setLong(2, meetingId);
      query.setLong(3, meetingId);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  /**
   * Deletes a follow-up recorded by mistake, with its history: only a correction of the meeting
   * that made it does this ({@code review amend}). The audit trail keeps what it was.
   */
  public void remove(long id, LocalDate today) throws SQLException {
    Followup removed = require(id, today);
    for (String sql :
        List.of(
            "DELETE FROM followup_history WHERE followup_id = ?",
            "DELETE FROM followup WHERE id = ?")) {
      try (PreparedStatement delete = connection.prepareStatement(sql)) {
        delete.setLong(1, id);
        delete.executeUpdate();
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("case", removed.caseNumber());
    values.put("owner", removed.owner());
    values.put("action", removed.action());
    values.put("due", removed.due());
    values.put("status", removed.status());
    audit.deleted("followup", id, values);
  }

  public List<Followup> list(Filter filter, LocalDate today) throws SQLException {
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (filter.team() != null) {
      sql.append(" AND c.team_id = ?");
      params.add(filter.team().id());
    }
    if (filter.owner() != null) {
      sql.append(" AND f.owner_member_id = ?");
      params.add(filter.owner().id());
    }
    if (filter.overdueOnly()) {
      sql.append(" AND ").append(Overdue.SQL);
      params.add(today);
    }
    List<Followup> followups = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        query.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          followups.add(followup(rs, today));
        }
      }
    }
    // Most overdue first: the list a coordinator chases; then by due date, undated last.
    followups.sort(
        Comparator.comparingLong(Followup::daysOverdue)
            .reversed()
            .thenComparing(Followup::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(Followup::id));
    return followups;
  }

  public Followup require(long id, LocalDate today) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(SELECT + " WHERE f.id = ?")) {
      query.setLong(1, id);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) {
          throw MdtException.domain("unknown follow-up " + id);
        }
        return followup(rs, today);
      }
    }
  }

  /** Closes an open follow-up as done or cancelled. */
  public void close(long id, FollowupStatus status, String note, OffsetDateTime now)
      throws SQLException {
    Followup followup = requireOpen(id, now.toLocalDate());
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE followup f SET status = ?, closed_at = ? WHERE f.id = ? AND "
                + FollowupStatus.IS_OPEN)) {
      update.setString(1, status.word());
      update.setObject(2, now);
      update.setLong(3, id);
      update.executeUpdate();
    }
    history(id, now, status.word(), followup.status(), status.word(), note);
    audit.updated(
        "followup", id, Map.of("status", new AuditLog.Change(followup.status(), status.word())));
  }

  public void reassign(long id, Member owner, OffsetDateTime now) throws SQLException {
    Followup followup = requireOpen(id, now.toLocalDate());
    if (followup.ownerId() == owner.id()) {
      throw MdtException.domain("follow-up " + id + " is already owned by " + owner.name());
    }
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE followup SET owner_member_id = ? WHERE id = ?")) {
      update.setLong(1, owner.id());
      update.setLong(2, id);
      update.executeUpdate();
    }
    history(id, now, "reassigned", followup.owner(), owner.name(), null);
    audit.updated(
        "followup", id, Map.of("owner", new AuditLog.Change(followup.owner(), owner.name())));
  }

  public List<Change> history(long id) throws SQLException {
    List<Change> changes = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT changed_at, os_user, change_kind, old_value,"
                + " new_value, note FROM followup_history WHERE followup_id = ? ORDER BY id")) {
      query.setLong(1, id);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          changes.add(
              new Change(
                  rs.getObject(1, OffsetDateTime.class),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6)));
        }
      }
    }
    return changes;
  }

  private Followup requireOpen(long id, LocalDate today) throws SQLException {
    Followup followup = require(id, today);
    if (FollowupStatus.of(followup.status()) != FollowupStatus.OPEN) {
      throw MdtException.domain("follow-up " + id + " is already " + followup.status());
    }
    return followup;
  }

  private void history(
      long id, OffsetDateTime now, String kind, String from, String to, String note)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO followup_history (followup_id,"
                + " changed_at, os_user, change_kind, old_value, new_value, note) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, id);
      insert.setObject(2, now);
      insert.setString(3, osUser);
      insert.setString(4, kind);
      insert.setString(5, from);
      insert.setString(6, to);
      insert.setString(7, note);
      insert.executeUpdate();
    }
  }

  private static Followup followup(ResultSet rs, LocalDate today) throws SQLException {
    LocalDate due = rs.getObject(9, LocalDate.class);
    String status = rs.getString(10);
    long overdue = Overdue.daysOn(today, FollowupStatus.of(status), due);
    long meeting = rs.getLong(11);
    return new Followup(
        rs.getLong(1),
        rs.getString(2),
        rs.getBoolean(3),
        rs.getString(4),
        rs.getLong(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        due,
        status,
        rs.wasNull() ? null : meeting,
        overdue);
  }
}
