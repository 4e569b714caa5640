package org.mdt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.bench.ImportBenchmark;

/**
 * Real processes on one database file: an import killed with SIGKILL at several points leaves a
 * database that opens, reads whole and holds all or none of the file; a report run during an import
 * either fails at once with "database in use" or waits and then sees the whole import.
 */
class CrashAndConcurrencyJarIT {
  private static final int ROWS = 150_000;
  @TempDir static Path shared;
  private static Path roster;
  @TempDir Path dir;

  @BeforeAll
  static void roster() throws IOException {
    roster = shared.resolve("roster.csv");
    ImportBenchmark.writeCsv(roster, ROWS);
  }

  /** A running mdt process and the files its output goes to. */
  private record Started(Process process, Path out, Path err) {
    Run finish() throws Exception {
      assertTrue(process.waitFor(300, TimeUnit.SECONDS), "mdt finished");
      return new Run(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    }
  }

  private record Run(int code, String out, String err) {}

  private Started start(Path db, String lockWait, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("mdt.jar", "target/mdt.jar"),
                "--db",
                db.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("MDT_LOCK_WAIT", lockWait);
    return new Started(builder.start(), out, err);
  }

  private Run run(Path db, String lockWait, String... args) throws Exception {
    return start(db, lockWait, args).finish();
  }

  private Path freshDatabase(String name) throws Exception {
    Path db = dir.resolve(name).resolve("mdt");
    assertEquals(0, run(db, "0", "init", "-q").code());
    assertEquals(0, run(db, "0", "team", "add", "Crash MDT", "-q").code());
    return db;
  }

  private static long children(Path db) throws Exception {
    try (Connection connection =
            DriverManager.getConnection("jdbc:h2:file:" + db + ";IFEXISTS=TRUE", "sa", "");
        ResultSet rs =
            connection.createStatement().executeQuery("SELECT COUNT(*) FROM case_child")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Where in a whole import's time the later kills land: halfway, and in its last seconds, where H2
   * commits the large transaction and compacts the file. A kill while H2 committed once left part
   * of the import committed (7,000 to 97,405 of 150,000 rows), before imports went to a copy of the
   * file. That window is about a tenth of the import, and a kill lands in it only now and then; the
   * {@code fuzz} profile (which CI runs) sweeps the last fifth in small steps.
   */
  private static final double[] KILL_AT = {0.5, 0.75, 0.88};

  private static final double[] FULL_KILL_AT = {
    0.5, 0.8, 0.82, 0.84, 0.86, 0.88, 0.9, 0.92, 0.94, 0.96, 0.98
  };

  @Test
  void anImportKilledAtAnyPointLeavesAllOrNoneOfTheFile() throws Exception {
    List<String> outcomes = new ArrayList<>();
    Path first = freshDatabase("first");
    outcomes.add(killAndCheck(first, 1_000));
    assertEquals(2, fileNames(first.getParent()).size(), "the file and a killed import's copy");

    // The next import removes the copy the killed one left beside the file, and goes through.
    long started = System.nanoTime();
    Run imported = run(first, "0", "import", "roster", roster.toString());
    long wholeMillis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(0, imported.code(), imported.err());
    assertEquals(ROWS, children(first));
    assertEquals(List.of(first.getFileName() + ".mv.db"), fileNames(first.getParent()));
    // A large import leaves the file compacted: H2 would keep the free space of the big
    // transaction.
    assertTrue(
        imported.err().contains("compacted the database after a large import"), imported.err());
    long size = Files.size(Path.of(first + ".mv.db"));
    assertTrue(size < 64L << 20, "the file holds " + ROWS + " rows in " + (size >> 20) + " MB");

    for (double fraction : Boolean.getBoolean("mdt.fuzz.full") ? FULL_KILL_AT : KILL_AT) {
      long delay = Math.round(wholeMillis * fraction);
      outcomes.add(killAndCheck(freshDatabase("kill-" + delay), delay));
    }
    System.out.println("kill -9 during an import of " + wholeMillis + " ms: " + outcomes);
  }

  /**
   * Starts an import, kills it after {@code delay} ms unless it has finished, and checks that the
   * database opens, reads whole and holds all or none of the file.
   */
  private String killAndCheck(Path db, long delay) throws Exception {
    Process importing = start(db, "0", "import", "roster", roster.toString(), "-q").process();
    boolean finished = importing.waitFor(delay, TimeUnit.MILLISECONDS);
    if (!finished) {
      importing.destroyForcibly(); // SIGKILL: no shutdown hook, no close
      assertTrue(importing.waitFor(30, TimeUnit.SECONDS));
    }
    Run check = run(db, "0", "backup", dir.resolve("check-" + delay + ".bak").toString());
    assertEquals(
        0,
        check.code(),
        "after a kill at " + delay + " ms the database opens and reads whole: " + check.err());
    long count = children(db);
    assertTrue(
        count == 0 || count == ROWS,
        "after a kill at " + delay + " ms: " + count + " of " + ROWS + " rows");
    return delay + " ms: " + (finished ? "finished" : "killed") + ", " + count + " rows";
  }

  private static List<String> fileNames(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aReportDuringAnImportFailsClearlyOrWaitsForAllOfIt() throws Exception {
    Path db = freshDatabase("concurrent");
    Started importing = start(db, "0", "import", "roster", roster.toString(), "-q");
    Thread.sleep(2_000);
    assertTrue(importing.process().isAlive(), "the import is still running");
    Run impatient = run(db, "0", "report", "nca", "--period", "2024H1", "--format", "json");
    Started patient = start(db, "300", "report", "nca", "--period", "2024H1", "--format", "json");
    assertEquals(0, importing.finish().code());
    Run waited = patient.finish();
    Run after = run(db, "0", "report", "nca", "--period", "2024H1", "--format", "json");

    assertEquals(3, impatient.code());
    assertEquals("", impatient.out());
    assertTrue(
        impatient.err().startsWith("mdt: database in use by another process"), impatient.err());
    assertEquals(0, waited.code(), waited.err());
    JsonNode report = Json.parse(waited.out());
    assertEquals(Json.parse(after.out()), report, "the waiting report saw the whole import");
    assertTrue(report.path("newChildren").asInt() > 1000);
  }
}
