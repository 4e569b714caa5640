package org.mdt;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a PDF back as its reader would: the text of each page, with OpenPDF's extractor. */
public final class Pdfs {
  private Pdfs() {}

  public static List<String> pages(Path pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf.toString());
    try {
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      List<String> pages = new ArrayList<>();
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        pages.add(extractor.getTextFromPage(page));
      }
      return pages;
    } finally {
      reader.close();
    }
  }

  public static String text(Path pdf) throws IOException {
    return String.join("\n", pages(pdf));
  }
}
