package org.mdt.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;

/**
 * A workbook saved by a tool that does not calculate holds formulas with no value. mdt never
 * evaluates a formula: the cell is left blank, and each one is a warning and counted in the
 * summary, never silent.
 */
class FormulaCellsTest {
  @TempDir Path dir;

  @Test
  void aFormulaWithoutAValueIsLeftBlankWithAWarningAndCounted() throws Exception {
    Path file = dir.resolve("partner.xlsx");
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook workbook = new Workbook(out, "mdt-test", "1.0");
      Worksheet ws = workbook.newWorksheet("Cases");
      String[] header = {
        "case_number", "referral_date", "child_first_name", "child_last_name", "referral_source"
      };
      for (int c = 0; c < header.length; c++) {
        ws.value(0, c, header[c]);
      }
      ws.value(1, 0, "F-1");
      ws.value(1, 1, "2026-03-02");
      ws.value(1, 2, "Ada");
      ws.formula(
          1, 3, "UPPER(\"lovelace\")"); // fastexcel writes the formula without a cached value
      ws.value(2, 0, "F-2");
      ws.value(2, 1, "2026-03-03");
      ws.value(2, 2, "Bea");
      ws.value(2, 3, "Quill");
      ws.formula(2, 4, "\"law_enforcement\"");
      workbook.finish();
    }
    Mdt mdt = new Mdt(dir).withTeam("North MDT");
    Mdt.Result imported = mdt.run("import", "roster", file.toString(), "--format", "json");
    assertEquals(0, imported.code(), imported.err());
    JsonNode summary = Json.parse(imported.out());
    assertEquals(2, summary.path("inserted").asInt());
    assertEquals(2, summary.path("formulasWithoutValue").asInt(), imported.out());
    assertTrue(summary.path("warnings").asInt() >= 2, imported.out());
    assertTrue(
        imported.err().contains("row 2, child_last_name: formula with no value; left blank"),
        imported.err());
    assertTrue(imported.err().contains("formula with no value; left blank"), imported.err());
    assertTrue(
        imported.err().contains("row 3, referral_source: formula with no value"), imported.err());

    JsonNode shown = Json.parse(mdt.ok("case", "show", "F-1", "--format", "json"));
    assertTrue(
        shown.toString().contains("Ada") && !shown.toString().toLowerCase().contains("lovelace"),
        shown.toString());
  }
}
