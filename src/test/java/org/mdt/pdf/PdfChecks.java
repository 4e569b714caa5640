package org.mdt.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.stream.Collectors;
import org.mdt.Pdfs;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * What every mdt PDF must be, read back through OpenPDF: fonts embedded, pages numbered "Page N of
 * M".
 */
public final class PdfChecks {
  private PdfChecks() {}

  /**
   * Every font of the file, those of the charts' forms included, has its font program in the file.
   */
  public static void fontsEmbedded(Path pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf.toString());
    try {
      int fonts = 0;
      for (int i = 1; i < reader.getXrefSize(); i++) {
        PdfObject object = reader.getPdfObject(i);
        if (object instanceof PdfDictionary font
            && PdfName.FONT.equals(font.getAsName(PdfName.TYPE))
            && !PdfName.TYPE0.equals(font.getAsName(PdfName.SUBTYPE))) {
          fonts++;
          PdfDictionary descriptor = font.getAsDict(PdfName.FONTDESCRIPTOR);
          assertNotNull(
              descriptor, pdf + ": font " + font.get(PdfName.BASEFONT) + " has no descriptor");
          assertTrue(
              descriptor.contains(PdfName.FONTFILE2)
                  || descriptor.contains(PdfName.FONTFILE)
                  || descriptor.contains(PdfName.FONTFILE3),
              pdf + ": font " + font.get(PdfName.BASEFONT) + " not embedded");
        }
      }
      assertTrue(fonts > 0, pdf + " has fonts");
    } finally {
      reader.close();
    }
  }

  /** Each page ends with "Page N of M", M the page count; returns the pages' text. */
  public static List<String> numberedPages(Path pdf) throws IOException {
    List<String> pages = Pdfs.pages(pdf);
    for (int page = 1; page <= pages.size(); page++) {
      assertTrue(
          pages.get(page - 1).contains("Page " + page + " of " + pages.size()),
          pdf + " page " + page + ":\n" + pages.get(page - 1));
    }
    return pages;
  }

  /**
   * The text as a reader sees it, compatibility forms folded (Arabic is extracted in its joined
   * presentation forms) and runs of spaces made one.
   */
  public static String readable(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", " ");
  }

  /**
   * An Arabic name is read back in the order it is drawn, right to left, or in its own order
   * (choose a name without the lam-alef ligature, which folds back in reading order).
   */
  public static void containsRightToLeft(String text, String name) {
    String reversed = new StringBuilder(name).reverse().toString();
    assertTrue(
        text.contains(name) || text.contains(reversed),
        "lacks " + name + ":\n" + text.substring(0, Math.min(2000, text.length())));
  }

  static void assertOnePage(List<String> pages) {
    assertEquals(1, pages.size(), String.join("\n----\n", pages));
  }

  /** veraPDF finds {@code pdf} PDF/A-2b compliant (6-11 s: once per kind of PDF). */
  public static void assertPdfA2b(Path pdf) throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    try (InputStream in = Files.newInputStream(pdf);
        PDFAParser parser = Foundries.defaultInstance().createParser(in);
        PDFAValidator validator =
            Foundries.defaultInstance().createValidator(PDFAFlavour.fromString("2b"), false)) {
      ValidationResult result = validator.validate(parser);
      assertTrue(
          result.isCompliant(),
          pdf.getFileName()
              + " is not PDF/A-2b: "
              + result.getTestAssertions().stream()
                  .filter(
                      a -> a.getStatus() != org.verapdf.pdfa.results.TestAssertion.Status.PASSED)
                  .map(
                      a ->
                          a.getRuleId().getClause()
                              + "-"
                              + a.getRuleId().getTestNumber()
                              + " "
                              + a.getMessage())
                  .distinct()
                  .limit(10)
                  .collect(Collectors.joining("; ")));
    }
  }
}
