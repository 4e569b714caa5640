package org.mdt.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.util.List;

/**
 * The look every mdt PDF shares (reports and agendas): faces of the embedded fonts, the page,
 * tables. Text goes into cells, even a single line, because only there does OpenPDF order and join
 * right-to-left (Arabic) text.
 */
public final class PdfStyle {
  /** A size and weight of the embedded fonts. */
  public record Face(float size, boolean bold) {}

  public static final Face TITLE = new Face(16, true);
  public static final Face HEADING = new Face(12, true);
  public static final Face BODY = new Face(10, false);
  public static final Face BODY_BOLD = new Face(10, true);
  public static final Face SMALL = new Face(8, false);
  public static final Face SMALL_BOLD = new Face(8, true);

  /** Tables with more columns than this have their column titles in {@link #SMALL_BOLD}. */
  private static final int WIDE_TABLE = 6;

  private static final Color HEADER_FILL = new Color(0xe6, 0xe6, 0xe6);
  private static final float PADDING = 4;

  private PdfStyle() {}

  /** A letter-size document. */
  public static Document document() {
    return new Document(PageSize.LETTER, 48, 48, 54, 54);
  }

  /** {@code text} in {@code face}, each character in the first embedded font that has it. */
  public static Phrase phrase(String text, Face face) {
    return PdfFonts.phrase(text, face.size(), face.bold());
  }

  /** A line (or a paragraph) of text across the page, with {@code spaceBefore} points above it. */
  public static PdfPTable paragraph(String text, Face face, float spaceBefore) {
    return paragraph(phrase(text, face), spaceBefore);
  }

  /** A paragraph of runs in several faces (a term in bold, then its meaning). */
  public static PdfPTable paragraph(Phrase text, float spaceBefore) {
    PdfPTable line = new PdfPTable(1);
    line.setWidthPercentage(100);
    line.setSpacingBefore(spaceBefore);
    PdfPCell cell = textCell(text);
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setPadding(0);
    cell.setPaddingBottom(2);
    line.addCell(cell);
    return line;
  }

  /** A full-width table whose header row repeats on every page it spans. */
  public static PdfPTable table(float[] widths, List<String> titles) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    table.setSpacingBefore(4);
    addTitles(table, titles);
    return table;
  }

  /**
   * A table under its own heading. The heading is a header row: it repeats with the column titles
   * on every page the table spans, and OpenPDF starts a table only where its header rows and a
   * first row fit, so the heading is never left alone at the foot of a page.
   */
  public static PdfPTable titledTable(String heading, float[] widths, List<String> titles) {
    return titledTable(heading, widths, titles, new boolean[titles.size()]);
  }

  /**
   * {@link #titledTable(String, float[], List)} with the titles of number columns ({@code right})
   * to the right.
   */
  public static PdfPTable titledTable(
      String heading, float[] widths, List<String> titles, boolean[] right) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(2);
    table.setSpacingBefore(10);
    PdfPCell title = textCell(phrase(heading, HEADING));
    title.setColspan(widths.length);
    title.setBorder(Rectangle.NO_BORDER);
    title.setPaddingLeft(0);
    title.setPaddingBottom(6);
    table.addCell(title);
    Face titleFace =
        titles.size() > WIDE_TABLE ? SMALL_BOLD : BODY_BOLD; // so that a title word fits its column
    for (int c = 0; c < titles.size(); c++) {
      PdfPCell cell = titleCell(titles.get(c), titleFace);
      cell.setHorizontalAlignment(right[c] ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
      table.addCell(cell);
    }
    return table;
  }

  /** A body cell; numbers sit to the right. */
  public static PdfPCell cell(Object value) {
    return cell(value, value instanceof Number);
  }

  /** A body cell, its text to the right (numbers, shares) or to the left. */
  public static PdfPCell cell(Object value, boolean right) {
    PdfPCell cell = textCell(phrase(value == null ? "" : value.toString(), BODY));
    cell.setMinimumHeight(18);
    if (right) {
      cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
    }
    return cell;
  }

  private static void addTitles(PdfPTable table, List<String> titles) {
    titles.forEach(title -> table.addCell(titleCell(title, BODY_BOLD)));
  }

  private static PdfPCell titleCell(String title, Face face) {
    PdfPCell cell = textCell(phrase(title, face));
    cell.setBackgroundColor(HEADER_FILL);
    return cell;
  }

  /**
   * A padded cell that lays out mixed left-to-right and right-to-left text (joined Arabic among
   * Latin).
   */
  private static PdfPCell textCell(Phrase phrase) {
    PdfPCell cell = new PdfPCell(phrase);
    cell.setPadding(PADDING);
    cell.setPaddingTop(PADDING - 1);
    cell.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
    return cell;
  }
}
