package org.mdt.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Small JDBC helpers every feature's store shares. */
public final class Sql {
  private Sql() {}

  /** The identity value of the row a statement prepared with RETURN_GENERATED_KEYS just inserted. */
  public static long generatedId(PreparedStatement statement) throws SQLException {
    try (ResultSet keys = statement.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException("insert returned no generated key");
      }
      return keys.getLong(1);
    }
  }
}
