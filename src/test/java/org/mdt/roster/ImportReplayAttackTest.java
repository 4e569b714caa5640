package org.mdt.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Mdt;

/**
 * Rosters built to make importing a file again by reading its rows differ from the outcome its
 * first import recorded (docs/DESIGN.md section 3.11): each is checked with {@link SameFileAgain}.
 */
class ImportReplayAttackTest {
  private static final String HEADER =
      "case_number,team,referral_date,child_first_name,child_last_name,child_dob,child_race,"
          + "abuse_types,law_enforcement_agency,le_case_number,case_status,notes,restricted,"
          + "offender_age,forensic_interview_date";

  @TempDir Path dir;

  /**
   * Siblings of one case (stored before, and new) spread over three 1,000-row chunks, the first row
   * blank in the case-level columns and later ones filling and conflicting; nameless children with
   * and without DOB; the same child differing only in case, spacing and punctuation of the name; a
   * possible DOB correction; a duplicate of a rejected row.
   */
  @Test
  void siblingsAcrossChunks() throws Exception {
    Mdt mdt = new Mdt(dir.resolve("a")).withTeam("North MDT");
    mdt.ok(
        importArgs(
            csv(
                "older.csv",
                "C-1,,2025-01-10,Ana,Lane,2015-02-03,White,SA,Town PD,,closed,,,,",
                "C-1,,2025-01-10,Bo,Lane,2016-02-03,White,SA,,,,,,,",
                "C-2,,2025-01-11,,,,White,SA,Town PD,,open,,,,")));
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 2_600; i++) {
      rows.add("F-" + i + ",,2025-03-01,Kid" + i + ",Filler,2014-01-01,White,SA,,,open,,,,");
    }
    // C-1, stored before: a first row with blank case values, then fills and conflicts
    rows.set(0, "C-1,,2025-01-10,Ana,Lane,2015-02-03,White,SA,,,,,,,");
    rows.set(998, "C-1,,2025-01-10,ANA ,lane,2015-02-03,White,PA,City PD,,open,n1,,,");
    rows.set(999, "C-1,,2025-01-10,Cy,Lane,2017-02-03,White,SA,City PD,LE-9,open,n1,yes,,");
    rows.set(1000, "C-1,,2025-01-10,Cy,Lane,2017-02-03,White,SA,,,,,,,");
    rows.set(1001, "C-1,,2025-01-10,Bo,Lane,2016-02-30,White,SA,,,,,,,");
    rows.set(1002, "C-1,,2025-01-10,Bo,Lane,2016-02-04,White,SA,,LE-8,,n2,no,40,");
    rows.set(1003, "C-1,,2025-01-10,B.o.,LANE,2016-02-04,White,SA,,,,,,,");
    rows.set(2000, "C-1,,2025-01-10,,,,White,SA,,,,n3,,,");
    rows.set(2001, "C-1,,2025-01-10,,,2016-05-05,White,SA,,,,,,,");
    rows.set(2002, "C-1,,2025-01-10,,,,White,SA,,,closed,,,,");
    rows.set(2003, "C-1,,2025-01-10,,,2016-05-05,Zorblax,SA,,,,,,,");
    // C-2, stored before with a nameless child: nameless rows with and without DOB
    rows.set(5, "C-2,,2025-01-11,,,,White,SA,,,,,,,");
    rows.set(1500, "C-2,,2025-01-11,,,2014-09-09,White,SA,County SO,,closed,,,,");
    rows.set(2500, "C-2,,2025-01-11,-,.,,White,SA,,,,,,,");
    // N-1, new here: blank first row, filled in the next chunks, conflicting in the last
    rows.set(10, "N-1,,2025-04-01,Dee,Ore,2016-05-05,White,SA,,,,,,,");
    rows.set(1010, "N-1,,2025-04-01,Eve,Ore,2017-05-05,White,SA,Sheriff,,pending,,,,");
    rows.set(2010, "N-1,,2025-04-01,Fay,Ore,2018-05-05,White,SA,Marshal,,closed,,x,,");
    rows.set(2599, "N-1,,2025-04-01, dee ,ORE,2016-05-05,White,SA,Marshal,,closed,,,,");
    Path roster = csv("chunks.csv", rows.toArray(String[]::new));
    Mdt.Result first = mdt.run(importArgs(roster));
    assertEquals(0, first.code(), first.err());
    for (String told :
        List.of(
            "row 1000: duplicate",
            "row 1002: duplicate",
            "row 2004: duplicate",
            "row 2601: duplicate",
            "row 1003, child_dob: not a date",
            "row 1004: possible DOB correction",
            "row 1001, law_enforcement_agency: 'City PD' differs from an earlier row",
            "row 1004, le_case_number: 'LE-8' differs",
            "row 2002, notes: 'n3' differs",
            "row 2012, law_enforcement_agency: 'Marshal' differs")) {
      assertTrue(first.err().contains(told), told + ": " + first.err());
    }
    SameFileAgain.assertAsReading(mdt, dir.resolve("a"), dir, roster, List.of());
  }

  /** Several teams named by a team column, an unknown team, rows without one, and --team. */
  @Test
  void teamsNamedByTheFile() throws Exception {
    Mdt mdt = new Mdt(dir.resolve("a")).withTeam("North MDT");
    mdt.ok("team", "add", "South MDT");
    Path roster =
        csv(
            "teams.csv",
            "T-1,north mdt,2025-01-10,Ana,Lane,2015-02-03,White,SA,Town PD,,open,,,,",
            "T-1, SOUTH MDT ,2025-01-10,Ana,Lane,2015-02-03,White,SA,City PD,,closed,,,,",
            "T-1,,2025-01-10,Ana,Lane,2015-02-03,White,SA,Other PD,,closed,,,,",
            "T-1,East MDT,2025-01-10,Ana,Lane,2015-02-03,White,SA,,,,,,,",
            "T-1,South MDT,2025-01-10,ana,LANE,2015-02-03,White,SA,,,,,,,",
            "T-2,,2025-01-11,Bo,Moss,2014-02-03,White,SA,,,,,,,");
    for (List<String> options : List.of(List.<String>of(), List.of("--team", "South MDT"))) {
      Mdt.Result first = mdt.run(importArgs(roster, options));
      assertEquals(0, first.code(), first.err());
      SameFileAgain.assertAsReading(mdt, dir.resolve("a"), dir, roster, options);
    }
  }

  /**
   * The first import of the file replaces values other files set (conflicts, reverts, DOB
   * corrections), and fills blanks of cases another file created, in the middle of a chunk.
   */
  @Test
  void valuesOtherFilesSet() throws Exception {
    Mdt mdt = new Mdt(dir.resolve("a")).withTeam("North MDT");
    mdt.ok(
        importArgs(
            csv(
                "one.csv",
                "V-1,,2025-01-10,Ana,Lane,2015-02-03,White,SA,Town PD,,open,,,,",
                "V-2,,2025-01-10,Bo,Moss,2015-02-03,White,SA,Town PD,,open,a,,,",
                "V-3,,2025-01-10,Cy,Nash,,White,SA,,,,,,,")));
    mdt.ok(
        importArgs(
            csv(
                "two.csv",
                "V-1,,2025-01-10,Ana,Lane,2015-02-03,Black,SA,County SO,,closed,,,,",
                "V-2,,2025-01-10,Bo,Moss,2015-02-03,White,PA,Town PD,,closed,b,,,")));
    Path roster =
        csv(
            "three.csv",
            "V-1,,2025-01-10,Ana,Lane,2015-02-03,White,SA,Town PD,,open,,,,",
            "V-1,,2025-01-10,Ana,Lane,2015-02-04,White,SA,County SO,,closed,,,,",
            "V-2,,2025-01-10,Bo,Moss,2015-02-03,White,SA,,,open,a,,,",
            "V-2,,2025-01-10,Bo,Moss,,White,SA,,,,,,,",
            "V-3,,2025-01-10,Cy,Nash,2016-01-01,White,SA,Sheriff,,,,,,",
            "V-3,,2025-01-10,Cy,Nash,,White,SA,,,,,,,");
    Mdt.Result first = mdt.run(importArgs(roster));
    assertEquals(0, first.code(), first.err());
    assertTrue(first.err().contains("goes back to"), first.err());
    SameFileAgain.assertAsReading(mdt, dir.resolve("a"), dir, roster, List.of());
  }

  /** Text too long for its column, unknown words, bad ages and yes/no words, a bad date. */
  @Test
  void cellProblems() throws Exception {
    Mdt mdt = new Mdt(dir.resolve("a")).withTeam("North MDT");
    String longName = "A".repeat(201);
    Path roster =
        csv(
            "cells.csv",
            "P-1,,2025-01-10," + longName + ",Lane,2015-02-03,White,SA,,,,,,,",
            "P-1,,2025-01-10,Ana,Lane,2015-02-03,Martian,SA;Hex;;,,,weird,,maybe,two hundred,",
            "P-2,,2025-01-10,Bo,Lane,2015-02-03,,,,,,,,121,13/45/2025",
            "P-3,,2025-01-10,Cy,Lane,1990-02-03,,,,,,,,,",
            "P-4,,not a date,Dee,Lane,,,,,,,,,,",
            "P-5,,2025-01-10,Eve,Lane,,,,," + "9".repeat(101) + ",,,,,");
    Mdt.Result first = mdt.run(importArgs(roster));
    assertEquals(0, first.code(), first.err());
    SameFileAgain.assertAsReading(mdt, dir.resolve("a"), dir, roster, List.of());
  }

  /** A mapping file with its own headers, words, date formats and header row. */
  @Test
  void aMappingFile() throws Exception {
    Mdt mdt = new Mdt(dir.resolve("a")).withTeam("North MDT");
    Path mapping =
        Files.writeString(
            dir.resolve("m.json"),
            "{\"headerRow\": 2, \"columns\": {\"Kase\": \"case_number\", \"Perp Rel.\":"
                + " \"offender_relationship\"}, \"values\": {\"abuse_types\": {\"Sx Ab\":"
                + " \"sexual_abuse\"}, \"child_race\": {\"W\": \"white\"}},"
                + " \"dateFormats\": [\"d.M.yyyy\", \"d.M.yy\"]}");
    Path roster =
        RosterFiles.csv(
            dir.resolve("mapped.csv"),
            "exported on 1.2.2025",
            "Kase,Referral Date,First Name,Last Name,DOB,Race,Abuse Type,Perp Rel.,Extra,Notes,Notes",
            "M-1,3.2.2025,Ana,Lane,1.1.2015,W,Sx Ab,uncle,x,n,m",
            "M-2,4.2.2025,Bo,Lane,1.1.15,w,Sx Ab;Zz,stepfather,,,",
            "M-3,2/5/2025,Cy,Lane,1.1.30,W,,,,,",
            "M-4,5.2.2025,Dee,Lane,31.2.2015,W,,,,,");
    List<String> options = List.of("--mapping", mapping.toString());
    Mdt.Result first = mdt.run(importArgs(roster, options));
    assertEquals(0, first.code(), first.err());
    SameFileAgain.assertAsReading(mdt, dir.resolve("a"), dir, roster, options);
  }

  /** Formulas with no value (in key, child and case columns) and a second sheet, in xlsx. */
  @Test
  void workbookFormulasAndSheets() throws Exception {
    Mdt mdt = new Mdt(dir.resolve("a")).withTeam("North MDT");
    Path book = dir.resolve("book.xlsx");
    try (OutputStream out = Files.newOutputStream(book)) {
      Workbook workbook = new Workbook(out, "mdt-test", "1.0");
      for (String name : List.of("First", "Second")) {
        Worksheet ws = workbook.newWorksheet(name);
        String[] header = {
          "case_number",
          "referral_date",
          "child_first_name",
          "child_last_name",
          "child_dob",
          "case_status",
          "notes"
        };
        for (int c = 0; c < header.length; c++) {
          ws.value(0, c, header[c]);
        }
        for (int r = 1; r <= 6; r++) {
          ws.value(r, 0, name.charAt(0) + "-" + (r % 3));
          ws.value(r, 1, LocalDate.of(2025, 1, r));
          ws.style(r, 1).format("yyyy-mm-dd").set();
          ws.value(r, 2, "Kid" + (r % 2));
          if (r % 2 == 0) {
            ws.formula(r, 3, "UPPER(\"lane\")");
          } else {
            ws.value(r, 3, "Lane");
          }
          ws.value(r, 4, 42_000 + r);
          if (r == 3) {
            ws.formula(r, 5, "\"open\"");
          } else {
            ws.value(r, 5, r % 2 == 0 ? "open" : "closed");
          }
          ws.formula(r, 6, "1/0");
        }
      }
      workbook.finish();
    }
    for (List<String> options : List.of(List.<String>of(), List.of("--sheet", "Second"))) {
      Mdt.Result first = mdt.run(importArgs(book, options));
      assertEquals(0, first.code(), first.err());
      SameFileAgain.assertAsReading(mdt, dir.resolve("a"), dir, book, options);
    }
  }

  /**
   * A file without dates in the future, first imported the day before: on the next day its outcome
   * is given again, and must be what reading gives on that day. Dates on the day of the first
   * import, and two-digit years on it, are not in its future.
   */
  @Test
  void theNextDay() throws Exception {
    Mdt mdt = new Mdt(dir.resolve("a")).withTeam("North MDT");
    Path roster =
        csv(
            "days.csv",
            "D-1,,2026-11-20,Ana,Lane,2015-02-03,White,SA,,,,,,,11/20/26",
            "D-2,,11/20/26,Bo,Lane,2/29/16,White,SA,,,,,,,2026-11-20",
            "D-3,,2/29/00,Cy,Lane,,White,SA,,,,,,,",
            "D-4,,2026-11-20,Dee,Lane,11/19/01,White,SA,,,,,,,");
    mdt.at("2026-11-20T23:59:59Z");
    Mdt.Result first = mdt.run(importArgs(roster));
    assertEquals(0, first.code(), first.err());
    mdt.at(Mdt.NOW.toString());
    SameFileAgain.assertAsReading(mdt, dir.resolve("a"), dir, roster, List.of());
  }

  /** A dry run, then the real import, then a dry run of the same file again. */
  @Test
  void dryRuns() throws Exception {
    Mdt mdt = new Mdt(dir.resolve("a")).withTeam("North MDT");
    Path roster =
        csv(
            "dry.csv",
            "Y-1,,2025-01-10,Ana,Lane,2015-02-03,White,SA,Town PD,,open,,,,2027-01-01",
            "Y-1,,2025-01-10,Ana,Lane,2015-02-03,White,SA,Town PD,,open,,,,");
    assertEquals(0, mdt.run(importArgs(roster, List.of("--dry-run"))).code());
    assertEquals(0, mdt.run(importArgs(roster)).code());
    SameFileAgain.assertAsReading(mdt, dir.resolve("a"), dir, roster, List.of("--dry-run"));
  }

  /**
   * Control characters in cells (beyond the first 8 KiB, where a NUL is not taken for a binary
   * file) are stored as given and shown as U+FFFD: in problems, conflicts and unknown words.
   */
  @Test
  void controlCharacters() throws Exception {
    Mdt mdt = new Mdt(dir.resolve("a")).withTeam("North MDT");
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      rows.add("Q-" + i + ",,2025-03-01,Kid" + i + ",Filler,2014-01-01,White,SA,,,open,,,,");
    }
    rows.add("Z-1,,2025-03-01,Ana,Lane,2014-01-01,Wh\u0000ite,SA,Town\u001bPD,,open,a\u0000b,,,");
    rows.add("Z-1,,2025-03-01,Bo,Lane,2014-01-01,White,SA,Town\u202ePD,,open,a\u0085b,,,");
    rows.add("Z-1,,2025-03-01,C\u0000y,Lane,2014-01-01,White,SA,,,open,,,,");
    rows.add("Z-1,,2025-03-01,C\u0000y,Lane,2014-01-01,White,SA,,,open,,,,");
    Path roster = csv("controls.csv", rows.toArray(String[]::new));
    Mdt.Result first = mdt.run(importArgs(roster));
    assertEquals(0, first.code(), first.err());
    assertTrue(first.err().contains("\uFFFD"), first.err());
    SameFileAgain.assertAsReading(mdt, dir.resolve("a"), dir, roster, List.of());
  }

  /**
   * Any command that writes between two imports of a file moves the audit trail's head on, so the
   * second reads its rows; the one after that gives the outcome again.
   */
  @Test
  void otherCommandsBetween() throws Exception {
    Mdt mdt = new Mdt(dir.resolve("a")).withTeam("North MDT");
    Path roster = csv("r.csv", "W-1,,2025-01-10,Ana,Lane,2015-02-03,White,SA,Town PD,,open,,,,");
    assertEquals(0, mdt.run(importArgs(roster)).code());
    List<List<String>> writes =
        List.of(
            List.of(
                "member", "add", "--name", "Gil Fox", "--discipline", "medical", "--agency", "X"),
            List.of("settings", "set", "voca.serviceMap", "{\"B\": [\"medical_exam\"]}"),
            List.of("team", "add", "South MDT"));
    for (List<String> write : writes) {
      mdt.ok(write.toArray(String[]::new));
      Mdt.Result read = mdt.run(importArgs(roster, List.of("--team", "North MDT")));
      assertEquals(0, read.code(), read.err());
      assertFalse(read.err().contains(SameFileAgain.NOTE), write + ": " + read.err());
    }
    SameFileAgain.assertAsReading(
        mdt, dir.resolve("a"), dir, roster, List.of("--team", "North MDT"));
    // and an import of another file in between, even one that changes nothing
    Path other = csv("other.csv", "W-1,,2025-01-10,Ana,Lane,2015-02-03,White,SA,,,,,,,");
    assertEquals(0, mdt.run(importArgs(other, List.of("--team", "North MDT"))).code());
    Mdt.Result read = mdt.run(importArgs(roster, List.of("--team", "North MDT")));
    assertFalse(read.err().contains(SameFileAgain.NOTE), read.err());
  }

  /**
   * Reading a file depends on its name as well as its bytes: a name that promises a workbook whose
   * bytes are text is refused (docs/DESIGN.md section 3.10). The same bytes imported under such a
   * name must be refused too, not given the outcome of the CSV.
   */
  @Test
  void theSameBytesUnderAWorkbooksName() throws Exception {
    Mdt mdt = new Mdt(dir.resolve("a")).withTeam("North MDT");
    Path roster = csv("r.csv", "X-1,,2025-01-10,Ana,Lane,2015-02-03,White,SA,Town PD,,open,,,,");
    assertEquals(0, mdt.run(importArgs(roster)).code());
    Path renamed = Files.copy(roster, dir.resolve("r.xlsx"));
    Mdt.Result again = mdt.run(importArgs(renamed));
    assertFalse(again.err().contains(SameFileAgain.NOTE), again.err());
    assertEquals(3, again.code(), again.err());
    assertTrue(again.err().contains("is not an Excel workbook"), again.err());
    // another name that reads the bytes as CSV too gives the outcome again, as reading does
    Path text = Files.copy(roster, dir.resolve("r.txt"));
    SameFileAgain.assertAsReading(mdt, dir.resolve("a"), dir, text, List.of());
  }

  private String[] importArgs(Path roster) {
    return importArgs(roster, List.of());
  }

  private String[] importArgs(Path roster, List<String> options) {
    List<String> args =
        new ArrayList<>(List.of("import", "roster", roster.toString(), "--format", "json", "-v"));
    args.addAll(options);
    return args.toArray(String[]::new);
  }

  private Path csv(String name, String... rows) {
    return RosterFiles.csvWithHeader(dir.resolve(name), HEADER, rows);
  }
}
