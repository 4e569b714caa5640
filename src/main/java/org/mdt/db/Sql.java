package org.mdt.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Small JDBC helpers every feature's store shares. */
public final class Sql {
  private Sql() {}

  /**
   * Binds an optional filter written {@code (CAST(? AS type) IS NULL OR column = ?)}: the value at
   * {@code first} and {@code first + 1}, typed so a null is a typed null (PostgreSQL asks for
   * that).
   */
  public static void bindTwice(PreparedStatement statement, int first, Object value, int sqlType)
      throws SQLException {
    statement.setObject(first, value, sqlType);
    statement.setObject(first + 1, value, sqlType);
  }

  /**
   * "Rows of one team, or of all when none is given" over {@code teamColumn}: two parameters, bound
   * with {@link #bindTwice} to the team's id or to null.
   */
  public static String optionalTeam(String teamColumn) {
    return "(CAST(? AS BIGINT) IS NULL OR " + teamColumn + " = ?)";
  }

  /**
   * The identity value of the row a statement prepared with RETURN_GENERATED_KEYS just inserted.
   */
  public static long generatedId(PreparedStatement statement) throws SQLException {
    try (ResultSet keys = statement.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException("insert returned no generated key");
      }
      return keys.getLong(1);
    }
  }
}
