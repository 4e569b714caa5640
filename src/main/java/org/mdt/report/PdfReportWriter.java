package org.mdt.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Image;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.mdt.pdf.PdfFile;
import org.mdt.pdf.PdfStyle;

/**
 * Writes a {@link ReportDocument} as a PDF/A-2b file (see {@link PdfFile}): each section's heading
 * and table kept together with its chart drawn as vectors beneath, then the definitions and the
 * appendices.
 */
public final class PdfReportWriter {
  /** A cell that reads as a number: a count, a decimal, a percentage, or "-" for none. */
  private static final Pattern NUMBER = Pattern.compile("-|-?\\d[\\d,]*(\\.\\d+)?%?");

  private static final float CHART_HEIGHT = 230;

  /** Characters beyond which a column's text wraps rather than widening it. */
  private static final int WIDEST_COLUMN = 36;

  /**
   * Appendix items per paragraph: a paragraph moves to the next page whole, so a long list goes in
   * pieces.
   */
  private static final int ITEMS_PER_PARAGRAPH = 100;

  private PdfReportWriter() {}

  /**
   * {@code created} is the document's date (SOURCE_DATE_EPOCH when set); with it, the same report
   * gives the same bytes. A character no embedded font has is named to {@code warnings}.
   */
  public static void write(
      ReportDocument report, OutputStream out, Instant created, Consumer<String> warnings)
      throws IOException {
    PdfFile.Info info =
        new PdfFile.Info(report.title(), report.team(), report.runningHead(), created);
    PdfFile.write(
        info,
        out,
        warnings,
        (document, writer) -> {
          document.add(PdfStyle.paragraph(report.title(), PdfStyle.TITLE, 0));
          document.add(PdfStyle.paragraph("Team: " + report.team(), PdfStyle.BODY, 4));
          document.add(PdfStyle.paragraph("Period: " + report.period(), PdfStyle.BODY, 0));
          for (ReportDocument.Section section : report.sections()) {
            document.add(table(section));
            if (section.chart() != null) {
              document.add(chart(section.chart(), document, writer));
            }
          }
          document.newPage();
          document.add(PdfStyle.paragraph("Definitions", PdfStyle.HEADING, 0));
          for (ReportDocument.Definition definition : report.definitions()) {
            Phrase text = PdfStyle.phrase(definition.term() + ": ", PdfStyle.BODY_BOLD);
            text.add(PdfStyle.phrase(definition.meaning(), PdfStyle.BODY));
            document.add(PdfStyle.paragraph(text, 4));
          }
          for (ReportDocument.Appendix appendix : report.appendices()) {
            appendix(appendix, document);
          }
        });
  }

  private static PdfPTable table(ReportDocument.Section section) {
    int columns = section.columns().size();
    float[] widths = new float[columns];
    for (int c = 0; c < columns; c++) {
      widths[c] = width(section, c);
    }
    boolean[] right = new boolean[columns];
    for (int c = 0; c < columns; c++) {
      right[c] = numeric(section.rows(), c);
    }
    PdfPTable table = PdfStyle.titledTable(section.heading(), widths, section.columns(), right);
    for (List<Object> row : section.rows()) {
      for (int c = 0; c < row.size(); c++) {
        table.addCell(PdfStyle.cell(row.get(c), right[c]));
      }
    }
    return table;
  }

  /**
   * A column's share of the page: its longest text up to a cap (longer text wraps), and never
   * narrower than the longest word of its title, so that no title breaks inside a word.
   */
  private static float width(ReportDocument.Section section, int column) {
    int longestWord =
        Arrays.stream(section.columns().get(column).split(" "))
            .mapToInt(String::length)
            .max()
            .orElse(1);
    int longestText =
        section.rows().stream()
            .mapToInt(row -> String.valueOf(row.get(column)).length())
            .max()
            .orElse(1);
    return Math.max(longestWord, Math.min(longestText, WIDEST_COLUMN) + 3);
  }

  /**
   * A column of numbers (text such as "12.5%" or "3.0" included) sits to the right, "-" for none
   * among them.
   */
  private static boolean numeric(List<List<Object>> rows, int column) {
    boolean anyNumber = false;
    for (List<Object> row : rows) {
      Object value = row.get(column);
      boolean number =
          value instanceof Number || value != null && NUMBER.matcher(value.toString()).matches();
      if (!number) {
        return false;
      }
      anyNumber |= !"-".equals(String.valueOf(value));
    }
    return anyNumber;
  }

  private static Image chart(ReportDocument.Chart chart, Document document, PdfWriter writer)
      throws DocumentException {
    Image image = BarCharts.draw(chart, writer, document.right() - document.left(), CHART_HEIGHT);
    image.setSpacingBefore(8);
    return image;
  }

  private static void appendix(ReportDocument.Appendix appendix, Document document)
      throws DocumentException {
    document.newPage();
    document.add(PdfStyle.paragraph(appendix.title(), PdfStyle.HEADING, 0));
    document.add(PdfStyle.paragraph(appendix.introduction(), PdfStyle.BODY, 4));
    List<String> items = appendix.items();
    for (int from = 0; from < items.size(); from += ITEMS_PER_PARAGRAPH) {
      List<String> piece = items.subList(from, Math.min(items.size(), from + ITEMS_PER_PARAGRAPH));
      String text = String.join(", ", piece) + (from + piece.size() < items.size() ? "," : "");
      document.add(PdfStyle.paragraph(text, PdfStyle.BODY, from == 0 ? 6 : 0));
    }
  }
}
