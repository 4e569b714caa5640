package org.mdt.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Mdt;

/**
 * The agenda PDF prints every alphabet's names, has no page of empty sign-in rows, and is
 * reproducible.
 */
class AgendaPdfTest {
  private static final String ARABIC = "محمد حسن";

  @TempDir Path dir;
  private Mdt mdt;

  @BeforeEach
  void team() {
    mdt = new Mdt(dir).withTeam("Zespół Łódź MDT");
    mdt.ok(
        "member",
        "add",
        "--name",
        "Łukasz Wójcik",
        "--discipline",
        "police",
        "--agency",
        "Policja Łódź");
    mdt.ok(
        "member",
        "add",
        "--name",
        "Nguyễn Thị Hương",
        "--discipline",
        "DCF",
        "--agency",
        "Sở Y tế");
    mdt.ok(
        "member",
        "add",
        "--name",
        "Ольга Петрова",
        "--discipline",
        "medical",
        "--agency",
        "Городская больница");
    mdt.ok("member", "add", "--name", ARABIC, "--discipline", "advocate", "--agency", "مركز حسن");
    mdt.ok("member", "add", "--name", "王小明", "--discipline", "therapist", "--agency", "华人家庭服务中心");
    mdt.ok(
        "review",
        "schedule",
        "--from",
        "2026-12-01",
        "--to",
        "2026-12-01",
        "--rule",
        "weekly:TUE",
        "--location",
        "Sala 2, ul. Piotrkowska");
  }

  @Test
  void namesInEveryAlphabetAreReadBackFromThePdf() throws Exception {
    Path pdf = dir.resolve("agenda.pdf");
    Mdt.Result result = mdt.run("review", "agenda", "1", "--out", pdf.toString());
    assertEquals(0, result.code(), result.err());
    assertFalse(result.err().contains("warning"), result.err());
    List<String> pages = PdfChecks.numberedPages(pdf);
    assertEquals(
        2,
        pages.size(),
        "the agenda and one page of sign-in: no page for a discipline without members");
    String text = PdfChecks.readable(String.join("\n", pages));
    for (String name :
        List.of(
            "Zespół Łódź MDT",
            "Łukasz Wójcik",
            "Policja Łódź",
            "Nguyễn Thị Hương",
            "Sở Y tế",
            "Ольга Петрова",
            "Городская больница",
            "王小明",
            "华人家庭服务中心",
            "Sala 2, ul. Piotrkowska",
            "Law enforcement",
            "Child protective services")) {
      assertTrue(text.contains(name), "agenda PDF lacks " + name + ":\n" + text);
    }
    PdfChecks.containsRightToLeft(text, ARABIC);
    assertFalse(text.contains("Prosecution"), "no sign-in block for a discipline without members");
    PdfChecks.fontsEmbedded(pdf);
  }

  @Test
  void aCharacterNoFontHasIsWarnedAboutAndPrintedAsAQuestionMark() throws Exception {
    mdt.ok(
        "member",
        "add",
        "--name",
        "Ada \uD800\uDF30 Gothic",
        "--discipline",
        "CAC",
        "--agency",
        "CAC");
    Path pdf = dir.resolve("agenda.pdf");
    Mdt.Result result = mdt.run("review", "agenda", "1", "--out", pdf.toString());
    assertEquals(0, result.code(), result.err());
    assertTrue(result.err().contains("U+10330"), result.err());
    assertTrue(org.mdt.Pdfs.text(pdf).contains("Ada ? Gothic"));
  }

  /** A meeting with no location says nothing of one, rather than "Location: not set". */
  @Test
  void anUnsetLocationIsLeftOut() throws Exception {
    mdt.ok(
        "review", "schedule", "--from", "2026-12-08", "--to", "2026-12-08", "--rule", "weekly:TUE");
    Path pdf = dir.resolve("agenda.pdf");
    mdt.ok("review", "agenda", "2", "--out", pdf.toString());
    String text = org.mdt.Pdfs.text(pdf);
    assertTrue(text.contains("Date: 2026-12-08"), text);
    assertFalse(text.contains("Location"), text);
  }

  @Test
  void withSourceDateEpochTwoRunsGiveTheSameBytes() throws Exception {
    Mdt fixed = mdt.env("SOURCE_DATE_EPOCH", "1767225600");
    Path first = dir.resolve("first.pdf");
    Path second = dir.resolve("second.pdf");
    fixed.ok("review", "agenda", "1", "--out", first.toString());
    fixed.at("2026-11-22T09:00:00Z").ok("review", "agenda", "1", "--out", second.toString());
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    String raw =
        new String(Files.readAllBytes(first), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertTrue(raw.contains("/CreationDate(D:20260101000000"), "dated SOURCE_DATE_EPOCH");
  }
}
