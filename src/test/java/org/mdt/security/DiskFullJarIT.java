package org.mdt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.bench.ImportBenchmark;

/**
 * A database write that fails for lack of room ends as one line and exit 3, and the database still
 * opens with what it held. The child's file size is capped with {@code ulimit -f} (RLIMIT_FSIZE):
 * Java ignores SIGXFSZ, so the write fails with EFBIG ("File too large") as a full disk fails with
 * ENOSPC, along the same path through H2, and no mount (or root) is needed.
 */
class DiskFullJarIT {
  /** 3 MB in 1 KiB blocks: room for the empty database, not for the import. */
  private static final int FILE_SIZE_LIMIT_KB = 3000;

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run mdt(String limit, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jar =
        Path.of(System.getProperty("mdt.jar", "target/mdt.jar")).toAbsolutePath().toString();
    StringBuilder command =
        new StringBuilder(
            "ulimit -f "
                + limit
                + "; exec '"
                + java
                + "' -jar '"
                + jar
                + "' --db '"
                + dir.resolve("db/mdt")
                + "'");
    for (String arg : args) {
      command.append(" '").append(arg).append("'");
    }
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process =
        new ProcessBuilder("bash", "-c", command.toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(process.waitFor(300, TimeUnit.SECONDS), "mdt finished");
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void importOnAFullDiskIsOneLineAndChangesNothing() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for ulimit");
    Path small = dir.resolve("small.csv");
    ImportBenchmark.writeCsv(small, 20);
    Path big = dir.resolve("big.csv");
    ImportBenchmark.writeCsv(big, 60_000);
    assertEquals(0, mdt("unlimited", "init", "-q").code());
    assertEquals(0, mdt("unlimited", "team", "add", "North MDT", "-q").code());
    assertEquals(0, mdt("unlimited", "import", "roster", small.toString(), "-q").code());
    String before = mdt("unlimited", "case", "list", "--format", "csv").out();

    Run full = mdt(String.valueOf(FILE_SIZE_LIMIT_KB), "import", "roster", big.toString());

    assertEquals(3, full.code(), full.err());
    assertEquals(1, full.err().lines().count(), full.err());
    assertTrue(full.err().startsWith("mdt: cannot write database "), full.err());
    assertFalse(full.err().contains("Exception") || full.err().contains("at org."), full.err());
    Run after = mdt("unlimited", "case", "list", "--format", "csv");
    assertEquals(0, after.code(), after.err());
    assertEquals(before, after.out());
  }
}
