package org.mdt.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mdt.security.EncryptionTest.assertOneLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Mdt;
import org.mdt.MdtException;

/**
 * What --db accepts: a path or an H2 file URL, always with mdt's own settings; never H2 settings of
 * its own.
 */
class DatabaseLocationTest {
  @TempDir Path dir;

  private static DatabaseLocation of(String spec) {
    return DatabaseLocation.of(spec, Map.of());
  }

  private static void refused(String spec) {
    MdtException refusal = assertThrows(MdtException.class, () -> of(spec), spec);
    assertEquals(MdtException.USAGE, refusal.exitCode(), spec);
  }

  @Test
  void settingsAfterASemicolonAreRefused() throws Exception {
    Path script = Files.writeString(dir.resolve("x.sql"), "CREATE TABLE injected(id INT);");
    String injected = dir.resolve("mdt") + ";INIT=RUNSCRIPT FROM '" + script + "'";
    assertOneLine(new Mdt(dir).run("--db", injected, "init"), 2, "without ';' settings");
    assertOneLine(
        new Mdt(dir).run("--db", "jdbc:h2:file:" + injected, "init"), 2, "without ';' settings");
    refused("jdbc:h2:file:" + dir.resolve("mdt") + ";CIPHER=AES");
    refused("jdbc:h2:" + dir.resolve("mdt") + ";WRITE_DELAY=500");
    try (var files = Files.list(dir)) {
      assertEquals(java.util.List.of(script), files.toList(), "no database was created");
    }
  }

  @Test
  void anH2FileUrlIsTheSameAsItsPath() throws Exception {
    String path = dir.resolve("mdt").toString();
    DatabaseLocation plain = of(path);
    for (String url :
        new String[] {
          "jdbc:h2:file:" + path, "jdbc:h2:" + path, "jdbc:h2:file:" + path + ".mv.db"
        }) {
      DatabaseLocation location = of(url);
      assertEquals(plain.jdbcUrl(false), location.jdbcUrl(false), url);
      assertEquals(plain.baseFile(), location.baseFile(), url);
    }
    assertEquals(
        of(System.getProperty("user.home") + "/mdt").baseFile(), of("jdbc:h2:~/mdt").baseFile());
    new Mdt(dir).ok("--db", "jdbc:h2:file:" + path, "init");
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("mdt.mv.db"))));
    assertFalse(Files.exists(dir.resolve("mdt.trace.db")));
  }

  @Test
  void otherKindsOfH2DatabaseAreRefused() {
    for (String url :
        new String[] {
          "jdbc:h2:mem:mdt",
          "jdbc:h2:tcp://localhost/~/mdt",
          "jdbc:h2:ssl://host/mdt",
          "jdbc:h2:zip:/tmp/a.zip!/mdt",
          "jdbc:h2:nio:/tmp/mdt",
          "jdbc:h2:split:/tmp/mdt",
          "jdbc:h2:file:",
          "jdbc:sqlite:/tmp/mdt"
        }) {
      refused(url);
    }
    assertOneLine(
        new Mdt(dir).run("--db", "jdbc:h2:mem:mdt", "team", "list"), 2, "not jdbc:h2:mem:mdt");
  }

  @Test
  void aPostgresqlUrlPassesThroughUntouched() {
    String url = "jdbc:postgresql://localhost:5432/mdt?ssl=true&sslmode=verify-full";
    assertEquals(url, of(url).jdbcUrl(false));
    assertEquals(null, of(url).baseFile());
  }
}
