package org.mdt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Mdt;

/**
 * Commands that only read open the database read-only: the file is not rewritten when they close it
 * (H2 would otherwise store and compact it, a third of a list command's time).
 */
class ReadOnlyCommandsTest {
  @TempDir Path dir;

  @Test
  void readingLeavesTheFileAsItWas() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("Example MDT");
    mdt.ok(
        "import",
        "roster",
        "examples/roster-county2-2025.xlsx",
        "--mapping",
        "examples/county2.mapping.json",
        "-q");
    mdt.ok("member", "add", "--name", "Pat Example", "--agency", "PD", "--discipline", "police");
    mdt.ok("followup", "add", "25-1007", "--owner", "Pat Example", "--action", "Call back");
    Path file = dir.resolve("mdt.mv.db");
    byte[] before = Files.readAllBytes(file);

    mdt.ok("team", "list");
    mdt.ok("member", "list");
    mdt.ok("case", "list");
    mdt.ok("case", "show", "25-1007");
    mdt.ok("followup", "list");
    mdt.ok("followup", "history", "1");
    mdt.ok("review", "list");
    mdt.ok("audit");
    mdt.ok("audit", "verify");
    mdt.ok("settings", "show");
    mdt.ok("report", "nca", "--period", "2025H2");
    assertEquals(
        1, mdt.run("case", "show", "00-0000").code(), "a failed read writes nothing either");

    assertArrayEquals(before, Files.readAllBytes(file));
    mdt.ok("team", "add", "North MDT");
  }
}
