package org.mdt.report;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.List;

/** The look every mdt PDF shares (reports and agendas): fonts, page, running head, page numbers, tables. */
public final class PdfStyle {
  public static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
  public static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
  public static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
  public static final Font BODY_BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
  public static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8);

  private PdfStyle() {}

  /** A letter page with the running head at the top and "Page N" at the bottom of every page. */
  public static Document document(String runningHead) {
    Document document = new Document(PageSize.LETTER, 48, 48, 54, 54);
    HeaderFooter header = new HeaderFooter(new Phrase(runningHead, SMALL), false);
    header.setAlignment(Element.ALIGN_CENTER);
    document.setHeader(header);
    HeaderFooter footer = new HeaderFooter(new Phrase("Page ", SMALL), true);
    footer.setAlignment(Element.ALIGN_CENTER);
    document.setFooter(footer);
    return document;
  }

  /** A full-width table whose header row repeats on every page it spans. */
  public static PdfPTable table(float[] widths, List<String> titles) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    table.setSpacingBefore(4);
    for (String title : titles) {
      PdfPCell cell = new PdfPCell(new Phrase(title, HEADING));
      cell.setGrayFill(0.9f);
      table.addCell(cell);
    }
    return table;
  }

  /** A body cell; numbers sit to the right. */
  public static PdfPCell cell(Object value) {
    PdfPCell cell = new PdfPCell(new Phrase(value == null ? "" : value.toString(), BODY));
    cell.setMinimumHeight(18);
    if (value instanceof Number) {
      cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
    }
    return cell;
  }
}
