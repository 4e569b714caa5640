package org.mdt.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/** Writes a {@link ReportDocument} as PDF: running head and page numbers on every page, definitions last. */
public final class PdfReportWriter {
  private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
  private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
  private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
  private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8);

  private PdfReportWriter() {}

  /** The trailer's file identifier, which OpenPDF makes from the clock and memory. */
  private static final Pattern FILE_ID = Pattern.compile("/ID \\[<([0-9a-f]{32})><([0-9a-f]{32})>\\]");

  /**
   * {@code created} is the document's date (SOURCE_DATE_EPOCH when set); with it, the same report gives
   * the same bytes: the file identifier becomes a digest of the content instead of a random one.
   */
  public static void write(ReportDocument report, OutputStream out, Instant created) throws IOException {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    Document document = new Document(PageSize.LETTER, 48, 48, 54, 54);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, pdf);
      Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      calendar.setTimeInMillis(created.toEpochMilli());
      document.addTitle(report.runningHead());
      document.addCreator("mdt");
      document.addModificationDate(new PdfDate(calendar));
      HeaderFooter header = new HeaderFooter(new Phrase(report.runningHead(), SMALL), false);
      header.setAlignment(Element.ALIGN_CENTER);
      document.setHeader(header);
      HeaderFooter footer = new HeaderFooter(new Phrase("Page ", SMALL), true);
      footer.setAlignment(Element.ALIGN_CENTER);
      document.setFooter(footer);
      document.open();
      writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(calendar)); // Document's own would say "now"

      document.add(new Paragraph(report.title(), TITLE));
      document.add(new Paragraph("Team: " + report.team(), BODY));
      document.add(new Paragraph("Period: " + report.period(), BODY));
      for (ReportDocument.Section section : report.sections()) {
        document.add(new Paragraph(" ", BODY));
        document.add(new Paragraph(section.heading(), HEADING));
        document.add(table(section));
      }
      document.newPage();
      document.add(new Paragraph("Definitions", HEADING));
      for (ReportDocument.Definition definition : report.definitions()) {
        Paragraph paragraph = new Paragraph();
        paragraph.add(new Phrase(definition.term() + ": ", FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10)));
        paragraph.add(new Phrase(definition.meaning(), BODY));
        paragraph.setSpacingBefore(4);
        document.add(paragraph);
      }
    } catch (DocumentException e) {
      throw new IllegalStateException("report PDF could not be written", e);
    } finally {
      document.close();
    }
    out.write(withContentId(pdf.toByteArray()));
  }

  /** Replaces the random file identifier with an MD5 of everything else, of the same length. */
  private static byte[] withContentId(byte[] pdf) {
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    Matcher id = FILE_ID.matcher(text);
    if (!id.find()) {
      return pdf;
    }
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(pdf, 0, id.start());
      md5.update(pdf, id.end(), pdf.length - id.end());
      String digest = HexFormat.of().formatHex(md5.digest());
      return (text.substring(0, id.start()) + "/ID [<" + digest + "><" + digest + ">]" + text.substring(id.end()))
          .getBytes(StandardCharsets.ISO_8859_1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  private static PdfPTable table(ReportDocument.Section section) {
    PdfPTable table = new PdfPTable(section.columns().size());
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    table.setSpacingBefore(4);
    for (String column : section.columns()) {
      PdfPCell cell = new PdfPCell(new Phrase(column, HEADING));
      cell.setGrayFill(0.9f);
      table.addCell(cell);
    }
    for (java.util.List<Object> row : section.rows()) {
      for (Object value : row) {
        PdfPCell cell = new PdfPCell(new Phrase(value == null ? "" : value.toString(), BODY));
        if (value instanceof Number) {
          cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        table.addCell(cell);
      }
    }
    return table;
  }
}
