package org.mdt.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;
import org.mdt.SharedData;

/**
 * Files that are not what they claim, or are built to hurt, end with exit 3 and one clear line on
 * stderr within seconds: never a hang, an out-of-memory or a stack trace.
 */
class HostileFilesTest {
  @TempDir Path dir;
  private Mdt mdt;

  @BeforeEach
  void database() {
    mdt = new Mdt(dir).withTeam("North MDT");
  }

  private void refused(Path file, String expected) {
    Mdt.Result result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> mdt.run("import", "roster", file.toString()));
    assertEquals(3, result.code(), result.err());
    assertEquals("", result.out());
    assertEquals(1, result.errLines().length, result.err());
    assertTrue(result.err().contains(expected), "expected '" + expected + "' in: " + result.err());
    assertEquals("[ ]", mdt.ok("case", "list", "--format", "json").trim(), "nothing was imported");
  }

  /** Refused as one short line: a quoted header or cell never floods the terminal. */
  private void refusedBriefly(Path file, String expected) {
    refused(file, expected);
    assertTrue(
        mdt.run("import", "roster", file.toString()).err().length() < 400, "stderr is short");
  }

  @Test
  void csvHeaderLineOfTenMegabytes() throws IOException {
    Path huge = dir.resolve("huge-header.csv");
    try (var out = Files.newBufferedWriter(huge, StandardCharsets.UTF_8)) {
      out.write("Case Number,Date Referred,");
      out.write("x".repeat(10 << 20));
      out.write("\n24-001,2026-01-05,note\n");
    }
    refusedBriefly(huge, "huge-header.csv: row 1 is longer than 1 MiB");
  }

  @Test
  void csvOfAMillionColumns() throws IOException {
    Path wide = dir.resolve("wide.csv");
    Files.writeString(
        wide, "Case Number,Date Referred" + ",".repeat(999_998) + "\n24-001,2026-01-05\n");
    refusedBriefly(wide, "wide.csv: row 1 has 1,000,000 columns; a roster has at most 1,000");
  }

  @Test
  void aLongUnknownWordIsQuotedShort() throws IOException {
    Path roster = dir.resolve("long-word.csv");
    Files.writeString(
        roster,
        "Case Number,Date Referred,Gender,"
            + "Extra Column ".repeat(30)
            + "\n"
            + "24-001,2026-01-05,"
            + "girlish".repeat(10_000)
            + ",x\n");
    Mdt.Result result = mdt.run("import", "roster", roster.toString());
    assertEquals(0, result.code(), result.err());
    assertTrue(
        result.err().contains("girlish".repeat(20).substring(0, 100) + "...'"), result.err());
    assertTrue(result.err().length() < 1_000, result.err());
  }

  @Test
  void xlsxCellBeyondTheLastColumn() throws IOException {
    Path far = dir.resolve("far.xlsx");
    String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    String relations = "http://schemas.openxmlformats.org/package/2006/relationships";
    String documents = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put(
        "[Content_Types].xml",
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
            + ".spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\""
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
    entries.put(
        "_rels/.rels",
        "<Relationships xmlns=\""
            + relations
            + "\"><Relationship Id=\"rId1\" Type=\""
            + documents
            + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    entries.put(
        "xl/workbook.xml",
        "<workbook xmlns=\""
            + main
            + "\" xmlns:r=\""
            + documents
            + "\"><sheets>"
            + "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    entries.put(
        "xl/_rels/workbook.xml.rels",
        "<Relationships xmlns=\""
            + relations
            + "\"><Relationship Id=\"rId1\""
            + " Type=\""
            + documents
            + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
    // one cell at column ZZZZZZ, some 321 million columns in
    entries.put(
        "xl/worksheets/sheet1.xml",
        "<worksheet xmlns=\""
            + main
            + "\"><sheetData><row r=\"1\">"
            + "<c r=\"A1\" t=\"inlineStr\"><is><t>Case #</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Date Referred"
            + "</t></is></c><c r=\"ZZZZZZ1\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(far))) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    refusedBriefly(far, "far.xlsx: xl/worksheets/sheet1.xml has a cell beyond column XFD");
  }

  @Test
  void zipBombXlsx() throws IOException {
    Path bomb = dir.resolve("bomb.xlsx");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 256; i++) { // 256 MiB of XML that compresses about a thousand times
        zip.write(spaces);
      }
      zip.closeEntry();
    }
    assertTrue(Files.size(bomb) < 2_000_000, "the bomb is small on disk");
    refused(bomb, "looks like a zip bomb");
  }

  @Test
  void passwordProtectedXlsx() throws Exception {
    Path encrypted = dir.resolve("locked.xlsx");
    byte[] plain = Files.readAllBytes(SharedData.file("county2-2025.xlsx"));
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.standard);
      Encryptor encryptor = info.getEncryptor();
      encryptor.confirmPassword("secret");
      try (OutputStream out = encryptor.getDataStream(fs)) {
        out.write(plain);
      }
      try (OutputStream file = Files.newOutputStream(encrypted)) {
        fs.writeFilesystem(file);
      }
    }
    refused(encrypted, "is password-protected");
  }

  @Test
  void passwordProtectedXls() throws Exception {
    Path encrypted = dir.resolve("locked.xls");
    Biff8EncryptionKey.setCurrentUserPassword("secret");
    try (HSSFWorkbook workbook = new HSSFWorkbook();
        OutputStream out = Files.newOutputStream(encrypted)) {
      var row = workbook.createSheet("Roster").createRow(0);
      row.createCell(0).setCellValue("Case #");
      row.createCell(1).setCellValue("Date Referred");
      workbook.write(out);
    } finally {
      Biff8EncryptionKey.setCurrentUserPassword(null);
    }
    refused(encrypted, "is password-protected");
  }

  @Test
  void textFileRenamedXlsx() throws IOException {
    Path renamed =
        RosterFiles.csv(dir.resolve("roster.xlsx"), "case_number,referral_date", "A-1,2025-01-01");
    refused(renamed, "is not an Excel workbook");
  }

  @Test
  void emptyFiles() throws IOException {
    refused(Files.createFile(dir.resolve("empty.csv")), "is empty");
    refused(Files.createFile(dir.resolve("empty.xlsx")), "is empty");
  }

  @Test
  void csvWithNoHeaderRow() {
    refused(
        RosterFiles.csv(dir.resolve("noheader.csv"), "A-1,2025-01-01,Ana", "A-2,2025-01-02,Ben"),
        "no header row found");
  }

  @Test
  void truncatedXlsx() throws IOException {
    byte[] whole = Files.readAllBytes(SharedData.file("county-2025.xlsx"));
    Path truncated =
        Files.write(dir.resolve("cut.xlsx"), java.util.Arrays.copyOf(whole, whole.length / 2));
    refused(truncated, "damaged or truncated");
  }

  @Test
  void randomBytes() throws IOException {
    byte[] noise = new byte[100_000];
    new Random(42).nextBytes(noise);
    noise[10] = 0;
    refused(Files.write(dir.resolve("noise.csv"), noise), "binary data");
  }

  @Test
  void bytesThatAreNeitherUtf8NorWindows1252() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write("case_number,referral_date\nA-1,2025-01-01,".getBytes(StandardCharsets.US_ASCII));
    bytes.write(0x81); // undefined in Windows-1252, and not UTF-8 on its own
    refused(
        Files.write(dir.resolve("odd.csv"), bytes.toByteArray()), "neither UTF-8 nor Windows-1252");
  }

  @Test
  void missingFile() {
    refused(dir.resolve("nowhere.xlsx"), "no such file");
  }

  @Test
  void everyTextEncodingExcelWritesIsRead() {
    List<String> lines = List.of("Case #;Child Last;Date Referred", "E-1;Núñez;2025-01-01");
    String text = String.join("\r\n", lines) + "\r\n";
    for (var entry :
        java.util.Map.of(
                "utf8.csv", text.getBytes(StandardCharsets.UTF_8),
                "bom.csv", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8),
                "utf16.csv", text.getBytes(StandardCharsets.UTF_16),
                "cp1252.csv", text.getBytes(java.nio.charset.Charset.forName("windows-1252")))
            .entrySet()) {
      Path file = dir.resolve(entry.getKey());
      try {
        Files.write(file, entry.getValue());
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      Mdt fresh = new Mdt(dir.resolve(entry.getKey() + ".db")).withTeam("T");
      fresh.ok("import", "roster", file.toString());
      assertEquals(
          "Núñez",
          Json.parse(fresh.ok("case", "show", "E-1", "--format", "json"))
              .path("children")
              .get(0)
              .path("childLastName")
              .asText(),
          entry.getKey());
    }
  }

  @Test
  void legacyXlsImportsLikeAnyOtherRoster() throws IOException {
    Path xls = dir.resolve("old.xls");
    try (HSSFWorkbook workbook = new HSSFWorkbook();
        OutputStream out = Files.newOutputStream(xls)) {
      var sheet = workbook.createSheet("Roster");
      sheet.createRow(0).createCell(0).setCellValue("Old System Export");
      var header = sheet.createRow(2);
      String[] titles = {"Case #", "Date Referred", "DOB", "Offender Age"};
      for (int i = 0; i < titles.length; i++) {
        header.createCell(i).setCellValue(titles[i]);
      }
      var row = sheet.createRow(3);
      row.createCell(0).setCellValue(251001); // numeric case number
      row.createCell(1).setCellValue(45720); // serial date 2025-03-04
      row.createCell(2).setCellValue("7/8/2016");
      row.createCell(3).setCellValue(35.0);
      workbook.write(out);
    }
    mdt.ok("import", "roster", xls.toString());
    var shown =
        Json.parse(mdt.ok("case", "show", "251001", "--format", "json")).path("children").get(0);
    assertEquals("2025-03-04", shown.path("referralDate").asText());
    assertEquals("2016-07-08", shown.path("childDob").asText());
    assertEquals(35, shown.path("offenderAge").asInt());
  }
}
