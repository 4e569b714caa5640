package org.mdt.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.StyleSetter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a {@link ReportDocument} as xlsx (fastexcel): a sheet per section and one of definitions.
 * Text that a spreadsheet would take for a formula is a string cell with the quote-prefix style,
 * which Excel and LibreOffice never evaluate and which shows the text as written (no apostrophe in
 * the value). fastexcel has no quote-prefix style, leaves the styles without the default "Normal"
 * style and writes each sheet's {@code <dimension>} before its cells are known, so the zip is
 * finished here; its dates are set to {@code created} so that the same data gives the same bytes.
 */
public final class XlsxReportWriter {
  private static final Pattern CREATED =
      Pattern.compile("<dcterms:created xsi:type=\"dcterms:W3CDTF\">[^<]*");

  /**
   * fastexcel's text number format marks the cells that take the quote-prefix style: {@link
   * #quotePrefixed} adds it to every cell format with this number format.
   */
  private static final String QUOTED = "@";

  private static final Pattern QUOTED_FORMAT =
      Pattern.compile("<numFmt numFmtId=\"(\\d+)\" formatCode=\"@\"/>");
  private static final Pattern CELL_REFERENCE = Pattern.compile("<c r=\"([A-Z]+)(\\d+)\"");
  private static final Pattern DIMENSION = Pattern.compile("<dimension ref=\"[^\"]*\"/>");
  private static final String NORMAL_STYLE =
      "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\""
          + " builtinId=\"0\"/></cellStyles>";

  private XlsxReportWriter() {}

  public static void write(ReportDocument report, OutputStream out, Instant created)
      throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Workbook workbook = new Workbook(buffer, "mdt", "1.0");
    workbook.properties().setTitle(report.runningHead());
    for (ReportDocument.Section section : report.sections()) {
      Worksheet sheet = workbook.newWorksheet(section.heading());
      text(sheet, 0, 0, report.runningHead(), false);
      for (int c = 0; c < section.columns().size(); c++) {
        text(sheet, 2, c, section.columns().get(c), true);
      }
      int r = 3;
      for (List<Object> row : section.rows()) {
        for (int c = 0; c < row.size(); c++) {
          Object value = row.get(c);
          if (value instanceof Number number) {
            sheet.value(r, c, number);
          } else if (value != null) {
            text(sheet, r, c, value.toString(), false);
          }
        }
        r++;
      }
    }
    Worksheet definitions = workbook.newWorksheet("Definitions");
    int r = 0;
    for (ReportDocument.Definition definition : report.definitions()) {
      text(definitions, r, 0, definition.term(), false);
      text(definitions, r++, 1, definition.meaning(), false);
    }
    workbook.finish();
    reproducible(buffer.toByteArray(), out, created);
  }

  /**
   * A text cell, bold or not; text a spreadsheet would run as a formula gets the quote-prefix
   * style.
   */
  private static void text(Worksheet sheet, int row, int column, String text, boolean bold) {
    sheet.value(row, column, text);
    boolean quoted = SpreadsheetText.formulaLike(text);
    if (bold || quoted) {
      StyleSetter style = sheet.style(row, column);
      if (bold) {
        style = style.bold();
      }
      if (quoted) {
        style = style.format(QUOTED);
      }
      style.set();
    }
  }

  /**
   * Rewrites the zip with every entry time and the document's creation date set to {@code created}.
   */
  private static void reproducible(byte[] xlsx, OutputStream out, Instant created)
      throws IOException {
    FileTime time = FileTime.from(created);
    // commons-compress reads the central directory: fastexcel's streamed entries confuse
    // ZipInputStream.
    try (ZipFile in =
            ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get();
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipArchiveEntry entry : java.util.Collections.list(in.getEntriesInPhysicalOrder())) {
        byte[] content;
        try (java.io.InputStream stream = in.getInputStream(entry)) {
          content = stream.readAllBytes();
        }
        content = finished(entry.getName(), content, created);
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setLastModifiedTime(time);
        zip.putNextEntry(copy);
        zip.write(content);
        zip.closeEntry();
      }
    }
  }

  /**
   * An entry as fastexcel wrote it, with the creation date, the styles and the sheets' dimensions
   * made right.
   */
  private static byte[] finished(String name, byte[] content, Instant created) {
    String xml = new String(content, StandardCharsets.UTF_8);
    if (name.equals("docProps/core.xml")) {
      xml =
          CREATED
              .matcher(xml)
              .replaceFirst(
                  "<dcterms:created xsi:type=\"dcterms:W3CDTF\">"
                      + created.toString().replaceAll("\\.\\d+Z$", "Z"));
    } else if (name.equals("xl/styles.xml")) {
      xml = quotePrefixed(xml);
      if (!xml.contains("<cellStyles")) {
        xml = xml.replace("</cellXfs>", "</cellXfs>" + NORMAL_STYLE);
      }
    } else if (name.startsWith("xl/worksheets/sheet") && name.endsWith(".xml")) {
      xml = DIMENSION.matcher(xml).replaceFirst("<dimension ref=\"" + dimension(xml) + "\"/>");
    } else {
      return content;
    }
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  /** The styles with the quote-prefix flag on every cell format that has the text number format. */
  private static String quotePrefixed(String styles) {
    Matcher format = QUOTED_FORMAT.matcher(styles);
    if (!format.find()) {
      return styles;
    }
    String numberFormat = "numFmtId=\"" + format.group(1) + "\"";
    return styles.replace("<xf " + numberFormat, "<xf quotePrefix=\"1\" " + numberFormat);
  }

  /**
   * The range from the first to the last cell of a sheet ("A1" when it has none), as Excel writes
   * it.
   */
  static String dimension(String sheet) {
    int firstRow = Integer.MAX_VALUE;
    int lastRow = 0;
    int firstColumn = Integer.MAX_VALUE;
    int lastColumn = 0;
    Matcher cell = CELL_REFERENCE.matcher(sheet);
    while (cell.find()) {
      int column = columnNumber(cell.group(1));
      int row = Integer.parseInt(cell.group(2));
      firstRow = Math.min(firstRow, row);
      lastRow = Math.max(lastRow, row);
      firstColumn = Math.min(firstColumn, column);
      lastColumn = Math.max(lastColumn, column);
    }
    if (lastRow == 0) {
      return "A1";
    }
    String first = columnName(firstColumn) + firstRow;
    String last = columnName(lastColumn) + lastRow;
    return first.equals(last) ? first : first + ":" + last;
  }

  private static int columnNumber(String name) {
    int number = 0;
    for (char letter : name.toCharArray()) {
      number = number * 26 + letter - 'A' + 1;
    }
    return number;
  }

  private static String columnName(int number) {
    StringBuilder name = new StringBuilder();
    for (int n = number; n > 0; n = (n - 1) / 26) {
      name.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return name.toString();
  }
}
