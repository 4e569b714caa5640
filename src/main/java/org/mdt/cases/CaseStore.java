package org.mdt.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.mdt.MdtException;
import org.mdt.db.Sql;
import org.mdt.team.Team;
import org.mdt.text.EditDistance;

/** Reading cases: all the SQL of {@code case list} and {@code case show}. */
public final class CaseStore {
  private final Connection connection;

  public CaseStore(Connection connection) {
    this.connection = connection;
  }

  /** Filters of {@code case list}; any of them may be null. */
  public record Filter(
      Team team, CaseStatus status, LocalDate referredFrom, LocalDate referredTo) {}

  public List<CaseSummary> list(Filter filter) throws SQLException {
    String sql =
        "SELECT c.case_number, t.name, MIN(ch.referral_date), COUNT(ch.id), "
            + CaseRules.STATUS
            + ", c.restricted"
            + " FROM mdt_case c JOIN team t ON t.id = c.team_id LEFT JOIN case_child ch ON ch.case_id = c.id"
            + " WHERE (CAST(? AS BIGINT) IS NULL OR c.team_id = ?)"
            + " AND (CAST(? AS VARCHAR(20)) IS NULL OR "
            + CaseRules.STATUS
            + " = ?)"
            + " GROUP BY c.id, c.case_number, t.name, c.case_status, c.closed_date, c.restricted"
            + " HAVING (CAST(? AS DATE) IS NULL OR MIN(ch.referral_date) >= ?)"
            + " AND (CAST(? AS DATE) IS NULL OR MIN(ch.referral_date) <= ?)"
            + " ORDER BY MIN(ch.referral_date), t.name, c.case_number";
    List<CaseSummary> cases = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      Sql.bindTwice(query, 1, filter.team() == null ? null : filter.team().id(), Types.BIGINT);
      Sql.bindTwice(
          query, 3, filter.status() == null ? null : filter.status().word(), Types.VARCHAR);
      Sql.bindTwice(query, 5, filter.referredFrom(), Types.DATE);
      Sql.bindTwice(query, 7, filter.referredTo(), Types.DATE);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          cases.add(
              new CaseSummary(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getObject(3, LocalDate.class),
                  rs.getInt(4),
                  rs.getString(5),
                  rs.getBoolean(6)));
        }
      }
    }
    return cases;
  }

  /** A case by its number, within the team given or the single team that holds that number. */
  public CaseRef require(String caseNumber, Team team) throws SQLException {
    List<CaseRef> found = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT c.id, c.case_number, c.team_id, t.name,"
                + " c.restricted FROM mdt_case c JOIN team t ON t.id = c.team_id WHERE c.case_number = ?"
                + " AND (CAST(? AS BIGINT) IS NULL OR c.team_id = ?) ORDER BY t.name_key")) {
      query.setString(1, caseNumber);
      Sql.bindTwice(query, 2, team == null ? null : team.id(), Types.BIGINT);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          found.add(
              new CaseRef(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getString(4),
                  rs.getBoolean(5)));
        }
      }
    }
    if (found.isEmpty()) {
      List<String> near = nearNumbers(caseNumber, team);
      throw MdtException.domain(
          "unknown case "
              + caseNumber
              + (team == null ? "" : " in team " + team.name())
              + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?"));
    }
    if (found.size() > 1) {
      throw MdtException.usage(
          "case "
              + caseNumber
              + " exists in several teams ("
              + found.stream().map(CaseRef::team).collect(Collectors.joining(", "))
              + "): say which with --team");
    }
    return found.get(0);
  }

  /**
   * The case numbers a mistyped one most likely meant: within two edits (a slipped digit, a missing
   * dash), nearest first, at most three. Read only when a number is not found, so a full scan is
   * affordable.
   */
  private List<String> nearNumbers(String caseNumber, Team team) throws SQLException {
    String typed = caseNumber.toLowerCase(Locale.ROOT);
    int allowed = Math.min(2, Math.max(1, typed.length() / 4));
    List<Map.Entry<String, Integer>> near = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT DISTINCT case_number FROM mdt_case"
                + " WHERE (CAST(? AS BIGINT) IS NULL OR team_id = ?) AND LENGTH(case_number) BETWEEN ? AND ?")) {
      Sql.bindTwice(query, 1, team == null ? null : team.id(), Types.BIGINT);
      query.setInt(3, typed.length() - allowed);
      query.setInt(4, typed.length() + allowed);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          int distance =
              EditDistance.between(typed, rs.getString(1).toLowerCase(Locale.ROOT), allowed);
          if (distance <= allowed) {
            near.add(Map.entry(rs.getString(1), distance));
          }
        }
      }
    }
    return near.stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .limit(3)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Case numbers beginning with {@code prefix}, in order, for completion in the shell. */
  public List<String> numbersStartingWith(String prefix, Team team, int limit) throws SQLException {
    List<String> numbers = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT DISTINCT case_number FROM mdt_case"
                + " WHERE (CAST(? AS BIGINT) IS NULL OR team_id = ?) AND case_number LIKE ? ESCAPE '\\'"
                + " ORDER BY case_number FETCH FIRST ? ROWS ONLY")) {
      Sql.bindTwice(query, 1, team == null ? null : team.id(), Types.BIGINT);
      query.setString(
          3, prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
      query.setInt(4, limit);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          numbers.add(rs.getString(1));
        }
      }
    }
    return numbers;
  }

  /**
   * One case by its number; within the team given, or in whichever single team holds that number.
   */
  public CaseDetail show(String caseNumber, Team team) throws SQLException {
    CaseRef ref = require(caseNumber, team);
    String caseColumns =
        Column.CASE_COLUMNS.stream().map(CaseStore::shownAs).collect(Collectors.joining(", "));
    Map<String, Object> caseValues;
    try (PreparedStatement query =
        connection.prepareStatement("SELECT " + caseColumns + " FROM mdt_case c WHERE c.id = ?")) {
      query.setLong(1, ref.id());
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        caseValues = values(rs, 1, Column.CASE_COLUMNS);
      }
    }
    return new CaseDetail(caseNumber, ref.team(), caseValues, children(ref.id()));
  }

  /**
   * A case column as {@code case show} shows it: the status by {@link CaseRules#STATUS}, as {@code
   * case list} does (the roster's own code was blank, or "open" beside a closed date, where the
   * list said otherwise), and restricted as true or false; the rest as stored. SQL over {@code
   * mdt_case c}.
   */
  private static String shownAs(Column column) {
    return switch (column) {
      case CASE_STATUS -> CaseRules.STATUS;
      case RESTRICTED -> "COALESCE(c.restricted, FALSE)";
      default -> "c." + column.canonicalName();
    };
  }

  private List<Map<String, Object>> children(long caseId) throws SQLException {
    List<Column> columns = Column.CHILD_ROW_COLUMNS;
    String names = columns.stream().map(Column::canonicalName).collect(Collectors.joining(", "));
    List<Map<String, Object>> children = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT " + names + " FROM case_child WHERE case_id = ? ORDER BY referral_date, id")) {
      query.setLong(1, caseId);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          children.add(values(rs, 1, columns));
        }
      }
    }
    return children;
  }

  private static Map<String, Object> values(ResultSet rs, int first, List<Column> columns)
      throws SQLException {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      values.put(
          columns.get(i).canonicalName(), rs.getObject(first + i, columns.get(i).javaType()));
    }
    return values;
  }
}
