package org.mdt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;

/**
 * Issue 15 item 4: what an import reports, and leaves behind, when rows are rejected or the import
 * fails.
 */
class ImportOutcomeTest {
  @TempDir Path dir;

  /**
   * A rejected row is stored nowhere: its unknown words are not "stored as unknown", so not
   * counted.
   */
  @Test
  void warningsCountOnlyRowsThatWereStored() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT");
    Path roster =
        Files.writeString(
            dir.resolve("r.csv"),
            "case_number,referral_date,child_first_name,child_gender\n"
                + "W-1,2025-01-01,Ana,zzz\nW-2,not a date,Bo,qqq\n");
    Mdt.Result result = mdt.run("import", "roster", roster.toString(), "--format", "json");
    JsonNode summary = Json.parse(result.out());
    assertEquals(1, summary.path("rejected").asInt());
    assertEquals(1, summary.path("warnings").asInt(), result.err());
    assertFalse(result.err().contains("'qqq'"), result.err());
  }

  /**
   * The rejections found before an import failed describe rows of an import that stored nothing.
   */
  @Test
  void aFailedImportWritesNoRejectsFile() throws Exception {
    Path rejects = dir.resolve("rejects.csv");
    Mdt mdt =
        new Mdt(dir)
            .withTeam("North MDT")
            .importListener(
                (rowsRead, rowNumber) -> {
                  if (rowsRead == 2) {
                    throw new IllegalStateException("disk full");
                  }
                });
    Path roster =
        Files.writeString(
            dir.resolve("r.csv"),
            "case_number,referral_date,child_first_name\n"
                + ",2025-01-01,Ana\nF-2,2025-01-02,Bo\nF-3,2025-01-03,Cy\n");
    Mdt.Result failed =
        mdt.run("import", "roster", roster.toString(), "--rejects", rejects.toString());
    assertEquals(4, failed.code(), failed.err());
    assertFalse(Files.exists(rejects), "rejects of a failed import");
    try (var files = Files.list(dir)) {
      assertTrue(
          files.noneMatch(file -> file.getFileName().toString().contains("rejects")),
          "no temporary file");
    }
  }
}
