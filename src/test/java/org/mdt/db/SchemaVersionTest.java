package org.mdt.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Mdt;

/**
 * The schema version is read from the migrations' history table, whose absence means a database
 * never initialised: an H2 file with no tables at all, or with tables that are not mdt's.
 */
class SchemaVersionTest {
  @TempDir Path dir;

  @Test
  void aFileWithoutTheHistoryTableIsNotInitialised() throws Exception {
    Path file = dir.resolve("other");
    try (Connection created = DriverManager.getConnection("jdbc:h2:file:" + file, "sa", "")) {
      assertEquals(0, versionOf(file));
      created.createStatement().execute("CREATE TABLE notes (id INT PRIMARY KEY)");
      assertEquals(0, versionOf(file));
    }
    Mdt.Result refused = new Mdt(dir).env("MDT_DB", file.toString()).run("team", "list");
    assertEquals(3, refused.code());
    assertEquals(
        "mdt: database " + file + ".mv.db is not initialised: run 'mdt init'\n", refused.err());
  }

  @Test
  void anInitialisedDatabaseHasTheCurrentVersion() {
    new Mdt(dir).ok("init");
    assertEquals(Database.SCHEMA_VERSION, versionOf(dir.resolve("mdt")));
  }

  private static int versionOf(Path file) {
    try (Database database =
        Database.open(DatabaseLocation.of(file.toString(), Map.of()), false, Duration.ZERO)) {
      return database.schemaVersion();
    }
  }
}
