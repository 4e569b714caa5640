package org.mdt.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;

/**
 * The import rules of docs/DESIGN.md section 3, one at a time, on small rosters written by the
 * test.
 */
class RosterRulesTest {
  private static final String HEADER =
      "case_number,referral_date,child_first_name,child_last_name,child_dob,"
          + "child_gender,child_race,abuse_types,forensic_interview_date,case_status";

  @TempDir Path dir;

  private Mdt mdt() {
    return new Mdt(dir).withTeam("North MDT");
  }

  private JsonNode importJson(Mdt mdt, Path file, String... more) {
    List<String> args =
        new ArrayList<>(List.of("import", "roster", file.toString(), "--format", "json"));
    args.addAll(Arrays.asList(more));
    return Json.parse(mdt.ok(args.toArray(String[]::new)));
  }

  private static JsonNode show(Mdt mdt, String caseNumber) {
    return Json.parse(mdt.ok("case", "show", caseNumber, "--format", "json"));
  }

  @Test
  void everyRejectionRuleRejectsTheWholeRowAndListsItInTheRejectsFile() throws Exception {
    Mdt mdt = mdt();
    Path roster =
        RosterFiles.csv(
            dir.resolve("r.csv"),
            HEADER,
            "A-1,2025-01-10,Ana,Lane,2015-02-03,F,White,SA,2025-01-12,Open", // row 2: good
            ",2025-01-10,Ben,Moss,2015-02-03,M,White,SA,,Open", // row 3: no case number
            "A-3,,Cal,Nash,2015-02-03,M,White,SA,,Open", // row 4: no referral date
            "A-4,soon,Dee,Oak,2015-02-03,F,White,SA,,Open", // row 5: referral not a date
            "A-5,2025-01-10,Eve,Park,2/30/2015,F,White,SA,,Open", // row 6: DOB not a date
            "A-6,2025-01-10,Fay,Quinn,2025-01-11,F,White,SA,,Open", // row 7: DOB after referral
            "A-7,2025-01-10,Gus,Reed,2000-01-09,M,White,SA,,Open", // row 8: DOB 25 years and a day
            // before
            "A-8,2025-01-10,Hal,Stone,2000-01-10,M,White,SA,,Open", // row 9: exactly 25 years: kept
            "A-9,2025-01-10,Ivy,Tate,2015-02-03,F,White,SA,yesterday,Open"); // row 10: other date
    // not a date
    Path rejects = dir.resolve("rejects.csv");

    JsonNode summary = importJson(mdt, roster, "--rejects", rejects.toString());

    assertEquals(9, summary.path("read").asInt());
    assertEquals(2, summary.path("inserted").asInt());
    assertEquals(7, summary.path("rejected").asInt());
    List<String> lines = Files.readAllLines(rejects);
    assertEquals("row,column,header,reason", lines.get(0));
    List<String> rowAndColumn =
        lines.stream().skip(1).map(l -> l.split(",")[0] + "," + l.split(",")[1]).toList();
    assertEquals(
        List.of(
            "3,case_number",
            "4,referral_date",
            "5,referral_date",
            "6,child_dob",
            "7,child_dob",
            "8,child_dob",
            "10,forensic_interview_date"),
        rowAndColumn);
    JsonNode cases = Json.parse(mdt.ok("case", "list", "--format", "json"));
    assertEquals(2, cases.size());
    assertEquals("A-1", cases.get(0).path("caseNumber").asText());
    assertEquals("A-8", cases.get(1).path("caseNumber").asText());
    assertEquals(
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(rejects)));
  }

  @Test
  void everyDateFormReadsTheSameDay() {
    Mdt mdt = mdt();
    String[] forms = {
      "2025-03-04",
      "3/4/2025",
      "3/4/25",
      "03-04-2025",
      "4 Mar 2025",
      "4 March 2025",
      "45720",
      "2025-03-04 00:00:00",
      "3/4/2025 12:00 AM"
    };
    List<String> lines = new ArrayList<>(List.of("case_number,referral_date"));
    for (int i = 0; i < forms.length; i++) {
      lines.add("D-" + i + ",\"" + forms[i] + "\"");
    }
    importJson(mdt, RosterFiles.csv(dir.resolve("dates.csv"), lines.toArray(String[]::new)));

    JsonNode cases = Json.parse(mdt.ok("case", "list", "--format", "json"));
    assertEquals(forms.length, cases.size());
    cases.forEach(
        c ->
            assertEquals(
                "2025-03-04", c.path("referralDate").asText(), c.path("caseNumber").asText()));
  }

  @Test
  void spreadsheetDatesSerialsAndTextInOneWorkbook() {
    Mdt mdt = mdt();
    Path book =
        RosterFiles.xlsx(
            dir.resolve("dates.xlsx"),
            "Roster",
            List.of(
                List.of("Case #", "Date Referred", "DOB"),
                List.of("X-1", LocalDate.of(2025, 3, 4), LocalDate.of(2016, 7, 8)),
                List.of("X-2", 45720, "7/8/2016"),
                List.of("X-3", "4 Mar 2025", 42559)));
    JsonNode summary = importJson(mdt, book);
    assertEquals(3, summary.path("inserted").asInt());
    for (String caseNumber : List.of("X-1", "X-2", "X-3")) {
      JsonNode child = show(mdt, caseNumber).path("children").get(0);
      assertEquals("2025-03-04", child.path("referralDate").asText(), caseNumber);
      assertEquals("2016-07-08", child.path("childDob").asText(), caseNumber);
    }
  }

  @Test
  void twoDigitYearsNeverLandAfterTheImport() {
    Mdt mdt = mdt(); // today is 2026-11-21
    importJson(
        mdt,
        RosterFiles.csv(
            dir.resolve("yy.csv"),
            "case_number,referral_date,forensic_interview_date",
            "Y-1,1/2/26,1/2/26",
            "Y-2,11/21/26,11/21/26",
            "Y-3,11/22/26,11/22/26",
            "Y-4,5/6/99,5/6/99"));
    assertEquals("2026-01-02", referral(mdt, "Y-1"));
    assertEquals("2026-11-21", referral(mdt, "Y-2"));
    assertEquals("1926-11-22", referral(mdt, "Y-3"));
    assertEquals("1999-05-06", referral(mdt, "Y-4"));
  }

  private static String referral(Mdt mdt, String caseNumber) {
    return show(mdt, caseNumber).path("children").get(0).path("referralDate").asText();
  }

  @Test
  void headerIsFoundBelowTitleRowsByItsVariantsButNotPastRowTwenty() {
    Mdt mdt = mdt();
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("North MDT - Case Roster"));
    rows.add(List.of("Exported 11/01/2026"));
    rows.add(List.of());
    rows.add(
        List.of(
            "MDT Case No.",
            "Intake Date",
            "Victim First Name",
            "Victim Last Name",
            "Birth Date",
            "Sex",
            "Race/Ethnicity",
            "Type of Abuse",
            "Forensic Interview",
            "Case Status",
            "Mystery Column"));
    rows.add(
        List.of(
            "H-1",
            LocalDate.of(2025, 2, 1),
            "Ana",
            "Lane",
            LocalDate.of(2014, 1, 1),
            "girl",
            "Latina",
            "CSA; DV exposure",
            LocalDate.of(2025, 2, 3),
            "Open",
            "?"));
    Mdt.Result result =
        mdt.run(
            "import", "roster", RosterFiles.xlsx(dir.resolve("t.xlsx"), "Roster", rows).toString());
    assertEquals(0, result.code(), result.err());
    assertTrue(
        result.err().contains("ignored columns") && result.err().contains("Mystery Column"),
        result.err());
    JsonNode child = show(mdt, "H-1").path("children").get(0);
    assertEquals("female", child.path("childGender").asText());
    assertEquals("hispanic_latino", child.path("childRace").asText());
    assertEquals("sexual_abuse;witness_to_violence", child.path("abuseTypes").asText());
    assertEquals("2025-02-03", child.path("forensicInterviewDate").asText());

    List<List<Object>> deep = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      deep.add(List.of("title " + i));
    }
    deep.add(List.of("Case #", "Date Referred"));
    deep.add(List.of("H-2", "2025-01-01"));
    Mdt.Result tooDeep =
        mdt.run(
            "import", "roster", RosterFiles.xlsx(dir.resolve("deep.xlsx"), "R", deep).toString());
    assertEquals(3, tooDeep.code());
    assertEquals(1, tooDeep.errLines().length, tooDeep.err());
    assertTrue(tooDeep.err().contains("no header row found in the first 20 rows"), tooDeep.err());
  }

  @Test
  void mappingFileAddsHeadersWordsDateFormatsSheetAndHeaderRow() throws Exception {
    Mdt mdt = mdt();
    Path book = dir.resolve("m.xlsx");
    List<List<Object>> rows =
        List.of(
            List.of(
                "Case No",
                "Referral Date",
                "Case #",
                "Date Referred"), // a decoy header row above the real one
            List.of("Ref", "Got On", "Perp Rel.", "Allegation Code", "Seen"),
            List.of("M-1", "4.3.2025", "Stepdad", "Sx Ab / Phys", "5.3.2025"));
    RosterFiles.xlsx(book, "Roster", rows);
    Path mapping = dir.resolve("mapping.json");
    Files.writeString(
        mapping,
        """
        {"sheet": "Roster", "headerRow": 2,
         "columns": {"Ref": "case_number", "Got On": "referral_date", "Perp Rel.": "offender_relationship",
                     "Allegation Code": "abuse_types", "Seen": "forensic_interview_date"},
         "values": {"abuse_types": {"Sx Ab": "sexual_abuse", "Phys": "physical_abuse"},
                    "offender_relationship": {"stepdad": "parent"}},
         "dateFormats": ["d.M.yyyy"]}""");
    JsonNode summary = importJson(mdt, book, "--mapping", mapping.toString());
    assertEquals(1, summary.path("inserted").asInt());
    assertEquals(0, summary.path("warnings").asInt());
    JsonNode child = show(mdt, "M-1").path("children").get(0);
    assertEquals("2025-03-04", child.path("referralDate").asText());
    assertEquals("2025-03-05", child.path("forensicInterviewDate").asText());
    assertEquals("parent", child.path("offenderRelationship").asText());
    assertEquals("sexual_abuse;physical_abuse", child.path("abuseTypes").asText());

    Files.writeString(mapping, "{\"columns\": {\"Ref\": \"case_numbr\"}}");
    Mdt.Result bad = mdt.run("import", "roster", book.toString(), "--mapping", mapping.toString());
    assertEquals(3, bad.code());
    assertTrue(bad.err().contains("'case_numbr', which is not a canonical column"), bad.err());
    Files.writeString(mapping, "{\"values\": {\"child_gender\": {\"lad\": \"boy\"}}}");
    assertTrue(
        mdt.run("import", "roster", book.toString(), "--mapping", mapping.toString())
            .err()
            .contains("not a code of child_gender"));
    // a null where a value belongs is a bad file (exit 3), not an internal error (exit 4)
    for (String nulled :
        List.of(
            "{\"columns\": {\"Ref\": null}}",
            "{\"values\": {\"child_race\": null}}",
            "{\"values\": {\"child_race\": {\"W\": null}}}",
            "{\"dateFormats\": [null]}")) {
      Files.writeString(mapping, nulled);
      Mdt.Result refused =
          mdt.run("import", "roster", book.toString(), "--mapping", mapping.toString());
      assertEquals(3, refused.code(), nulled + ": " + refused.err());
      assertTrue(refused.err().contains("holds a null"), refused.err());
    }
  }

  /** A name within its column's length whose key folds longer ('İ' lowers to two characters). */
  @Test
  void namesThatLengthenWhenFoldedAreStoredAndMatchedAgain() throws IOException {
    Mdt mdt = mdt();
    String name = "\u0130".repeat(200);
    Path roster =
        RosterFiles.csv(
            dir.resolve("long.csv"),
            HEADER,
            "L-1,2025-01-10," + name + "," + name + ",2015-02-03,F,White,SA,,Open");
    assertEquals(1, importJson(mdt, roster).path("inserted").asInt());
    Files.writeString(roster, Files.readString(roster).replace("Open", "Closed"));
    assertEquals(1, importJson(mdt, roster).path("updated").asInt());
  }

  @Test
  void unknownWordsAreStoredAsTheFallbackCodeWithAWarning() {
    Mdt mdt = mdt();
    Mdt.Result result =
        mdt.run(
            "import",
            "roster",
            RosterFiles.csv(
                    dir.resolve("w.csv"),
                    HEADER,
                    "W-1,2025-01-10,Ana,Lane,2015-02-03,Fmale,Martian,Sx Ab;PA,,Pending")
                .toString(),
            "--format",
            "json");
    assertEquals(0, result.code(), result.err());
    assertEquals(4, Json.parse(result.out()).path("warnings").asInt());
    assertTrue(
        result.err().contains("row 2, child_gender: unknown word 'Fmale', stored as unknown"),
        result.err());
    JsonNode child = show(mdt, "W-1").path("children").get(0);
    assertEquals("unknown", child.path("childGender").asText());
    assertEquals("unknown", child.path("childRace").asText());
    assertEquals("physical_abuse;other", child.path("abuseTypes").asText());
  }

  /**
   * A date after the day of import is probably a typo: warned about, and the row still stored as
   * written.
   */
  @Test
  void aDateAfterTheDayOfImportIsWarnedAboutAndKept() {
    Mdt mdt = mdt(); // the clock stands at Mdt.NOW
    LocalDate today = LocalDate.ofInstant(Mdt.NOW, java.time.ZoneOffset.UTC);
    LocalDate tomorrow = today.plusDays(1);
    Mdt.Result result =
        mdt.run(
            "import",
            "roster",
            RosterFiles.csv(
                    dir.resolve("f.csv"),
                    HEADER,
                    "F-1,"
                        + today
                        + ",Ana,Lane,2015-02-03,F,White,SA,,Open", // row 2: today is not the future
                    "F-2," + tomorrow + ",Ben,Moss,2014-02-03,M,White,SA,,Open")
                .toString(),
            "--format",
            "json");
    assertEquals(0, result.code(), result.err());
    JsonNode summary = Json.parse(result.out());
    assertEquals(2, summary.path("inserted").asInt());
    assertEquals(1, summary.path("warnings").asInt());
    assertTrue(
        result
            .err()
            .contains("warning: row 3, referral_date: referral date in the future: " + tomorrow),
        result.err());
    assertEquals(
        tomorrow.toString(),
        show(mdt, "F-2").path("children").get(0).path("referralDate").asText());
  }

  @Test
  void upsertUpdatesWhatChangedAndNeverErasesWithABlank() {
    Mdt mdt = mdt();
    importJson(
        mdt,
        RosterFiles.csv(
            dir.resolve("v1.csv"),
            HEADER,
            "U-1,2025-01-10,Ana,Lane,2015-02-03,F,White,SA,,Open",
            "U-2,2025-01-11,Ben,Moss,2014-02-03,M,Black,PA,2025-01-12,Open"));
    JsonNode second =
        importJson(
            mdt,
            RosterFiles.csv(
                dir.resolve("v2.csv"),
                HEADER,
                "U-1,2025-01-10,Ana,Lane,2015-02-03,F,,SA,2025-01-15,Closed", // FI date added,
                // status closed, race
                // blank
                "U-2,2025-01-11,Ben,Moss,2014-02-03,M,Black,PA,2025-01-12,Open",
                "U-3,2025-01-12,Cal,Nash,2013-02-03,M,Asian,SA,,Open"));
    assertEquals(1, second.path("inserted").asInt());
    assertEquals(1, second.path("updated").asInt());
    assertEquals(1, second.path("unchanged").asInt());
    JsonNode u1 = show(mdt, "U-1");
    assertEquals("closed", u1.path("caseStatus").asText());
    assertEquals("2025-01-15", u1.path("children").get(0).path("forensicInterviewDate").asText());
    assertEquals(
        "white",
        u1.path("children").get(0).path("childRace").asText(),
        "a blank cell never erases");
  }

  @Test
  void siblingsAreTwoChildrenAndARepeatedRowIsADuplicate() {
    Mdt mdt = mdt();
    Mdt.Result result =
        mdt.run(
            "import",
            "roster",
            RosterFiles.csv(
                    dir.resolve("s.csv"),
                    HEADER,
                    "S-1,2025-01-10,Ana,Lane,2015-02-03,F,White,SA,,Open",
                    "S-1,2025-01-10,Bo,Lane,2017-05-06,M,White,SA,,Closed", // sibling; conflicting
                    // case status
                    "S-1,2025-01-10,ANA,lane,2015-02-03,F,White,SA,,Open")
                .toString(),
            "--format",
            "json"); // same child
    JsonNode summary = Json.parse(result.out());
    assertEquals(2, summary.path("inserted").asInt());
    assertEquals(1, summary.path("duplicates").asInt());
    assertEquals(
        1, summary.path("warnings").asInt(), "the sibling's conflicting status is warned about");
    assertTrue(result.err().contains("duplicate: row 4"), result.err());
    JsonNode s1 = show(mdt, "S-1");
    assertEquals(2, s1.path("children").size());
    assertEquals(
        "open", s1.path("caseStatus").asText(), "the first row of a case in the file sets it");

    JsonNode again = importJson(mdt, dir.resolve("s.csv"));
    assertEquals(0, again.path("updated").asInt());
    assertEquals(2, again.path("unchanged").asInt());
  }

  @Test
  void dryRunReportsTheCountsAndWritesNothing() {
    Mdt mdt = mdt();
    Path roster =
        RosterFiles.csv(
            dir.resolve("d.csv"),
            HEADER,
            "R-1,2025-01-10,Ana,Lane,2015-02-03,F,White,SA,,Open",
            "R-2,,Ben,Moss,2015-02-03,M,White,SA,,Open");
    Mdt.Result dry =
        mdt.run("import", "roster", roster.toString(), "--dry-run", "--format", "json");
    assertEquals(0, dry.code());
    assertTrue(dry.err().contains("dry run: nothing was written"));
    assertEquals(1, Json.parse(dry.out()).path("inserted").asInt());
    assertEquals("[ ]", mdt.ok("case", "list", "--format", "json").trim());
    assertEquals(
        Json.parse(dry.out()),
        importJson(mdt, roster),
        "the real import does what the dry run said");
  }

  @Test
  void anImportThatFailsPartWayLeavesTheDatabaseAsItWas() {
    Mdt mdt = mdt();
    importJson(
        mdt,
        RosterFiles.csv(
            dir.resolve("base.csv"),
            HEADER,
            "K-1,2025-01-10,Ana,Lane,2015-02-03,F,White,SA,,Open"));
    String casesBefore = mdt.ok("case", "list", "--format", "json");
    String k1Before = mdt.ok("case", "show", "K-1", "--format", "json");
    String ncaBefore = mdt.ok("report", "nca", "--period", "2025H1", "--format", "json");

    Path update =
        RosterFiles.csv(
            dir.resolve("update.csv"),
            HEADER,
            "K-1,2025-01-10,Ana,Lane,2015-02-03,F,Black,SA,2025-01-20,Closed",
            "K-2,2025-01-11,Ben,Moss,2014-02-03,M,White,PA,,Open",
            "K-3,2025-01-12,Cal,Nash,2013-02-03,M,Asian,SA,,Open");
    mdt.importListener(
        (rowsRead, rowNumber) -> {
          if (rowsRead == 3) {
            throw new IllegalStateException("forced failure on row " + rowNumber);
          }
        });
    Mdt.Result failed = mdt.run("import", "roster", update.toString());
    assertEquals(4, failed.code());
    // one error line; the rows handled before the failure may have raised warnings (K-1's status is
    // replaced)
    assertEquals(
        1,
        Arrays.stream(failed.errLines()).filter(line -> !line.startsWith("warning: ")).count(),
        failed.err());

    mdt.importListener(ImportListener.NONE);
    assertEquals(casesBefore, mdt.ok("case", "list", "--format", "json"));
    assertEquals(k1Before, mdt.ok("case", "show", "K-1", "--format", "json"));
    assertEquals(ncaBefore, mdt.ok("report", "nca", "--period", "2025H1", "--format", "json"));
  }

  @Test
  void teamsComeFromTheTeamColumnOrFromTeamOption() {
    Mdt mdt = new Mdt(dir).withTeam("North MDT");
    mdt.ok("team", "add", "South MDT");
    Path noTeamColumn =
        RosterFiles.csv(dir.resolve("n.csv"), "case_number,referral_date", "T-1,2025-01-10");
    Mdt.Result ambiguous = mdt.run("import", "roster", noTeamColumn.toString());
    assertEquals(2, ambiguous.code());
    assertTrue(ambiguous.err().contains("--team is required"), ambiguous.err());
    assertEquals(
        1,
        Json.parse(
                mdt.ok(
                    "import",
                    "roster",
                    noTeamColumn.toString(),
                    "--team",
                    "south mdt",
                    "--format",
                    "json"))
            .path("inserted")
            .asInt());

    JsonNode summary =
        importJson(
            mdt,
            RosterFiles.csv(
                dir.resolve("t.csv"),
                "Team,Case #,Date Referred",
                "North MDT,T-1,2025-01-10",
                "South MDT,T-2,2025-01-10",
                "East MDT,T-3,2025-01-10",
                ",T-4,2025-01-10"));
    assertEquals(2, summary.path("inserted").asInt());
    assertEquals(
        2,
        summary.path("rejected").asInt(),
        "an unknown team, and no team with none to default to");
    JsonNode north = Json.parse(mdt.ok("case", "list", "--team", "North MDT", "--format", "json"));
    assertEquals(1, north.size());
    Mdt.Result twoTeams = mdt.run("case", "show", "T-1");
    assertEquals(2, twoTeams.code(), "T-1 is in both teams");
  }
}
