package org.mdt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Mdt;
import org.mdt.SharedData;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Spreadsheet files as Excel and LibreOffice open them: formula-like text is a quote-prefixed
 * string cell (shown as written, never run), every workbook has its default style and each sheet
 * its real extent, and a CSV file has a byte-order mark and CRLF while CSV on stdout stays plain
 * for pipes.
 */
class SpreadsheetFilesTest {
  private static final String LINK = "=HYPERLINK(\"http://x.example\",\"open\")";
  @TempDir Path dir;

  @Test
  void formulaLikeTextIsAQuotePrefixedStringCellWithoutAnApostrophe() throws Exception {
    ReportDocument report =
        new ReportDocument(
            "Test report",
            LINK,
            "2025H1",
            List.of(
                new ReportDocument.Section(
                    "Shortfalls",
                    List.of("Category", "-count"),
                    List.of(
                        List.<Object>of("-", 3),
                        Arrays.<Object>asList("@SUM(A1)", null),
                        List.<Object>of("+1 plain", 2),
                        List.<Object>of("plain", -4),
                        List.<Object>of(LINK, 1)))),
            List.of(new ReportDocument.Definition("=term", "what it means")));
    Path xlsx = dir.resolve("report.xlsx");
    try (OutputStream out = Files.newOutputStream(xlsx)) {
      XlsxReportWriter.write(report, out, Instant.parse("2026-01-01T00:00:00Z"));
    }

    Map<String, String> values = new HashMap<>();
    try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx.toFile())) {
      for (Row row : workbook.getFirstSheet().read()) {
        for (Cell cell : row) {
          if (cell != null && cell.getType() != CellType.EMPTY) {
            values.put(cell.getAddress().toString(), cell.getType() + " " + cell.getText());
          }
        }
      }
    }
    assertEquals("STRING Test report - " + LINK + " - 2025H1", values.get("A1"));
    assertEquals("STRING " + LINK, values.get("A8"), "shown as written, and never run");
    assertEquals("STRING -count", values.get("B3"));
    assertEquals("STRING -", values.get("A4"), "a dash for no data reads as a dash, not '-");
    assertEquals("STRING @SUM(A1)", values.get("A5"));
    assertEquals("STRING +1 plain", values.get("A6"));
    assertEquals("NUMBER -4", values.get("B7"), "numbers stay numbers");

    List<Element> formats = elements(xml(xlsx, "xl/styles.xml"), "cellXfs", "xf");
    Map<String, Element> cells = cells(xml(xlsx, "xl/worksheets/sheet1.xml"));
    for (String quoted : List.of("B3", "A4", "A5", "A6", "A8")) {
      Element format = formats.get(Integer.parseInt(cells.get(quoted).getAttribute("s")));
      assertEquals("1", format.getAttribute("quotePrefix"), quoted + " has the quote-prefix style");
      assertEquals("s", cells.get(quoted).getAttribute("t"), quoted + " is a string cell");
    }
    Element plain = cells.get("A7");
    assertTrue(
        plain.getAttribute("s").isEmpty()
            || formats
                .get(Integer.parseInt(plain.getAttribute("s")))
                .getAttribute("quotePrefix")
                .isEmpty(),
        "plain text");
    Element bold = formats.get(Integer.parseInt(cells.get("B3").getAttribute("s")));
    assertFalse(
        bold.getAttribute("fontId").equals(formats.get(0).getAttribute("fontId")),
        "the header stays bold");
    Map<String, Element> definitions = cells(xml(xlsx, "xl/worksheets/sheet2.xml"));
    assertEquals(
        "1",
        formats
            .get(Integer.parseInt(definitions.get("A1").getAttribute("s")))
            .getAttribute("quotePrefix"));
  }

  @Test
  void everyWorkbookHasADefaultStyleAndEachSheetItsExtent() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT");
    mdt.ok("import", "roster", SharedData.file("county-2025-cp1252.csv").toString());
    Path xlsx = dir.resolve("nca.xlsx");
    mdt.ok("report", "nca", "--period", "2025H1", "--out", xlsx.toString());

    Document styles = xml(xlsx, "xl/styles.xml");
    List<Element> normal = elements(styles, "cellStyles", "cellStyle");
    assertEquals(1, normal.size(), "one named cell style");
    assertEquals("Normal", normal.get(0).getAttribute("name"));
    assertEquals("0", normal.get(0).getAttribute("builtinId"));
    int sheets = 0;
    try (ZipFile zip = new ZipFile(xlsx.toFile())) {
      for (ZipEntry entry : zip.stream().toList()) {
        if (!entry.getName().startsWith("xl/worksheets/sheet")) {
          continue;
        }
        sheets++;
        Document sheet = xml(xlsx, entry.getName());
        String dimension =
            ((Element) sheet.getElementsByTagName("dimension").item(0)).getAttribute("ref");
        assertEquals(extent(cells(sheet).keySet()), dimension, entry.getName());
        assertTrue(
            dimension.startsWith("A1:"), entry.getName() + " has more than one cell: " + dimension);
      }
    }
    assertTrue(sheets > 5, "a sheet per section and the definitions");
  }

  @Test
  void csvFilesHaveAByteOrderMarkAndCrlfButStdoutStaysPlain() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("Équipe Wójcik").env("SOURCE_DATE_EPOCH", "1767225600");
    mdt.ok("team", "add", "+South MDT"); // a name a spreadsheet would take for a formula
    mdt.ok(
        "import",
        "roster",
        SharedData.file("county-2025-cp1252.csv").toString(),
        "--team",
        "Équipe Wójcik");
    mdt.ok(
        "import",
        "roster",
        Files.writeString(
                dir.resolve("south.csv"),
                String.join(
                    "\n",
                    "case_number,referral_date,child_first_name,child_last_name,child_dob",
                    "S-1,2025-02-03,Quinn,Oakley,2015-01-01",
                    "S-2,2025-02-10,Reed,Parks,2012-01-01"))
            .toString(),
        "--team",
        "+South MDT");
    List<String> export = List.of("export", "evaluation", "--from", "2025-01", "--to", "2025-03");
    String stdout = mdt.ok(concat(export, "--format", "csv"));
    Path csv = dir.resolve("evaluation.csv");
    mdt.ok(concat(export, "--out", csv.toString()));

    byte[] bytes = Files.readAllBytes(csv);
    assertEquals(
        "efbbbf",
        String.format("%02x%02x%02x", bytes[0], bytes[1], bytes[2]),
        "a UTF-8 byte-order mark");
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertTrue(text.endsWith("\r\n"), "the last row ends too");
    assertFalse(
        text.replace("\r\n", "").contains("\n") || text.replace("\r\n", "").contains("\r"),
        "only CRLF");
    assertEquals(stdout, text.replace("\r\n", "\n"), "the same rows as on stdout");
    assertTrue(text.contains("Équipe Wójcik"), "names in UTF-8");
    assertTrue(text.contains("'+South MDT,"), "formula-like cells are still neutralised");

    assertFalse(stdout.startsWith("\uFEFF"), "no byte-order mark on stdout");
    assertFalse(stdout.contains("\r"), "LF on stdout");
  }

  private static String[] concat(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /** The range Excel writes as a sheet's dimension: the first cell to the last. */
  private static String extent(Iterable<String> references) {
    int lastRow = 0;
    String lastColumn = "A";
    for (String reference : references) {
      String column = reference.replaceAll("\\d", "");
      lastRow = Math.max(lastRow, Integer.parseInt(reference.replaceAll("\\D", "")));
      if (column.length() > lastColumn.length()
          || column.length() == lastColumn.length() && column.compareTo(lastColumn) > 0) {
        lastColumn = column;
      }
    }
    return "A1:" + lastColumn + lastRow;
  }

  private static Document xml(Path xlsx, String entry) throws Exception {
    try (ZipFile zip = new ZipFile(xlsx.toFile())) {
      byte[] content = zip.getInputStream(zip.getEntry(entry)).readAllBytes();
      return DocumentBuilderFactory.newInstance()
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(content));
    }
  }

  /** The {@code child} elements inside the first {@code parent} element. */
  private static List<Element> elements(Document document, String parent, String child) {
    NodeList parents = document.getElementsByTagName(parent);
    List<Element> elements = new ArrayList<>();
    if (parents.getLength() > 0) {
      NodeList children = ((Element) parents.item(0)).getElementsByTagName(child);
      for (int i = 0; i < children.getLength(); i++) {
        elements.add((Element) children.item(i));
      }
    }
    return elements;
  }

  private static Map<String, Element> cells(Document sheet) {
    Map<String, Element> cells = new HashMap<>();
    NodeList list = sheet.getElementsByTagName("c");
    for (int i = 0; i < list.getLength(); i++) {
      Element cell = (Element) list.item(i);
      cells.put(cell.getAttribute("r"), cell);
    }
    return cells;
  }
}
