package org.mdt.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Mdt;
import org.mdt.Pdfs;

/**
 * The PDFs in examples/reports are what {@code mdt demo} writes today (compared as text: the
 * charts' bytes may differ between machines' font rasterisers), and every kind of PDF mdt writes
 * (the agenda and each report) is PDF/A-2b by veraPDF, each kind validated once (6-11 s a file).
 * After a change to the PDFs, regenerate them with {@code mvn -o test -Dtest=ExamplesUpToDateTest
 * -Dmdt.examples.update=true}.
 */
class ExamplesUpToDateTest {
  private static final Path EXAMPLES = Path.of("examples", "reports");
  private static final List<String> PDFS =
      List.of(
          "agenda-2025-01-07.pdf",
          "nca-2025H1.pdf",
          "voca-FY2025Q2.pdf",
          "monthly-2025-06.pdf",
          "accreditation-2025.pdf");

  @TempDir Path dir;

  @Test
  void examplesAreWhatTheDemoWritesAndEveryKindIsPdfA2b() throws Exception {
    Path demo = dir.resolve("demo");
    new Mdt(dir).env("SOURCE_DATE_EPOCH", "1767225600").ok("demo", "--out", demo.toString());
    boolean update = Boolean.getBoolean("mdt.examples.update");
    for (String name : PDFS) {
      Path written = demo.resolve(name);
      if (update) {
        Files.copy(written, EXAMPLES.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
      assertEquals(
          Pdfs.text(EXAMPLES.resolve(name)),
          Pdfs.text(written),
          name
              + " is out of date: regenerate"
              + " with mvn -o test -Dtest=ExamplesUpToDateTest -Dmdt.examples.update=true");
      PdfChecks.numberedPages(written);
      PdfChecks.fontsEmbedded(written);
      PdfChecks.assertPdfA2b(written);
    }
  }
}
