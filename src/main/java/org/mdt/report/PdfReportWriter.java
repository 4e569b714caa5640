package org.mdt.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfName;
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
import org.mdt.pdf.PdfStyle;

/** Writes a {@link ReportDocument} as PDF: running head and page numbers on every page, definitions last. */
public final class PdfReportWriter {
  private PdfReportWriter() {}

  /** The trailer's file identifier, which OpenPDF makes from the clock and memory. */
  private static final Pattern FILE_ID = Pattern.compile("/ID \\[<([0-9a-f]{32})><([0-9a-f]{32})>\\]");

  /**
   * {@code created} is the document's date (SOURCE_DATE_EPOCH when set); with it, the same report gives
   * the same bytes: the file identifier becomes a digest of the content instead of a random one.
   */
  public static void write(ReportDocument report, OutputStream out, Instant created) throws IOException {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    Document document = PdfStyle.document();
    try {
      PdfWriter writer = PdfWriter.getInstance(document, pdf);
      PdfStyle.runningHead(writer, report.runningHead());
      Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      calendar.setTimeInMillis(created.toEpochMilli());
      document.addTitle(report.runningHead());
      document.addCreator("mdt");
      document.addModificationDate(new PdfDate(calendar));
      document.open();
      writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(calendar)); // Document's own would say "now"

      document.add(new Paragraph(report.title(), PdfStyle.TITLE));
      document.add(new Paragraph("Team: " + report.team(), PdfStyle.BODY));
      document.add(new Paragraph("Period: " + report.period(), PdfStyle.BODY));
      for (ReportDocument.Section section : report.sections()) {
        document.add(new Paragraph(" ", PdfStyle.BODY));
        document.add(new Paragraph(section.heading(), PdfStyle.HEADING));
        document.add(table(section));
        if (section.chart() != null) {
          com.lowagie.text.Image image = com.lowagie.text.Image.getInstance(BarCharts.png(section.chart()));
          image.scaleToFit(document.right() - document.left(), 240);
          document.add(image);
        }
      }
      document.newPage();
      document.add(new Paragraph("Definitions", PdfStyle.HEADING));
      for (ReportDocument.Definition definition : report.definitions()) {
        Paragraph paragraph = new Paragraph();
        paragraph.add(new Phrase(definition.term() + ": ", PdfStyle.BODY_BOLD));
        paragraph.add(new Phrase(definition.meaning(), PdfStyle.BODY));
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
    float[] widths = new float[section.columns().size()];
    java.util.Arrays.fill(widths, 1f);
    PdfPTable table = PdfStyle.table(widths, section.columns());
    for (java.util.List<Object> row : section.rows()) {
      row.forEach(value -> table.addCell(PdfStyle.cell(value)));
    }
    return table;
  }

}
