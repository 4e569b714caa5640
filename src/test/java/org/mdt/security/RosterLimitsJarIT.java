package org.mdt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile CSV roster in the smallest heap mdt is run with: a 10 MB header line of a million short
 * column names is refused with one short line and exit 3, not an out-of-memory or a 10 MB line on
 * stderr.
 */
class RosterLimitsJarIT {
  @TempDir Path dir;

  private record Run(int code, String err) {}

  private Run mdt(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                System.getProperty("mdt.jar", "target/mdt.jar"),
                "--db",
                dir.resolve("db/mdt").toString()));
    command.addAll(List.of(args));
    Path err = dir.resolve("err.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "mdt finished");
    return new Run(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void tenMegabyteHeaderInA256MegabyteHeap() throws Exception {
    Path roster = dir.resolve("header.csv");
    try (BufferedWriter out = Files.newBufferedWriter(roster, StandardCharsets.UTF_8)) {
      out.write("Case Number,Date Referred");
      for (int column = 0; column < 1_300_000; column++) { // about 10 MB
        out.write(",c" + column);
      }
      out.write("\n24-001,2026-01-05\n");
    }
    assertEquals(0, mdt("init", "-q").code());
    assertEquals(0, mdt("team", "add", "North MDT", "-q").code());
    Run run = mdt("import", "roster", roster.toString());
    assertEquals(3, run.code(), run.err());
    assertEquals("mdt: header.csv: row 1 is longer than 1 MiB\n", run.err());
  }
}
