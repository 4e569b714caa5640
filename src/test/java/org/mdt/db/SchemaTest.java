package org.mdt.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTest {
  @TempDir Path dir;

  @Test
  void schemaVersionConstantIsTheHighestMigration() throws IOException, URISyntaxException {
    Path migrations = Path.of(SchemaTest.class.getResource("/db/migration").toURI());
    Pattern version = Pattern.compile("V(\\d+)__.*\\.sql");
    try (Stream<Path> files = Files.list(migrations)) {
      int highest = files.map(f -> version.matcher(f.getFileName().toString()))
          .filter(Matcher::matches).mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
      assertEquals(highest, Database.SCHEMA_VERSION);
    }
  }

  /** The migrations keep to SQL that PostgreSQL also runs: H2's PostgreSQL mode refuses H2-only syntax. */
  @Test
  void migrationsRunInPostgresqlMode() {
    var result = Flyway.configure()
        .dataSource("jdbc:h2:file:" + dir.resolve("pg") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH", "sa", "")
        .locations("classpath:db/migration").loggers("log4j2").load().migrate();
    assertEquals(Integer.toString(Database.SCHEMA_VERSION), result.targetSchemaVersion);
  }
}
