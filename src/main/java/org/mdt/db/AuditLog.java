package org.mdt.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only audit trail of docs/DESIGN.md section 7: who (the OS user), when, which command,
 * and what changed. Rows are only ever inserted, in the same transaction as the change they
 * describe, and each carries the SHA-256 of its own content chained to the row before, so {@link
 * #verify} finds a row deleted, edited or moved by anyone who opened the file with other tools.
 */
public final class AuditLog {
  /**
   * Built on first use: Jackson's databind is ~400 classes, which the commands that only read (and
   * build stores that could audit) should not load.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /** The previous hash of the first row. */
  public static final String GENESIS = "0".repeat(64);

  /**
   * The trail's last row; several stores (each with its own AuditLog) append in one transaction.
   */
  private static final String HEAD =
      "SELECT id, row_hash FROM audit_log ORDER BY id DESC FETCH FIRST 1 ROW ONLY";

  /**
   * The columns a row's hash covers, in {@link #chainHash(String, ResultSet)}'s order, after the
   * id.
   */
  public static final String CHAINED_COLUMNS =
      "id, occurred_at, os_user, command, entity, entity_id, action, changes";

  private final Connection connection;
  private final String osUser;
  private final String command;
  private final Clock clock;
  private PreparedStatement insert;
  private PreparedStatement head;

  public AuditLog(Connection connection, String osUser, String command, Clock clock) {
    this.connection = connection;
    this.osUser = osUser;
    this.command = command;
    this.clock = clock;
  }

  /** One entry of the trail, as {@code mdt audit} lists it. */
  public record Entry(
      long id,
      OffsetDateTime at,
      String user,
      String command,
      String entity,
      Long entityId,
      String action,
      String changes) {}

  /**
   * The trail from a day on (null: all), of one case when {@code caseId} is given: the case, its
   * children, its follow-ups and review requests.
   */
  public static List<Entry> read(Connection connection, java.time.LocalDate since, Long caseId)
      throws SQLException {
    String sql =
        "SELECT id, occurred_at, os_user, command, entity, entity_id, action, changes FROM audit_log a"
            + " WHERE (CAST(? AS TIMESTAMP WITH TIME ZONE) IS NULL OR a.occurred_at >= ?)"
            + " AND (CAST(? AS BIGINT) IS NULL"
            + " OR (a.entity = 'case' AND a.entity_id = ?)"
            + " OR (a.entity = 'case_child' AND a.entity_id IN (SELECT id FROM case_child WHERE case_id = ?))"
            + " OR (a.entity = 'followup' AND a.entity_id IN (SELECT id FROM followup WHERE case_id = ?))"
            + " OR (a.entity = 'review_request' AND a.entity_id IN (SELECT id FROM review_request WHERE case_id = ?)))"
            + " ORDER BY a.id";
    List<Entry> entries = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      OffsetDateTime from =
          since == null ? null : since.atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
      query.setObject(1, from, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
      query.setObject(2, from, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
      for (int i = 3; i <= 7; i++) {
        query.setObject(i, caseId, java.sql.Types.BIGINT);
      }
      try (java.sql.ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          entries.add(entry(rs));
        }
      }
    }
    return entries;
  }

  /** The trail of one row, oldest first: its insert and each update of it. */
  public static List<Entry> history(Connection connection, String entity, long id)
      throws SQLException {
    List<Entry> entries = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT id, occurred_at, os_user, command, entity,"
                + " entity_id, action, changes FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id")) {
      query.setString(1, entity);
      query.setLong(2, id);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          entries.add(entry(rs));
        }
      }
    }
    return entries;
  }

  private static Entry entry(ResultSet rs) throws SQLException {
    long id = rs.getLong(6);
    Long entityId =
        rs.wasNull() ? null : id; // asked at once: wasNull tells of the last column read
    return new Entry(
        rs.getLong(1),
        rs.getObject(2, OffsetDateTime.class),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        entityId,
        rs.getString(7),
        rs.getString(8));
  }

  /** A new row and the values it was created with. */
  public void inserted(String entity, long id, Map<String, ?> values) throws SQLException {
    Map<String, String> text = new LinkedHashMap<>();
    values.forEach((field, value) -> text.put(field, value == null ? null : value.toString()));
    append(entity, id, "insert", text);
  }

  /** A row removed, with the values it held, so the trail keeps what a correction took away. */
  public void deleted(String entity, long id, Map<String, ?> values) throws SQLException {
    Map<String, String> text = new LinkedHashMap<>();
    values.forEach((field, value) -> text.put(field, string(value)));
    append(entity, id, "delete", text);
  }

  /** A field's value before and after an update; either may be null. */
  public record Change(Object before, Object after) {}

  /** Changed fields of a row; the trail keeps each as {before, after}. */
  public void updated(String entity, long id, Map<String, Change> changes) throws SQLException {
    append(entity, id, "update", beforeAndAfter(changes));
  }

  private static Map<String, String[]> beforeAndAfter(Map<String, Change> changes) {
    Map<String, String[]> text = new LinkedHashMap<>();
    changes.forEach(
        (field, change) ->
            text.put(field, new String[] {string(change.before()), string(change.after())}));
    return text;
  }

  /**
   * Updates collected and appended together by {@link Batch#flush}: an import that changes
   * thousands of rows writes their trail in batches instead of a statement (and a look at the
   * chain's head) per row. Nothing else may append between the first update and the flush.
   */
  public Batch batch() {
    return new Batch();
  }

  /** Updates waiting to be appended, in their order. */
  public final class Batch {
    private final List<Pending> pending = new ArrayList<>();

    private Batch() {}

    /** As {@link AuditLog#updated}, appended at the next {@link #flush}. */
    public void updated(String entity, long id, Map<String, Change> changes) {
      pending.add(new Pending(entity, id, "update", json(beforeAndAfter(changes))));
    }

    public void flush() throws SQLException {
      write(pending);
      pending.clear();
    }
  }

  /** A row of the trail before its time and hashes are known. */
  private record Pending(String entity, long id, String action, String changes) {}

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }

  private void append(String entity, long id, String action, Object changes) throws SQLException {
    write(List.of(new Pending(entity, id, action, json(changes))));
  }

  private static String json(Object changes) {
    try {
      return Json.MAPPER.writeValueAsString(changes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("audit entry not serialisable", e);
    }
  }

  /** Appends rows after the chain's current head, each chained to the one before. */
  private void write(List<Pending> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    if (insert == null) {
      insert =
          connection.prepareStatement(
              "INSERT INTO audit_log (occurred_at, os_user, command, entity,"
                  + " entity_id, action, changes, prev_hash, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
      head = connection.prepareStatement(HEAD);
    }
    String previous;
    try (ResultSet rs = head.executeQuery()) {
      previous = head(rs).hash();
    }
    // the stored precision (microseconds), so the hash recomputed from the stored row is the same
    OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    for (Pending row : rows) {
      String hash =
          chainHash(
              previous, at, osUser, command, row.entity(), row.id(), row.action(), row.changes());
      insert.setObject(1, at);
      insert.setString(2, osUser);
      insert.setString(3, command);
      insert.setString(4, row.entity());
      insert.setLong(5, row.id());
      insert.setString(6, row.action());
      insert.setString(7, row.changes());
      insert.setString(8, previous);
      insert.setString(9, hash);
      insert.addBatch();
      previous = hash;
    }
    insert.executeBatch();
  }

  /**
   * The hash of one row: SHA-256 over the previous row's hash and the row's fields as a JSON array
   * (the time as a UTC instant, so the stored offset does not matter). The id is left out: it is
   * the chain's order.
   */
  public static String chainHash(
      String previous,
      OffsetDateTime at,
      String osUser,
      String command,
      String entity,
      Long entityId,
      String action,
      String changes) {
    try {
      byte[] fields =
          Json.MAPPER.writeValueAsBytes(
              new Object[] {
                previous,
                at.toInstant().toString(),
                osUser,
                command,
                entity,
                entityId,
                action,
                changes
              });
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(fields));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash an audit row", e);
    }
  }

  /**
   * The hash of the row {@code rs} is on, selected as {@link #CHAINED_COLUMNS}, after {@code
   * previous}.
   */
  public static String chainHash(String previous, ResultSet rs) throws SQLException {
    long entityId = rs.getLong(6);
    Long entity = rs.wasNull() ? null : entityId;
    return chainHash(
        previous,
        rs.getObject(2, OffsetDateTime.class),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        entity,
        rs.getString(7),
        rs.getString(8));
  }

  /**
   * The trail's last row as stored, whether or not the chain before it holds; no id and {@link
   * #GENESIS} when empty.
   */
  public record Head(Long id, String hash) {}

  public static Head head(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(HEAD)) {
      return head(rs);
    }
  }

  private static Head head(ResultSet rs) throws SQLException {
    return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(null, GENESIS);
  }

  /**
   * What {@link #verify} found: the rows checked, the chain's last hash, and the first row that
   * breaks it.
   */
  public record Verification(
      long rows, Long lastId, String lastHash, Long brokenAt, String problem) {
    public boolean intact() {
      return brokenAt == null;
    }
  }

  /** Recomputes the chain from the first row; stops at the first row that does not fit. */
  public static Verification verify(Connection connection) throws SQLException {
    String expectedPrevious = GENESIS;
    long rows = 0;
    Long lastId = null;
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT "
                    + CHAINED_COLUMNS
                    + ", prev_hash, row_hash FROM audit_log"
                    + " ORDER BY id")) {
      while (rs.next()) {
        long id = rs.getLong(1);
        String previous = rs.getString(9);
        String stored = rs.getString(10);
        if (!expectedPrevious.equals(previous)) {
          return new Verification(
              rows,
              lastId,
              expectedPrevious,
              id,
              "row "
                  + id
                  + " does not follow row "
                  + (lastId == null ? "0 (the start)" : lastId)
                  + ": a row before it was deleted or changed");
        }
        if (!chainHash(previous, rs).equals(stored)) {
          return new Verification(
              rows,
              lastId,
              expectedPrevious,
              id,
              "row " + id + " was changed after it was written");
        }
        expectedPrevious = stored;
        lastId = id;
        rows++;
      }
    }
    return new Verification(rows, lastId, expectedPrevious, null, null);
  }
}
