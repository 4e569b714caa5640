package org.mdt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.pdf.PdfChecks;

/**
 * The layout every report PDF shares: headings kept with their tables, titles repeated, charts as
 * vectors.
 */
class PdfReportWriterTest {
  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  void aHeadingIsNeverAloneAtThePageFootAndASplitTableKeepsItsTitleAndColumnTitles()
      throws Exception {
    List<ReportDocument.Section> sections = new ArrayList<>();
    for (int s = 1; s <= 12; s++) {
      int rows = s == 6 ? 70 : 3 + s % 5; // section 6 spans pages
      sections.add(
          new ReportDocument.Section(
              "Section heading " + s,
              List.of("Measure " + s, "Count"),
              IntStream.range(0, rows)
                  .<List<Object>>mapToObj(r -> List.of("row " + r, r))
                  .toList()));
    }
    Path pdf = write(new ReportDocument("Layout check", "North MDT", "2025", sections, List.of()));

    List<String> pages = PdfChecks.numberedPages(pdf);
    assertTrue(pages.size() >= 3, "long enough to break tables: " + pages.size());
    Set<String> headings =
        sections.stream().map(ReportDocument.Section::heading).collect(Collectors.toSet());
    int titled = 0;
    for (String page : pages) {
      List<String> lines =
          page.lines()
              .map(String::strip)
              .filter(line -> !line.isEmpty())
              .filter(line -> !line.startsWith("Page "))
              .toList();
      String last = lines.get(lines.size() - 1);
      assertFalse(
          headings.stream().anyMatch(last::startsWith), "a page ends with the heading " + last);
      if (page.contains("Section heading 6") && page.contains("Measure 6")) {
        titled++;
      }
    }
    assertTrue(
        titled >= 2,
        "the split table's heading and column titles repeat on the page it continues on");
  }

  @Test
  void chartsAreVectorsInTheEmbeddedFontWithCountAxesInWholeNumbers() throws Exception {
    Map<String, Integer> perMonth = new LinkedHashMap<>();
    perMonth.put("Jan", 1);
    perMonth.put("Feb", 3);
    perMonth.put("Mar", 2);
    ReportDocument.Section section =
        new ReportDocument.Section(
            "Referrals",
            List.of("Month", "Children"),
            List.of(List.of("Jan", 1), List.of("Feb", 3), List.of("Mar", 2)),
            new ReportDocument.Chart("Children referred by month", "Children", perMonth));
    assertTrue(section.chart().counts());
    Path pdf =
        write(new ReportDocument("Chart check", "Łódź MDT", "2025", List.of(section), List.of()));

    String raw = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
    assertFalse(raw.contains("/Subtype/Image"), "no bitmap");
    assertTrue(raw.contains("/Subtype/Form"), "the chart is a form of vector drawing");
    PdfChecks.fontsEmbedded(pdf);
    String text = String.join("\n", PdfChecks.numberedPages(pdf));
    assertTrue(text.contains("Children referred by month"), "the chart's text is text: " + text);
    assertFalse(
        text.contains("0.5") || text.contains("2.5"), "no half children on the axis: " + text);
  }

  @Test
  void namesInEveryAlphabetAndAppendicesPrintInFull() throws Exception {
    List<String> cases = IntStream.range(0, 3000).mapToObj(i -> "25-" + (10000 + i)).toList();
    ReportDocument document =
        new ReportDocument(
            "Unicode check",
            "Zespół Łódź / Đội Hà Nội / Москва / 北京",
            "2025",
            List.of(
                new ReportDocument.Section(
                    "Agencies",
                    List.of("Agency", "Members"),
                    List.of(
                        List.of("Policja Łódź", 1),
                        List.of("Sở Y tế Hà Nội", 2),
                        List.of("Городская больница", 3),
                        List.of("مركز حسن", 4),
                        List.of("华人家庭服务中心", 5)))),
            List.of(new ReportDocument.Definition("Łódź", "a city")),
            List.of(new ReportDocument.Appendix("Appendix A: Cases", "All 3000 cases.", cases)));
    Path pdf = write(document);
    PdfChecks.fontsEmbedded(pdf);
    String text = PdfChecks.readable(String.join("\n", PdfChecks.numberedPages(pdf)));
    for (String name :
        List.of(
            "Zespół Łódź / Đội Hà Nội / Москва / 北京",
            "Policja Łódź",
            "Sở Y tế Hà Nội",
            "Городская больница",
            "华人家庭服务中心")) {
      assertTrue(text.contains(name), name + ":\n" + text.substring(0, 1000));
    }
    PdfChecks.containsRightToLeft(text, "مركز حسن");
    PdfChecks.assertPdfA2b(pdf); // the Arabic and CJK fonts, and an appendix
    for (String number : cases) {
      assertTrue(text.contains(number), number);
    }
  }

  private Path write(ReportDocument document) throws Exception {
    Path pdf = dir.resolve(document.title().replace(' ', '-') + ".pdf");
    List<String> warnings = new ArrayList<>();
    try (OutputStream out = Files.newOutputStream(pdf)) {
      PdfReportWriter.write(document, out, CREATED, warnings::add);
    }
    assertEquals(List.of(), warnings);
    return pdf;
  }
}
