package org.mdt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;

/**
 * The shaded jar run as a user runs it: a separate java process, its own stdout, stderr and exit
 * code.
 */
class MdtJarIT {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Path jar = Path.of(System.getProperty("mdt.jar", "target/mdt.jar"));

  private Run mdt(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile());
    builder.environment().put("MDT_DB", dir.resolve("db").resolve("mdt").toString());
    Process process = builder.start();
    process.getOutputStream().close();
    assertTrue(
        process.waitFor(60, TimeUnit.SECONDS), "mdt " + String.join(" ", args) + " finished");
    return new Run(
        process.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void theMainJobFromTheJar() throws Exception {
    Run version = mdt("--version");
    assertEquals(0, version.code());
    assertTrue(version.out().startsWith("mdt "), version.out());

    assertEquals(0, mdt("init", "-q").code());
    assertEquals(0, mdt("team", "add", "Example MDT").code());
    Run imported =
        mdt(
            "import",
            "roster",
            "examples/roster-county2-2025.xlsx",
            "--mapping",
            "examples/county2.mapping.json",
            "--format",
            "json");
    assertEquals(0, imported.code(), imported.err());
    assertEquals(401, Json.parse(imported.out()).path("inserted").asInt());

    Run nca = mdt("report", "nca", "--period", "2025H2", "--format", "json");
    assertEquals(0, nca.code(), nca.err());
    JsonNode report = Json.parse(nca.out());
    assertEquals(194, report.path("newChildren").asInt());
    assertEquals("", nca.err(), "nothing but the JSON");

    Run wrong = mdt("report", "nca", "--period", "2025H3");
    assertEquals(2, wrong.code());
    assertEquals("", wrong.out());
    assertEquals(1, wrong.err().lines().count(), wrong.err());
  }

  /**
   * The recorded outcome of the same file again holds for the build that recorded it only: every
   * build so far has had the same version, and another one's rules could differ (DESIGN 3.11).
   */
  @Test
  void anotherBuildReadsTheRowsOfTheSameFileAgain() throws Exception {
    jar = Files.copy(jar, dir.resolve("mdt.jar"));
    assertEquals(0, mdt("init", "-q").code());
    assertEquals(0, mdt("team", "add", "Example MDT").code());
    String[] importAgain = {
      "import",
      "roster",
      "examples/roster-county2-2025.xlsx",
      "--mapping",
      "examples/county2.mapping.json",
      "--format",
      "json"
    };
    assertEquals(0, mdt(importAgain).code());
    Run replayed = mdt(importAgain);
    assertTrue(replayed.err().contains("the same file as import 1,"), replayed.err());

    // the jar rebuilt: the same size, another time
    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
    Run read = mdt(importAgain);
    assertEquals(0, read.code(), read.err());
    assertFalse(read.err().contains("the same file as import"), read.err());
    assertEquals(replayed.out(), read.out());
  }
}
