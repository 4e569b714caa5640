package org.mdt.settings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Map;
import org.mdt.db.AuditLog;
import org.mdt.db.Sql;

/**
 * The setting table: one row per setting ever changed, whose NULL value means mdt's default (a
 * reset keeps the row, so the audit trail has a row to name). Settings live in the database so that
 * they travel in backups and to a server with the data they shape.
 */
public final class SettingStore {
  private final Connection connection;
  private final AuditLog audit;

  public SettingStore(Connection connection, AuditLog audit) {
    this.connection = connection;
    this.audit = audit;
  }

  /** A setting as it stands: its value, and whether that is the default. */
  public record Current(Setting setting, String value, boolean isDefault) {}

  /** The value in force: the one set, or the default. */
  public static Current current(Connection connection, Setting setting) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT value_json FROM setting WHERE name = ?")) {
      query.setString(1, setting.name());
      try (ResultSet rs = query.executeQuery()) {
        String stored = rs.next() ? rs.getString(1) : null;
        return stored == null
            ? new Current(setting, setting.defaultValue(), true)
            : new Current(setting, stored, false);
      }
    }
  }

  /** Sets a value, checked and normalised by the setting; returns the setting as it now stands. */
  public Current set(Setting setting, String value, OffsetDateTime now) throws SQLException {
    return store(setting, setting.normalise().apply(value), now);
  }

  /** Goes back to the default. */
  public Current reset(Setting setting, OffsetDateTime now) throws SQLException {
    return store(setting, null, now);
  }

  private Current store(Setting setting, String value, OffsetDateTime now) throws SQLException {
    Long id = null;
    String before = null;
    try (PreparedStatement query =
        connection.prepareStatement("SELECT id, value_json FROM setting WHERE name = ?")) {
      query.setString(1, setting.name());
      try (ResultSet rs = query.executeQuery()) {
        if (rs.next()) {
          id = rs.getLong(1);
          before = rs.getString(2);
        }
      }
    }
    if (id == null && value == null) {
      return current(connection, setting); // never set: already the default
    }
    if (id == null) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO setting (name, value_json, updated_at)" + " VALUES (?, ?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        insert.setString(1, setting.name());
        insert.setString(2, value);
        insert.setObject(3, now);
        insert.executeUpdate();
        audit.inserted(
            "setting", Sql.generatedId(insert), Map.of("name", setting.name(), "value", value));
      }
    } else if (!java.util.Objects.equals(before, value)) {
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE setting SET value_json = ?, updated_at = ?" + " WHERE id = ?")) {
        update.setString(1, value);
        update.setObject(2, now);
        update.setLong(3, id);
        update.executeUpdate();
      }
      // null on either side is the default
      audit.updated("setting", id, Map.of("value", new AuditLog.Change(before, value)));
    }
    return current(connection, setting);
  }
}
