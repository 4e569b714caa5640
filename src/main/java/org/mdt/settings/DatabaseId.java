package org.mdt.settings;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.mdt.db.AuditLog;

/**
 * A random id of this database, made the first time something needs it, so that what two databases
 * publish into one place (invitations in a shared calendar) never collides. It is kept in the
 * setting table, with no migration, and so travels in backups: a restored database goes on naming
 * its meetings' invitations as before. Staff cannot change it: {@code mdt settings} does not know
 * it.
 */
public final class DatabaseId {
  static final Setting SETTING =
      new Setting("database.id", "A random id of this database.", null, String::trim);

  private DatabaseId() {}

  /** The id, made (and audited) in this transaction when the database has none yet. */
  public static String of(Connection connection, AuditLog audit, OffsetDateTime now)
      throws SQLException {
    SettingStore.Current current = SettingStore.current(connection, SETTING);
    if (!current.isDefault()) {
      return current.value();
    }
    return new SettingStore(connection, audit)
        .set(SETTING, UUID.randomUUID().toString(), now)
        .value();
  }
}
