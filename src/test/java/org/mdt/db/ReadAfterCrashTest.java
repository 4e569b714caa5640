package org.mdt.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that only reads opens the file read-only, except after a writer that never closed it (a
 * kill, a full disk): then it opens it for writing, so that H2 finishes what the writer left.
 */
class ReadAfterCrashTest {
  @TempDir Path dir;

  @Test
  void readsReadOnlyUnlessTheLastWriterDied() throws Exception {
    DatabaseLocation location = DatabaseLocation.of(dir.resolve("mdt").toString(), Map.of());
    try (Database created = Database.open(location, true, Duration.ZERO)) {
      created.migrate();
    }
    assertOpensReadOnly(location, true, 0);

    Database writer = Database.open(location, false, Duration.ZERO);
    try (Statement statement = writer.connection().createStatement()) {
      statement.executeUpdate(
          "INSERT INTO team (name, name_key, created_at) VALUES ('North MDT', 'north mdt', CURRENT_TIMESTAMP)");
      statement.execute("SHUTDOWN IMMEDIATELY");
    }
    closeQuietly(writer);

    assertOpensReadOnly(location, false, 1);
    assertOpensReadOnly(location, true, 1);
  }

  private static void assertOpensReadOnly(DatabaseLocation location, boolean readOnly, int teams)
      throws SQLException {
    try (Database reader = Database.openToRead(location, Duration.ZERO);
        Statement statement = reader.connection().createStatement();
        ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM team")) {
      count.next();
      assertEquals(teams, count.getInt(1), "the committed team survives");
      if (readOnly) {
        assertTrue(reader.connection().isReadOnly(), "read-only after a proper close");
      } else {
        assertFalse(reader.connection().isReadOnly(), "opened for writing after a crash");
      }
    }
  }

  private static void closeQuietly(Database database) {
    try {
      database.close();
    } catch (RuntimeException alreadyClosedByTheShutdown) {
      // the connection is gone with the database
    }
  }
}
