package org.mdt.roster;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mdt.cases.Column;
import org.mdt.db.AuditLog;
import org.mdt.db.Sql;

/**
 * All SQL of roster import. An import works in chunks of rows: it looks up the chunk's stored cases
 * and their children in two queries, decides in memory, and writes the chunk's inserts and updates
 * as JDBC batches (row-at-a-time statements and lookups cost most of an import's time). Statements
 * are prepared once per import; column lists come from {@link Column}, whose canonical names are
 * the database columns, and every value is a parameter.
 */
final class RosterStore implements AutoCloseable {
  /** The audit trail's names of the two tables an import updates. */
  static final String CASE = "case";

  static final String CHILD = "case_child";

  private final Connection connection;
  private final PreparedStatement findCases;
  private final PreparedStatement insertCase;
  private final PreparedStatement updateCase;
  private final PreparedStatement findChildren;
  private final PreparedStatement insertChild;
  private final PreparedStatement updateChild;
  private final PreparedStatement insertImport;
  private final PreparedStatement finishImport;

  /**
   * A stored row: its id, the values of its roster columns, and the import that created it (null:
   * none).
   */
  record Stored(long id, Map<Column, Object> values, Long createdImport) {}

  /** A stored child and its upsert key within its case. */
  record StoredChild(Stored row, String matchKey) {}

  /** A row to insert: a new case, or a new child of a case whose id is known by then. */
  record NewRow(long teamId, String key, Map<Column, Object> values) {}

  RosterStore(Connection connection) throws SQLException {
    this.connection = connection;
    String caseColumns = names(Column.CASE_COLUMNS);
    String childColumns = names(Column.CHILD_ROW_COLUMNS);
    findCases =
        connection.prepareStatement(
            // a join, not "case_number = ANY(?)": H2 would use only the team half of the
            // (team_id, case_number) index, reading all of a team's cases for each chunk
            "SELECT c.id, c.created_import_id, "
                + prefixed("c.", Column.CASE_COLUMNS)
                + ", c.case_number FROM UNNEST(?) AS n(case_number)"
                + " JOIN mdt_case c ON c.team_id = ? AND c.case_number = n.case_number");
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
    findChildren =
        connection.prepareStatement(
            // a join for the same reason: H2 checks "case_id = ANY(?)" again on each row it finds,
            // against the whole array
            "SELECT ch.id, ch.created_import_id, "
                + prefixed("ch.", Column.CHILD_ROW_COLUMNS)
                + ", ch.case_id, ch.match_key FROM UNNEST(?) AS n(case_id)"
                + " JOIN case_child ch ON ch.case_id = n.case_id ORDER BY ch.case_id, ch.id");
    insertChild =
        connection.prepareStatement(
            "INSERT INTO case_child (case_id, team_id, match_key, "
                + childColumns
                + ", created_import_id, created_at, updated_at) VALUES (?, ?, ?, "
                + marks(Column.CHILD_ROW_COLUMNS.size())
                + ", ?, ?, ?)");
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
    return prefixed("", columns);
  }

  private static String prefixed(String prefix, List<Column> columns) {
    return columns.stream().map(c -> prefix + c.canonicalName()).collect(Collectors.joining(", "));
  }

  private static String marks(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
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
    // roster_import keeps the older counts only: the summary's first seven, in its order
    int[] counts =
        summary.asMap().values().stream().limit(7).mapToInt(count -> (Integer) count).toArray();
    for (int i = 0; i < counts.length; i++) {
      finishImport.setInt(i + 1, counts[i]);
    }
    finishImport.setLong(counts.length + 1, importId);
    finishImport.executeUpdate();
  }

  /** The team's stored cases among these case numbers, by case number. */
  Map<String, Stored> findCases(long teamId, Collection<String> caseNumbers) throws SQLException {
    Map<String, Stored> found = new HashMap<>();
    findCases.setArray(1, array("VARCHAR", caseNumbers));
    findCases.setLong(2, teamId);
    try (ResultSet rs = findCases.executeQuery()) {
      while (rs.next()) {
        found.put(rs.getString(3 + Column.CASE_COLUMNS.size()), stored(rs, Column.CASE_COLUMNS));
      }
    }
    return found;
  }

  /** The stored children of these cases, by case id, each case's in the order they were stored. */
  Map<Long, List<StoredChild>> findChildren(Collection<Long> caseIds) throws SQLException {
    Map<Long, List<StoredChild>> found = new HashMap<>();
    if (caseIds.isEmpty()) {
      return found;
    }
    findChildren.setArray(1, array("BIGINT", caseIds));
    int caseColumn = 3 + Column.CHILD_ROW_COLUMNS.size();
    try (ResultSet rs = findChildren.executeQuery()) {
      while (rs.next()) {
        found
            .computeIfAbsent(rs.getLong(caseColumn), id -> new ArrayList<>(2))
            .add(
                new StoredChild(
                    stored(rs, Column.CHILD_ROW_COLUMNS), rs.getString(caseColumn + 1)));
      }
    }
    return found;
  }

  private Array array(String type, Collection<?> values) throws SQLException {
    return connection.createArrayOf(type, values.toArray());
  }

  /** Inserts new cases in one batch; returns their ids in the order given. */
  long[] insertCases(List<NewRow> cases, long importId, OffsetDateTime now) throws SQLException {
    for (NewRow row : cases) {
      insertCase.setLong(1, row.teamId());
      insertCase.setString(2, row.key());
      addNew(insertCase, 3, Column.CASE_COLUMNS, row.values(), importId, now);
    }
    insertCase.executeBatch();
    long[] ids = new long[cases.size()];
    try (ResultSet keys = insertCase.getGeneratedKeys()) {
      for (int i = 0; i < ids.length; i++) {
        if (!keys.next()) {
          throw new SQLException("a batch insert returned fewer keys than rows");
        }
        ids[i] = keys.getLong(1);
      }
    }
    return ids;
  }

  /** Inserts new children in one batch, each with the id of its case. */
  void insertChildren(List<NewRow> children, long[] caseIds, long importId, OffsetDateTime now)
      throws SQLException {
    for (int i = 0; i < caseIds.length; i++) {
      NewRow row = children.get(i);
      insertChild.setLong(1, caseIds[i]);
      insertChild.setLong(2, row.teamId());
      insertChild.setString(3, row.key());
      addNew(insertChild, 4, Column.CHILD_ROW_COLUMNS, row.values(), importId, now);
    }
    insertChild.executeBatch();
  }

  /**
   * Binds a new row's values from parameter {@code first} on, then the import that creates it and
   * its creation and update times, and adds it to the insert's batch.
   */
  private static void addNew(
      PreparedStatement insert,
      int first,
      List<Column> columns,
      Map<Column, Object> values,
      long importId,
      OffsetDateTime now)
      throws SQLException {
    int next = bind(insert, first, columns, values);
    insert.setLong(next, importId);
    insert.setObject(next + 1, now);
    insert.setObject(next + 2, now);
    insert.addBatch();
  }

  /** Writes the current values of changed stored cases, in one batch. */
  void updateCases(Map<Long, Map<Column, Object>> valuesById, OffsetDateTime now)
      throws SQLException {
    update(updateCase, Column.CASE_COLUMNS, valuesById, now);
  }

  /** Writes the current values of changed stored children, in one batch. */
  void updateChildren(Map<Long, Map<Column, Object>> valuesById, OffsetDateTime now)
      throws SQLException {
    update(updateChild, Column.CHILD_ROW_COLUMNS, valuesById, now);
  }

  private static void update(
      PreparedStatement update,
      List<Column> columns,
      Map<Long, Map<Column, Object>> valuesById,
      OffsetDateTime now)
      throws SQLException {
    if (valuesById.isEmpty()) {
      return;
    }
    for (Map.Entry<Long, Map<Column, Object>> row : valuesById.entrySet()) {
      int next = bind(update, 1, columns, row.getValue());
      update.setObject(next, now);
      update.setLong(next + 1, row.getKey());
      update.addBatch();
    }
    update.executeBatch();
  }

  /**
   * The import records and the audit trail's updates of cases and children, read once for the whole
   * import ({@link ImportHistory}); an empty database reads nothing.
   */
  /** The outcome the latest import recorded for its file imported again; null when none is kept. */
  static ImportReplay.Saved savedReplay(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT import_id, inputs, file_size, audit_id, audit_hash, made_on, later_days,"
                    + " outcome FROM import_replay ORDER BY import_id DESC FETCH FIRST 1 ROW ONLY")) {
      return rs.next()
          ? new ImportReplay.Saved(
              rs.getLong(1),
              rs.getString(2),
              rs.getLong(3),
              new AuditLog.Head(rs.getLong(4), rs.getString(5)),
              rs.getObject(6, LocalDate.class),
              rs.getBoolean(7),
              rs.getBytes(8))
          : null;
    }
  }

  /**
   * Keeps an import's recorded outcome in place of any older one (null: keeps none), which the
   * trail's head moving on has made useless anyway.
   */
  static void keepReplay(Connection connection, ImportReplay.Saved replay) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM import_replay");
    }
    if (replay == null) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO import_replay (import_id, inputs, file_size, audit_id, audit_hash,"
                + " made_on, later_days, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, replay.importId());
      insert.setString(2, replay.inputs());
      insert.setLong(3, replay.fileSize());
      insert.setLong(4, replay.head().id());
      insert.setString(5, replay.head().hash());
      insert.setObject(6, replay.madeOn());
      insert.setBoolean(7, replay.laterDays());
      insert.setBytes(8, replay.outcome());
      insert.executeUpdate();
    }
  }

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

  /**
   * The row's id (column 1), the import that created it (column 2) and its values from column 3 on.
   */
  private static Stored stored(ResultSet rs, List<Column> columns) throws SQLException {
    Map<Column, Object> values = new EnumMap<>(Column.class);
    for (int i = 0; i < columns.size(); i++) {
      Object value = rs.getObject(3 + i, columns.get(i).javaType());
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
            findCases,
            insertCase,
            updateCase,
            findChildren,
            insertChild,
            updateChild,
            insertImport,
            finishImport)) {
      statement.close();
    }
  }
}
