package org.mdt.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;
import org.mdt.Pdfs;
import org.mdt.SharedData;
import org.mdt.codes.Codes;

/**
 * Report files: every --out format read back, reproducible bytes, private files, nothing
 * identifying.
 */
class ReportOutputTest {
  private static final String ROSTER = "county-2025-cp1252.csv";
  @TempDir Path dir;
  private Mdt mdt;
  private JsonNode truth;

  @BeforeEach
  void data() {
    mdt = new Mdt(dir).withTeam("North MDT").env("SOURCE_DATE_EPOCH", "1767225600");
    mdt.ok("import", "roster", SharedData.file(ROSTER).toString());
    truth = Json.read(SharedData.file("county-2025-cp1252.truth.json")).path("nca").path("2025H1");
  }

  private Path nca(String name) {
    Path out = dir.resolve(name);
    Mdt.Result result = mdt.run("report", "nca", "--period", "2025H1", "--out", out.toString());
    assertEquals(0, result.code(), result.err());
    assertEquals("", result.out(), "with --out, nothing on stdout");
    return out;
  }

  @Test
  void jsonAndCsvFilesMatchStdout() throws Exception {
    assertEquals(
        Json.parse(mdt.ok("report", "nca", "--period", "2025H1", "--format", "json")),
        Json.read(nca("nca.json")));
    // a CSV file is for a spreadsheet: a byte-order mark and CRLF around the same rows
    assertEquals(
        "\uFEFF"
            + mdt.ok("report", "nca", "--period", "2025H1", "--format", "csv")
                .replace("\n", "\r\n"),
        Files.readString(nca("nca.csv")));
  }

  @Test
  void xlsxHoldsTheTruthNumbers() throws Exception {
    Map<String, Map<String, BigDecimal>> sheets = new HashMap<>();
    try (ReadableWorkbook workbook = new ReadableWorkbook(nca("nca.xlsx").toFile())) {
      for (Sheet sheet : workbook.getSheets().toList()) {
        Map<String, BigDecimal> values = new HashMap<>();
        for (Row row : sheet.read()) {
          if (row.getCellCount() >= 2
              && row.getCell(1) != null
              && row.getCell(1).getType() == org.dhatim.fastexcel.reader.CellType.NUMBER) {
            values.put(row.getCellText(0), row.getCellAsNumber(1).get());
          }
        }
        sheets.put(sheet.getName(), values);
      }
    }
    assertEquals(
        truth.path("newChildren").asInt(),
        sheets.get("New children").get("New children").intValue());
    truth
        .path("gender")
        .fields()
        .forEachRemaining(
            e ->
                assertEquals(
                    e.getValue().asInt(),
                    sheets.get("Gender").get(Codes.label(e.getKey())).intValue(),
                    e.getKey()));
    truth
        .path("abuseTypes")
        .fields()
        .forEachRemaining(
            e ->
                assertEquals(
                    e.getValue().asInt(),
                    sheets.get("Abuse types").get(Codes.label(e.getKey())).intValue(),
                    e.getKey()));
    assertTrue(sheets.containsKey("Definitions"));
  }

  @Test
  void pdfHasHeadingsFiguresDefinitionsAndNoChild() throws Exception {
    Path pdf = nca("nca.pdf");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pdf)));
    StringBuilder text = new StringBuilder();
    List<String> pages = Pdfs.pages(pdf);
    for (int page = 1; page <= pages.size(); page++) {
      String pageText = pages.get(page - 1);
      assertTrue(
          pageText.contains(
              "NCA semi-annual statistics 2025H1 - All teams - 2025-01-01 to 2025-06-30"),
          "page " + page + " names the report, team and period");
      assertTrue(pageText.contains("Page " + page), "page " + page + " is numbered");
      text.append(pageText).append('\n');
    }
    String all = text.toString();
    for (String heading :
        List.of(
            "New children",
            "Gender",
            "Age at first contact",
            "Race and ethnicity",
            "Abuse types",
            "Alleged offender's relationship",
            "Alleged offender's age",
            "Services",
            "Definitions")) {
      assertTrue(all.contains(heading), heading);
    }
    String squeezed =
        all.replaceAll("\\s+", ""); // cells come out with or without a space between them
    assertTrue(squeezed.contains("Newchildren" + truth.path("newChildren").asInt()), all);
    assertTrue(
        squeezed.contains("Female" + truth.path("gender").path("female").asInt()),
        all); // labels, not codes
    List<String> lines =
        Files.readAllLines(SharedData.file(ROSTER), Charset.forName("windows-1252"));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      for (String identifying : List.of(cells[3], cells[4], cells[5])) { // first, last, DOB
        if (identifying.length() >= 4) {
          assertFalse(all.contains(identifying), "the report shows '" + identifying + "'");
        }
      }
    }
  }

  @Test
  void theSameDataGivesTheSameBytes() throws Exception {
    for (String extension : List.of("pdf", "xlsx", "csv", "json")) {
      byte[] first = Files.readAllBytes(nca("first." + extension));
      Thread.sleep(1100); // a second later: any wall-clock time in the file would now differ
      assertArrayEquals(first, Files.readAllBytes(nca("second." + extension)), extension);
    }
  }

  @Test
  void badOutputsFailWithoutLeavingAFile() {
    Mdt.Result extension =
        mdt.run("report", "nca", "--period", "2025H1", "--out", dir.resolve("nca.docx").toString());
    assertEquals(2, extension.code());
    Path nowhere = dir.resolve("missing-folder").resolve("nca.pdf");
    Mdt.Result folder = mdt.run("report", "nca", "--period", "2025H1", "--out", nowhere.toString());
    assertEquals(3, folder.code());
    assertEquals(1, folder.errLines().length, folder.err());
    assertFalse(Files.exists(nowhere));
  }
}
