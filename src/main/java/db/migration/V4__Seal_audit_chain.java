package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.mdt.db.AuditLog;

/**
 * Seals the audit rows written before version 3 into the hash chain, in id order, once. (A Java
 * migration: SHA-256 is spelled differently in H2 and PostgreSQL SQL.)
 */
public class V4__Seal_audit_chain extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    String previous = AuditLog.GENESIS;
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT " + AuditLog.CHAINED_COLUMNS + " FROM audit_log ORDER BY id");
        PreparedStatement seal =
            connection.prepareStatement(
                "UPDATE audit_log SET prev_hash = ?, row_hash = ? WHERE id = ?")) {
      int pending = 0;
      while (rs.next()) {
        String hash = AuditLog.chainHash(previous, rs);
        seal.setString(1, previous);
        seal.setString(2, hash);
        seal.setLong(3, rs.getLong(1));
        seal.addBatch();
        if (++pending % 1000 == 0) {
          seal.executeBatch();
        }
        previous = hash;
      }
      seal.executeBatch();
    }
  }
}
