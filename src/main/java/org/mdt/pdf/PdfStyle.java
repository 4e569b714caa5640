package org.mdt.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.util.List;

/** The look every mdt PDF shares (reports and agendas): fonts, page, running head, page numbers, tables. */
public final class PdfStyle {
  public static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
  public static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
  public static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
  public static final Font BODY_BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
  public static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8);

  private PdfStyle() {}

  /** A letter-size document. */
  public static Document document() {
    return new Document(PageSize.LETTER, 48, 48, 54, 54);
  }

  /**
   * The running head at the top and "Page N" at the bottom of every page, drawn by a page event so that no
   * page (the last one after an explicit new page included) goes without them.
   */
  public static void runningHead(PdfWriter writer, String runningHead) {
    writer.setPageEvent(new PdfPageEventHelper() {
      @Override
      public void onEndPage(PdfWriter pdf, Document document) {
        float centre = (document.left() + document.right()) / 2;
        ColumnText.showTextAligned(pdf.getDirectContent(), Element.ALIGN_CENTER, new Phrase(runningHead, SMALL),
            centre, document.top() + 20, 0);
        ColumnText.showTextAligned(pdf.getDirectContent(), Element.ALIGN_CENTER,
            new Phrase("Page " + pdf.getPageNumber(), SMALL), centre, document.bottom() - 24, 0);
      }
    });
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
