package org.mdt.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;

class SchemaTest {
  @TempDir Path dir;

  @Test
  void schemaVersionConstantIsTheHighestMigration() throws IOException, URISyntaxException {
    Path migrations = Path.of(SchemaTest.class.getResource("/db/migration").toURI());
    Pattern version = Pattern.compile("V(\\d+)__.*\\.sql");
    // Java migrations (db.migration.V4__...) live beside the SQL ones
    Pattern javaVersion = Pattern.compile("V(\\d+)__.*\\.class");
    try (Stream<Path> files = Files.list(migrations)) {
      int highest =
          files
              .map(f -> f.getFileName().toString())
              .map(
                  name ->
                      version.matcher(name).matches()
                          ? version.matcher(name)
                          : javaVersion.matcher(name))
              .filter(Matcher::matches)
              .mapToInt(m -> Integer.parseInt(m.group(1)))
              .max()
              .orElse(0);
      assertEquals(highest, Database.SCHEMA_VERSION);
    }
  }

  /**
   * A database written by a version-1 mdt is refused until {@code mdt init} upgrades it; the
   * upgrade copies each child's team from its case, and the reports then count the rows written
   * under version 1.
   */
  @Test
  void initUpgradesAVersionOneDatabaseAndKeepsItsRows() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("mdt");
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/migration")
        .loggers("log4j2")
        .target("1")
        .load()
        .migrate();
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement st = connection.createStatement()) {
      st.execute(
          "INSERT INTO team (name, name_key, created_at) VALUES ('North', 'north', CURRENT_TIMESTAMP),"
              + " ('South', 'south', CURRENT_TIMESTAMP)");
      st.execute(
          "INSERT INTO mdt_case (team_id, case_number, created_at, updated_at) SELECT 1 + MOD(X, 2),"
              + " 'C-' || X, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM SYSTEM_RANGE(1, 7)");
      // case C-k has k children referred in March 2025: South (odd k) has 1+3+5+7 = 16, North 2+4+6
      // = 12
      st.execute(
          "INSERT INTO case_child (case_id, match_key, referral_date, child_gender, created_at, updated_at)"
              + " SELECT c.id, 'k' || r.X, DATEADD(DAY, r.X, DATE '2025-03-01'), 'female', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP"
              + " FROM mdt_case c JOIN SYSTEM_RANGE(1, 7) r ON r.X <= CAST(SUBSTRING(c.case_number, 3) AS INT)");
    }
    Mdt mdt = new Mdt(dir);
    Mdt.Result refused = mdt.run("report", "nca", "--period", "2025H1");
    assertEquals(3, refused.code());
    assertTrue(refused.err().contains("run 'mdt init' to upgrade it"), refused.err());

    mdt.ok("init");
    assertEquals(
        16,
        Json.parse(
                mdt.ok(
                    "--format", "json", "report", "nca", "--period", "2025H1", "--team", "South"))
            .path("newChildren")
            .asInt());
    assertEquals(
        12,
        Json.parse(
                mdt.ok(
                    "--format", "json", "report", "nca", "--period", "2025H1", "--team", "North"))
            .path("gender")
            .path("female")
            .asInt());
    assertEquals(
        28,
        Json.parse(mdt.ok("--format", "json", "report", "nca", "--period", "2025H1"))
            .path("newChildren")
            .asInt());
  }

  /**
   * The migrations keep to SQL that PostgreSQL also runs: H2's PostgreSQL mode refuses H2-only
   * syntax.
   */
  @Test
  void migrationsRunInPostgresqlMode() {
    var result =
        Flyway.configure()
            .dataSource(
                "jdbc:h2:file:"
                    + dir.resolve("pg")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH",
                "sa",
                "")
            .locations("classpath:db/migration")
            .loggers("log4j2")
            .load()
            .migrate();
    assertEquals(Integer.toString(Database.SCHEMA_VERSION), result.targetSchemaVersion);
  }
}
