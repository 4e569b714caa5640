package org.mdt.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a {@link ReportDocument} as xlsx (fastexcel): a sheet per section and one of definitions. Text
 * that a spreadsheet would take for a formula is neutralised, and the file's dates are set to
 * {@code created} so that the same data gives the same bytes.
 */
public final class XlsxReportWriter {
  private static final Pattern CREATED = Pattern.compile("<dcterms:created xsi:type=\"dcterms:W3CDTF\">[^<]*");

  private XlsxReportWriter() {}

  public static void write(ReportDocument report, OutputStream out, Instant created) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Workbook workbook = new Workbook(buffer, "mdt", "1.0");
    workbook.properties().setTitle(report.runningHead());
    for (ReportDocument.Section section : report.sections()) {
      Worksheet sheet = workbook.newWorksheet(section.heading());
      sheet.value(0, 0, SpreadsheetText.neutralised(report.runningHead()));
      for (int c = 0; c < section.columns().size(); c++) {
        sheet.value(2, c, SpreadsheetText.neutralised(section.columns().get(c)));
        sheet.style(2, c).bold().set();
      }
      int r = 3;
      for (List<Object> row : section.rows()) {
        for (int c = 0; c < row.size(); c++) {
          Object value = row.get(c);
          if (value instanceof Number number) {
            sheet.value(r, c, number);
          } else if (value != null) {
            sheet.value(r, c, SpreadsheetText.neutralised(value.toString()));
          }
        }
        r++;
      }
    }
    Worksheet definitions = workbook.newWorksheet("Definitions");
    int r = 0;
    for (ReportDocument.Definition definition : report.definitions()) {
      definitions.value(r, 0, SpreadsheetText.neutralised(definition.term()));
      definitions.value(r++, 1, SpreadsheetText.neutralised(definition.meaning()));
    }
    workbook.finish();
    reproducible(buffer.toByteArray(), out, created);
  }

  /** Rewrites the zip with every entry time and the document's creation date set to {@code created}. */
  private static void reproducible(byte[] xlsx, OutputStream out, Instant created) throws IOException {
    FileTime time = FileTime.from(created);
    // commons-compress reads the central directory: fastexcel's streamed entries confuse ZipInputStream.
    try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get();
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipArchiveEntry entry : java.util.Collections.list(in.getEntriesInPhysicalOrder())) {
        byte[] content;
        try (java.io.InputStream stream = in.getInputStream(entry)) {
          content = stream.readAllBytes();
        }
        if (entry.getName().equals("docProps/core.xml")) {
          content = CREATED.matcher(new String(content, StandardCharsets.UTF_8))
              .replaceFirst("<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + created.toString().replaceAll("\\.\\d+Z$", "Z"))
              .getBytes(StandardCharsets.UTF_8);
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setLastModifiedTime(time);
        zip.putNextEntry(copy);
        zip.write(content);
        zip.closeEntry();
      }
    }
  }
}
