package org.mdt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.bench.ImportBenchmark;

/**
 * Ctrl-C (SIGINT) sent to a real mdt process in the middle of an import: the import is cancelled,
 * not the JVM killed under H2: one line "mdt: cancelled", exit 130, nothing imported, no rejects
 * file and no temporary file left, and the database opens and works afterwards.
 */
class CtrlCJarIT {
  @TempDir Path dir;

  private ProcessBuilder mdt(Path db, Path out, Path err, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("mdt.jar", "target/mdt.jar"),
                "--db",
                db.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
  }

  private int run(Path db, String... args) throws Exception {
    Process process = mdt(db, dir.resolve("o.txt"), dir.resolve("e.txt"), args).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS));
    return process.exitValue();
  }

  @Test
  void ctrlCDuringAnImportCancelsItCleanly() throws Exception {
    Path roster = dir.resolve("roster.csv");
    ImportBenchmark.writeCsv(roster, 150_000);
    Path db = dir.resolve("db").resolve("mdt");
    assertEquals(0, run(db, "init", "-q"));
    assertEquals(0, run(db, "team", "add", "North MDT", "-q"));

    Path out = dir.resolve("import.out");
    Path err = dir.resolve("import.err");
    Path rejects = dir.resolve("rejects.csv");
    Process importing =
        mdt(db, out, err, "import", "roster", roster.toString(), "--rejects", rejects.toString())
            .start();
    Thread.sleep(3_000); // started, reading rows: 150,000 rows take far longer than this
    assertTrue(importing.isAlive(), "the import is still running");
    assertEquals(
        0, new ProcessBuilder("kill", "-INT", Long.toString(importing.pid())).start().waitFor());
    assertTrue(importing.waitFor(60, TimeUnit.SECONDS), "Ctrl-C stopped the import");

    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertEquals(130, importing.exitValue(), stderr);
    assertEquals("mdt: cancelled", stderr.strip(), "one line, no H2 error about a closed database");
    assertEquals("", Files.readString(out, StandardCharsets.UTF_8));
    assertFalse(Files.exists(rejects), "no rejects file from a cancelled import");
    try (Stream<Path> left = Files.list(dir)) {
      assertTrue(
          left.noneMatch(p -> p.getFileName().toString().endsWith(".partial")),
          "no temporary file");
    }
    try (Connection connection =
            DriverManager.getConnection("jdbc:h2:file:" + db + ";IFEXISTS=TRUE", "sa", "");
        ResultSet rs =
            connection.createStatement().executeQuery("SELECT COUNT(*) FROM case_child")) {
      rs.next();
      assertEquals(0, rs.getLong(1), "the import's transaction rolled back");
    }
    assertEquals(
        0, run(db, "audit", "verify", "-q"), "the database opens and its audit chain holds");
  }
}
