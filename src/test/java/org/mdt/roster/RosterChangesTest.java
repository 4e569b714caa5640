package org.mdt.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;
import org.mdt.SharedData;

/**
 * A later roster never changes stored data silently (issue 14, items 1 and 2): case-level changes
 * are counted per case and per field, a replaced value names the file it came from, a child whose
 * DOB differs from a same-named child of the case is warned about, and a value set back to one a
 * later import replaced is a revert naming that import; the dry run says all of it.
 */
class RosterChangesTest {
  private static final String HEADER =
      "case_number,referral_date,child_first_name,child_last_name,child_dob,"
          + "child_race,law_enforcement_agency,case_status";

  @TempDir Path dir;

  private JsonNode importJson(Mdt mdt, Path file, String... more) {
    Mdt.Result result = run(mdt, file, more);
    assertEquals(0, result.code(), result.err());
    return Json.parse(result.out());
  }

  private static Mdt.Result run(Mdt mdt, Path file, String... more) {
    List<String> args =
        new ArrayList<>(List.of("import", "roster", file.toString(), "--format", "json", "-v"));
    args.addAll(List.of(more));
    return mdt.run(args.toArray(String[]::new));
  }

  @Test
  void theSecondSampleRosterCountsTheCasesAndFieldsItChangesAndNamesWhereEachValueCameFrom()
      throws IOException {
    // Expected from the two files' rows: a case's values are those of its first row in a file
    // (later rows of
    // the case only fill blanks), and the county file's bad rows are the ones without a case number
    // like 25-1000.
    Map<String, Map<String, String>> county =
        firstRowOfEachCase(SharedData.file("county-2025.xlsx"), "Case #");
    Map<String, Map<String, String>> canonical =
        firstRowOfEachCase(SharedData.file("canonical-2025.xlsx"), "case_number");
    int statusFlips = 0;
    int agencyChanges = 0;
    int casesChanged = 0;
    String firstFlip = null;
    for (Map.Entry<String, Map<String, String>> later : canonical.entrySet()) {
      Map<String, String> earlier = county.get(later.getKey());
      if (earlier == null) {
        continue;
      }
      boolean status = !earlier.get("Status").equalsIgnoreCase(later.getValue().get("case_status"));
      boolean agency =
          !earlier.get("LE Agency").equals(later.getValue().get("law_enforcement_agency"));
      statusFlips += status ? 1 : 0;
      agencyChanges += agency ? 1 : 0;
      casesChanged += status || agency ? 1 : 0;
      if (status && firstFlip == null) {
        firstFlip =
            "case "
                + later.getKey()
                + ": case_status was '"
                + lower(earlier.get("Status"))
                + "' (from county-2025.xlsx, 2026-11-02), now '"
                + lower(later.getValue().get("case_status"))
                + "'";
      }
    }
    assertTrue(statusFlips > 0 && agencyChanges > 0, "the samples differ");

    Mdt mdt = new Mdt(dir).at("2026-11-02T09:00:00Z").withTeam("Test MDT");
    importJson(mdt, SharedData.file("county-2025.xlsx"));
    mdt.at("2026-11-21T09:00:00Z");
    Mdt.Result dry = run(mdt, SharedData.file("canonical-2025.xlsx"), "--dry-run");
    assertTrue(
        dry.err()
            .contains(
                "changed on cases stored before: law_enforcement_agency on "
                    + agencyChanges
                    + " case(s), case_status on "
                    + statusFlips
                    + " case(s)"),
        dry.err());
    Mdt.Result real = run(mdt, SharedData.file("canonical-2025.xlsx"));
    assertEquals(
        Json.parse(dry.out()), Json.parse(real.out()), "the dry run said what the import does");
    JsonNode summary = Json.parse(real.out());
    assertEquals(casesChanged, summary.path("casesUpdated").asInt());
    assertEquals(
        0, summary.path("updated").asInt(), "updated keeps counting rows: every child here is new");
    assertEquals(
        statusFlips,
        count(real.err(), ": case_status was '"),
        "every flipped status is warned about");
    assertTrue(real.err().contains(firstFlip), firstFlip + "\n" + real.err());
    assertEquals(0, summary.path("reverts").asInt());
  }

  @Test
  void aReplacedCaseValueNamesItsFileAndDayWhileFilledBlanksAndNewCasesAreOnlyCounted() {
    Mdt mdt = new Mdt(dir).at("2026-11-02T09:00:00Z").withTeam("North MDT");
    importJson(
        mdt,
        RosterFiles.csv(
            dir.resolve("v1.csv"),
            HEADER,
            "A-1,2025-01-10,Ana,Lane,2015-02-03,White,Town PD,Open",
            "B-1,2025-01-11,Ben,Moss,2014-02-03,Black,,Open",
            "C-1,2025-01-12,Cal,Nash,2013-02-03,Asian,Town PD,Open"));
    mdt.at("2026-11-21T09:00:00Z");
    Mdt.Result second =
        run(
            mdt,
            RosterFiles.csv(
                dir.resolve("v2.csv"),
                HEADER,
                "A-1,2025-01-10,Ana,Lane,2015-02-03,White,Town PD,Closed", // status replaced
                "A-1,2025-01-10,Bo,Lane,2016-02-03,White,Town PD,Closed", // a sibling: the case
                // counts once
                "B-1,2025-01-11,Ben,Moss,2014-02-03,Black,County SO,Open", // a blank filled
                "C-1,2025-01-12,Cal,Nash,2013-02-03,Asian,Town PD,Open", // unchanged
                "D-1,2025-01-13,Dee,Ray,2012-02-03,White,,Open", // a new case
                "D-1,2025-01-13,Eve,Ray,2013-02-03,White,City PD,Open")); // its sibling fills its
    // blank
    JsonNode summary = Json.parse(second.out());
    assertEquals(2, summary.path("casesUpdated").asInt(), second.out());
    assertEquals(
        2, summary.path("updated").asInt(), "Ana's and Ben's rows; Bo, Dee and Eve are new");
    assertEquals(1, summary.path("unchanged").asInt());
    assertEquals(1, summary.path("warnings").asInt(), second.err());
    assertTrue(
        second
            .err()
            .contains(
                "warning: row 2: case A-1: case_status was 'open' (from v1.csv, 2026-11-02), now 'closed'"),
        second.err());
    assertTrue(
        second
            .err()
            .contains(
                "changed on cases stored before: law_enforcement_agency on 1 case(s), case_status on 1 case(s)"),
        second.err());
  }

  @Test
  void aSameNamedChildWithAnotherDobIsAPossibleCorrectionStoredApartWithAWarning() {
    Mdt mdt = new Mdt(dir).withTeam("North MDT");
    importJson(
        mdt,
        RosterFiles.csv(
            dir.resolve("v1.csv"),
            HEADER,
            "D-1,2025-01-10,Ana,Lane,2015-03-01,White,Town PD,Open",
            "E-1,2025-01-11,Ben,Moss,2014-02-03,Black,Town PD,Open"));
    Path corrected =
        RosterFiles.csv(
            dir.resolve("v2.csv"),
            HEADER,
            "D-1,2025-01-10,ana,LANE,2015-03-10,White,Town PD,Open", // the same name folded,
            // another DOB
            "D-1,2025-01-10,Cy,Lane,2017-05-06,White,Town PD,Open", // a sibling: another name
            "F-1,2025-01-12,Ana,Lane,2015-03-10,White,Town PD,Open", // the same name on another
            // case
            "E-1,2025-01-11,Ben,Moss,,Black,Town PD,Open"); // a DOB left out is another key too
    String warning =
        "warning: row 2: possible DOB correction for case D-1 (stored 2015-03-01, now 2015-03-10);"
            + " not merged";

    Mdt.Result dry = run(mdt, corrected, "--dry-run");
    assertTrue(dry.err().contains(warning), dry.err());
    Mdt.Result real = run(mdt, corrected);
    JsonNode summary = Json.parse(real.out());
    assertEquals(Json.parse(dry.out()), summary);
    assertEquals(4, summary.path("inserted").asInt(), "stored as today: new children");
    assertEquals(2, summary.path("possibleDobCorrections").asInt(), real.err());
    assertEquals(2, summary.path("warnings").asInt(), real.err());
    assertTrue(real.err().contains(warning), real.err());
    assertTrue(
        real.err()
            .contains(
                "row 5: possible DOB correction for case E-1 (stored 2014-02-03, now no DOB)"),
        real.err());
    assertFalse(real.err().contains("row 3:") || real.err().contains("row 4:"), real.err());
    JsonNode d1 = Json.parse(mdt.ok("case", "show", "D-1", "--format", "json"));
    assertEquals(3, d1.path("children").size(), "not merged");
  }

  @Test
  void anOlderExportImportedAfterANewerOneIsWarnedAboutAsARevertNamingTheImportItUndoes() {
    Path older =
        RosterFiles.csv(
            dir.resolve("export-oct.csv"),
            HEADER,
            "R-1,2025-01-10,Ana,Lane,2015-02-03,White,Town PD,Open",
            "R-2,2025-01-11,Ben,Moss,2014-02-03,Black,Town PD,Open");
    Mdt mdt = new Mdt(dir).at("2026-11-02T09:00:00Z").withTeam("North MDT");
    importJson(mdt, older);
    mdt.at("2026-11-10T09:00:00Z");
    importJson(
        mdt,
        RosterFiles.csv(
            dir.resolve("export-nov.csv"),
            HEADER,
            "R-1,2025-01-10,Ana,Lane,2015-02-03,Black,Town PD,Closed", // race and status changed
            "R-2,2025-01-11,Ben,Moss,2014-02-03,Black,City PD,Open")); // agency changed
    mdt.at("2026-11-21T09:00:00Z");

    Mdt.Result dry = run(mdt, older, "--dry-run");
    Mdt.Result real = run(mdt, older);
    assertEquals(Json.parse(dry.out()), Json.parse(real.out()));
    JsonNode summary = Json.parse(real.out());
    assertEquals(2, summary.path("reverts").asInt(), "two rows set values back");
    assertEquals(2, summary.path("updated").asInt());
    assertEquals(3, summary.path("warnings").asInt(), real.err());
    for (Mdt.Result result : List.of(dry, real)) {
      assertTrue(
          result
              .err()
              .contains(
                  "warning: row 2: case R-1 case_status goes back to 'open', as before import 2"
                      + " (export-nov.csv, 2026-11-10)"),
          result.err());
      assertTrue(
          result
              .err()
              .contains(
                  "warning: row 2: case R-1 child_race goes back to 'white', as before import 2"
                      + " (export-nov.csv, 2026-11-10)"),
          result.err());
      assertTrue(
          result
              .err()
              .contains(
                  "warning: row 3: case R-2 law_enforcement_agency goes back to 'Town PD',"
                      + " as before import 2 (export-nov.csv, 2026-11-10)"),
          result.err());
    }
    assertFalse(real.err().contains(" was '"), "a revert is not also reported as a conflict");

    Mdt.Result newest =
        run(
            mdt,
            RosterFiles.csv(
                dir.resolve("export-dec.csv"),
                HEADER,
                "R-1,2025-01-10,Ana,Lane,2015-02-03,White,County SO,Closed")); // undoes the revert;
    // a new agency
    assertEquals(1, Json.parse(newest.out()).path("reverts").asInt(), newest.err());
    assertTrue(
        newest
            .err()
            .contains("row 2: case R-1 case_status goes back to 'closed', as before import "),
        newest.err());
    assertTrue(
        newest.err().contains("(export-oct.csv, 2026-11-21)"), "the re-import of the older export");
    assertTrue(
        newest
            .err()
            .contains(
                "row 2: case R-1: law_enforcement_agency was 'Town PD' (from export-oct.csv,"
                    + " 2026-11-02), now 'County SO'"),
        "never changed since the first import: " + newest.err());
  }

  private static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  private static String cell(List<String> cells, int index) {
    return index < cells.size() ? cells.get(index) : "";
  }

  /**
   * The first row of each case of a sheet as header to cell text, below the header row that names
   * the case.
   */
  private static Map<String, Map<String, String>> firstRowOfEachCase(Path file, String caseHeader)
      throws IOException {
    Map<String, Map<String, String>> cases = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(file);
        ReadableWorkbook workbook = new ReadableWorkbook(in);
        Stream<Row> rows = workbook.getFirstSheet().openStream()) {
      List<String> header = null;
      for (Row row : (Iterable<Row>) rows::iterator) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
          cells.add(
              row.getCell(i) == null || row.getCell(i).getRawValue() == null
                  ? ""
                  : row.getCell(i).getRawValue().trim());
        }
        if (header == null) {
          header = cells.contains(caseHeader) ? cells : null;
          continue;
        }
        String caseNumber = cell(cells, header.indexOf(caseHeader));
        if (caseNumber.matches("\\d\\d-\\d+") && !cases.containsKey(caseNumber)) {
          Map<String, String> values = new LinkedHashMap<>();
          for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), cell(cells, i));
          }
          cases.put(caseNumber, values);
        }
      }
    }
    return cases;
  }
}
