package org.mdt.roster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mdt.cases.Column;
import org.mdt.db.Sql;

/**
 * All SQL of roster import. Statements are prepared once per import and reused for every row;
 * column lists come from {@link Column}, whose canonical names are the database columns, and every
 * value is a parameter.
 */
final class RosterStore implements AutoCloseable {
  /** The audit trail's names of the two tables an import updates. */
  static final String CASE = "case";

  static final String CHILD = "case_child";

  private final PreparedStatement findCase;
  private final PreparedStatement insertCase;
  private final PreparedStatement updateCase;
  private final PreparedStatement findChild;
  private final PreparedStatement insertChild;
  private final PreparedStatement updateChild;
  private final PreparedStatement insertImport;
  private final PreparedStatement finishImport;

  /**
   * A stored row: its id, the values of its roster columns, and the import that created it (null:
   * none).
   */
  record Stored(long id, Map<Column, Object> values, Long createdImport) {}

  /**
   * What a case's stored children say about a row's child: the child with the row's key, else
   * (null) a child with the same name and another DOB, else both null.
   */
  record ChildMatch(Stored sameKey, Stored sameNameOnly) {}

  RosterStore(Connection connection) throws SQLException {
    String caseColumns = names(Column.CASE_COLUMNS);
    String childColumns = names(Column.CHILD_ROW_COLUMNS);
    findCase =
        connection.prepareStatement(
            "SELECT id, created_import_id, "
                + caseColumns
                + " FROM mdt_case WHERE team_id = ? AND case_number = ?");
    insertCase =
        connection.prepareStatement(
            "INSERT INTO mdt_case (team_id, case_number, "
                + caseColumns
                + ", created_import_id, created_at, updated_at) VALUES (?, ?, "
                + marks(Column.CASE_COLUMNS.size())
                + ", ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS);
    updateCase =
        connection.prepareStatement(
            "UPDATE mdt_case SET "
                + assignments(Column.CASE_COLUMNS)
                + ", updated_at = ? WHERE id = ?");
    findChild =
        connection.prepareStatement(
            "SELECT id, created_import_id, match_key, "
                + childColumns
                + " FROM case_child WHERE case_id = ?");
    insertChild =
        connection.prepareStatement(
            "INSERT INTO case_child (case_id, team_id, match_key, "
                + childColumns
                + ", created_import_id, created_at, updated_at) VALUES (?, ?, ?, "
                + marks(Column.CHILD_ROW_COLUMNS.size())
                + ", ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS);
    updateChild =
        connection.prepareStatement(
            "UPDATE case_child SET "
                + assignments(Column.CHILD_ROW_COLUMNS)
                + ", updated_at = ? WHERE id = ?");
    insertImport =
        connection.prepareStatement(
            "INSERT INTO roster_import (file_name, sha256, imported_at, os_user,"
                + " read_rows, inserted, updated, unchanged, duplicates, rejected, warnings)"
                + " VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0)",
            Statement.RETURN_GENERATED_KEYS);
    finishImport =
        connection.prepareStatement(
            "UPDATE roster_import SET read_rows = ?, inserted = ?, updated = ?,"
                + " unchanged = ?, duplicates = ?, rejected = ?, warnings = ? WHERE id = ?");
  }

  private static String names(List<Column> columns) {
    return columns.stream().map(Column::canonicalName).collect(Collectors.joining(", "));
  }

  private static String marks(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }

  private static String assignments(List<Column> columns) {
    return columns.stream().map(c -> c.canonicalName() + " = ?").collect(Collectors.joining(", "));
  }

  long insertImport(String fileName, String sha256, OffsetDateTime now, String osUser)
      throws SQLException {
    insertImport.setString(1, fileName);
    insertImport.setString(2, sha256);
    insertImport.setObject(3, now);
    insertImport.setString(4, osUser);
    insertImport.executeUpdate();
    return Sql.generatedId(insertImport);
  }

  void finishImport(long importId, ImportSummary summary) throws SQLException {
    int[] counts = {
      summary.read(),
      summary.inserted(),
      summary.updated(),
      summary.unchanged(),
      summary.duplicates(),
      summary.rejected(),
      summary.warnings()
    };
    for (int i = 0; i < counts.length; i++) {
      finishImport.setInt(i + 1, counts[i]);
    }
    finishImport.setLong(counts.length + 1, importId);
    finishImport.executeUpdate();
  }

  Stored findCase(long teamId, String caseNumber) throws SQLException {
    findCase.setLong(1, teamId);
    findCase.setString(2, caseNumber);
    return find(findCase, Column.CASE_COLUMNS);
  }

  long insertCase(
      long teamId, String caseNumber, Map<Column, Object> values, long importId, OffsetDateTime now)
      throws SQLException {
    insertCase.setLong(1, teamId);
    insertCase.setString(2, caseNumber);
    int next = bind(insertCase, 3, Column.CASE_COLUMNS, values);
    insertCase.setLong(next, importId);
    insertCase.setObject(next + 1, now);
    insertCase.setObject(next + 2, now);
    insertCase.executeUpdate();
    return Sql.generatedId(insertCase);
  }

  void updateCase(long id, Map<Column, Object> values, OffsetDateTime now) throws SQLException {
    update(updateCase, Column.CASE_COLUMNS, id, values, now);
  }

  /**
   * The child of the case with this key, or one whose key starts with the same {@code nameKey}
   * (same name, another DOB); a case has a handful of children, compared here in the one query.
   */
  ChildMatch findChild(long caseId, String matchKey, String nameKey) throws SQLException {
    findChild.setLong(1, caseId);
    Stored sameName = null;
    try (ResultSet rs = findChild.executeQuery()) {
      while (rs.next()) {
        String key = rs.getString(3);
        if (key.equals(matchKey)) {
          return new ChildMatch(stored(rs, 4, Column.CHILD_ROW_COLUMNS), null);
        }
        if (sameName == null && nameKey != null && key.startsWith(nameKey)) {
          sameName = stored(rs, 4, Column.CHILD_ROW_COLUMNS);
        }
      }
      return new ChildMatch(null, sameName);
    }
  }

  /**
   * The import records and the audit trail's updates of cases and children, read once for the whole
   * import ({@link ImportHistory}); an empty database reads nothing.
   */
  static ImportHistory history(Connection connection) throws SQLException {
    ImportHistory history = new ImportHistory();
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rs =
          statement.executeQuery("SELECT id, file_name, imported_at FROM roster_import")) {
        while (rs.next()) {
          history.addImport(
              rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toLocalDate());
        }
      }
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT entity, entity_id, command, occurred_at, changes"
                  + " FROM audit_log WHERE entity = 'import' OR (entity IN ('"
                  + CASE
                  + "', '"
                  + CHILD
                  + "')"
                  + " AND action = 'update') ORDER BY id")) {
        while (rs.next()) {
          history.addAuditRow(
              rs.getString(1),
              rs.getLong(2),
              rs.getString(3),
              rs.getObject(4, OffsetDateTime.class).toLocalDate(),
              rs.getString(5));
        }
      }
    }
    return history.finish();
  }

  long insertChild(
      long caseId,
      long teamId,
      String matchKey,
      Map<Column, Object> values,
      long importId,
      OffsetDateTime now)
      throws SQLException {
    insertChild.setLong(1, caseId);
    insertChild.setLong(2, teamId);
    insertChild.setString(3, matchKey);
    int next = bind(insertChild, 4, Column.CHILD_ROW_COLUMNS, values);
    insertChild.setLong(next, importId);
    insertChild.setObject(next + 1, now);
    insertChild.setObject(next + 2, now);
    insertChild.executeUpdate();
    return Sql.generatedId(insertChild);
  }

  void updateChild(long id, Map<Column, Object> values, OffsetDateTime now) throws SQLException {
    update(updateChild, Column.CHILD_ROW_COLUMNS, id, values, now);
  }

  private static void update(
      PreparedStatement update,
      List<Column> columns,
      long id,
      Map<Column, Object> values,
      OffsetDateTime now)
      throws SQLException {
    int next = bind(update, 1, columns, values);
    update.setObject(next, now);
    update.setLong(next + 1, id);
    update.executeUpdate();
  }

  private static Stored find(PreparedStatement query, List<Column> columns) throws SQLException {
    try (ResultSet rs = query.executeQuery()) {
      return rs.next() ? stored(rs, 3, columns) : null;
    }
  }

  /**
   * The row's id (column 1), the import that created it (column 2) and its values from column
   * {@code first} on.
   */
  private static Stored stored(ResultSet rs, int first, List<Column> columns) throws SQLException {
    Map<Column, Object> values = new EnumMap<>(Column.class);
    for (int i = 0; i < columns.size(); i++) {
      Object value = rs.getObject(first + i, columns.get(i).javaType());
      if (value != null) {
        values.put(columns.get(i), value);
      }
    }
    long createdImport = rs.getLong(2);
    return new Stored(rs.getLong(1), values, rs.wasNull() ? null : createdImport);
  }

  /** Binds the columns' values from position {@code first}; returns the next free position. */
  private static int bind(
      PreparedStatement statement, int first, List<Column> columns, Map<Column, Object> values)
      throws SQLException {
    int position = first;
    for (Column column : columns) {
      Object value = values.get(column);
      if (value == null) {
        statement.setNull(position, sqlType(column));
      } else {
        statement.setObject(position, value);
      }
      position++;
    }
    return position;
  }

  private static int sqlType(Column column) {
    return switch (column.kind()) {
      case DATE -> Types.DATE;
      case INTEGER -> Types.INTEGER;
      case YES_NO -> Types.BOOLEAN;
      default -> Types.VARCHAR;
    };
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement statement :
        List.of(
            findCase,
            insertCase,
            updateCase,
            findChild,
            insertChild,
            updateChild,
            insertImport,
            finishImport)) {
      statement.close();
    }
  }
}
