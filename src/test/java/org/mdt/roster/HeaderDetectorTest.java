package org.mdt.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mdt.MdtException;
import org.mdt.cases.Column;

/** Finding the header row and its columns on rows made in the test, without a file or an import. */
class HeaderDetectorTest {
  private static final String FILE = "roster.xlsx";

  /** Rows numbered from 1 as a person sees them; an empty string is a blank cell. */
  private static final class Rows implements SheetSource {
    private final List<SheetRow> rows = new ArrayList<>();
    private Iterator<SheetRow> next;

    Rows row(String... cells) {
      rows.add(new SheetRow(rows.size() + 1, Arrays.stream(cells).map(Cell::text).toList()));
      return this;
    }

    /** Rows that are no header: a title in the first cell, numbered on from the last. */
    Rows titles(int count) {
      for (int i = 0; i < count; i++) {
        row("County CAC case list, page " + (i + 1));
      }
      return this;
    }

    @Override
    public SheetRow next() {
      if (next == null) {
        next = rows.iterator();
      }
      return next.hasNext() ? next.next() : null;
    }

    @Override
    public void close() {}
  }

  private static HeaderDetector.Found find(Rows rows) throws IOException {
    return new HeaderDetector(MappingFile.NONE).find(rows, null, FILE);
  }

  private static MappingFile mapping(Integer headerRow, Map<String, String> columns) {
    return new MappingFile(null, headerRow, columns, null, null);
  }

  private static MdtException refused(HeaderDetector detector, Rows rows, Integer headerRow) {
    MdtException e = assertThrows(MdtException.class, () -> detector.find(rows, headerRow, FILE));
    assertEquals(MdtException.DATA, e.exitCode());
    return e;
  }

  @Test
  void aHeaderInTheFirstRowGivesEachColumnItsPosition() throws IOException {
    Rows rows =
        new Rows()
            .row("Case #", "Date Referred", "First Name", "DOB")
            .row("2025-001", "2025-03-01", "Ann", "");
    HeaderDetector.Found found = find(rows);
    assertEquals(
        Map.of(
            Column.CASE_NUMBER,
            0,
            Column.REFERRAL_DATE,
            1,
            Column.CHILD_FIRST_NAME,
            2,
            Column.CHILD_DOB,
            3),
        found.indexByColumn());
    assertEquals(2, rows.next().number(), "the source is left at the first row after the header");
  }

  @Test
  void titleAndExportRowsAboveTheHeaderAreSkipped() throws IOException {
    Rows rows =
        new Rows()
            .row("Children's Advocacy Center of Example County")
            .row("Exported on", "06/01/2025")
            .row()
            .row("", "Case ID", "Referral Date")
            .row("", "2025-001", "2025-03-01");
    HeaderDetector.Found found = find(rows);
    assertEquals(Map.of(Column.CASE_NUMBER, 1, Column.REFERRAL_DATE, 2), found.indexByColumn());
    assertEquals(5, rows.next().number());
  }

  @Test
  void aRowWithOnlyOneOfTheTwoRequiredColumnsIsNotTheHeader() throws IOException {
    Rows rows = new Rows().row("Case #", "", "open cases only").row("Case Number", "Intake Date");
    HeaderDetector.Found found = find(rows);
    assertEquals(Map.of(Column.CASE_NUMBER, 0, Column.REFERRAL_DATE, 1), found.indexByColumn());
    assertEquals("Case Number", found.header(Column.CASE_NUMBER));
  }

  @Test
  void headersMatchTheirCanonicalNameOrAVariantWhateverTheCaseSpacesAndPunctuation()
      throws IOException {
    HeaderDetector.Found found =
        find(
            new Rows()
                .row(
                    "CASE_NUMBER",
                    " referral-date ",
                    "MDT case no",
                    "Race / Ethnicity",
                    "ao age",
                    "Date of birth",
                    "LE CASE #",
                    "allegation(s)",
                    "DcF FiNdInG"));
    Map<Column, Integer> expected = new LinkedHashMap<>();
    expected.put(Column.CASE_NUMBER, 0);
    expected.put(Column.REFERRAL_DATE, 1);
    expected.put(Column.CHILD_RACE, 3);
    expected.put(Column.OFFENDER_AGE, 4);
    expected.put(Column.CHILD_DOB, 5);
    expected.put(Column.LE_CASE_NUMBER, 6);
    expected.put(Column.ABUSE_TYPES, 7);
    expected.put(Column.CPS_OUTCOME, 8);
    assertEquals(expected, found.indexByColumn());
    assertEquals(List.of("MDT case no"), found.repeatedHeaders(), "a second case-number column");
    assertEquals(
        "referral-date", found.header(Column.REFERRAL_DATE), "the file's own words, trimmed");
  }

  @Test
  void unknownHeadersAreListedAndBlankOnesPassOver() throws IOException {
    HeaderDetector.Found found =
        find(new Rows().row("Case #", "", "Worker", "Date Referred", "  ", "Zip Code"));
    assertEquals(List.of("Worker", "Zip Code"), found.ignoredHeaders());
    assertEquals(List.of(), found.repeatedHeaders());
  }

  @Test
  void theFirstOfTwoHeadersForOneColumnIsUsedAndTheSecondReported() throws IOException {
    HeaderDetector.Found found =
        find(
            new Rows()
                .row("Case #", "Referral Date", "Status", "Case No", "Intake Date", "Case Status"));
    assertEquals(
        Map.of(Column.CASE_NUMBER, 0, Column.REFERRAL_DATE, 1, Column.CASE_STATUS, 2),
        found.indexByColumn());
    assertEquals(List.of("Case No", "Intake Date", "Case Status"), found.repeatedHeaders());
    assertEquals("Case #", found.header(Column.CASE_NUMBER));
  }

  @Test
  void aColumnTheFileLacksIsNamedByItsCanonicalName() throws IOException {
    HeaderDetector.Found found = find(new Rows().row("Case #", "Date Referred"));
    assertEquals("child_dob", found.header(Column.CHILD_DOB));
  }

  @Test
  void theMappingFilesHeadersComeBeforeTheVariants() throws IOException {
    HeaderDetector detector =
        new HeaderDetector(
            mapping(
                null,
                Map.of(
                    "Perp Rel.",
                    "offender_relationship",
                    "Ref Dt",
                    "referral_date",
                    "Status",
                    "cps_outcome")));
    HeaderDetector.Found found =
        detector.find(new Rows().row("Case #", "Ref Dt", "perp rel", "Status"), null, FILE);
    assertEquals(
        Map.of(
            Column.CASE_NUMBER,
            0,
            Column.REFERRAL_DATE,
            1,
            Column.OFFENDER_RELATIONSHIP,
            2,
            Column.CPS_OUTCOME,
            3),
        found.indexByColumn(),
        "Status is the team's CPS outcome, not the case status");
  }

  @Test
  void theMappingFilesHeaderRowIsTheOnlyRowTried() throws IOException {
    HeaderDetector detector = new HeaderDetector(mapping(3, Map.of()));
    Rows rows =
        new Rows()
            .row("Case #", "Date Referred")
            .row("2025-001", "2025-03-01")
            .row("Case ID", "Referral Date", "Notes")
            .row("2025-002", "2025-03-02");
    HeaderDetector.Found found = detector.find(rows, 3, FILE);
    assertEquals(
        Map.of(Column.CASE_NUMBER, 0, Column.REFERRAL_DATE, 1, Column.NOTES, 2),
        found.indexByColumn());
    assertEquals(4, rows.next().number());
  }

  @Test
  void aHeaderRowWithoutARequiredColumnNamesTheMissingOne() {
    HeaderDetector detector = new HeaderDetector(MappingFile.NONE);
    assertEquals(
        "roster.xlsx: row 2 (the mapping file's headerRow) has no referral_date column",
        refused(detector, new Rows().titles(1).row("Case #", "Notes"), 2).getMessage());
    assertEquals(
        "roster.xlsx: row 1 (the mapping file's headerRow) has no case_number column",
        refused(
                detector,
                new Rows().row("Date Referred", "Notes").row("Case #", "Date Referred"),
                1)
            .getMessage());
  }

  @Test
  void noHeaderInTheFirstTwentyRowsIsADataError() {
    String expected =
        "roster.xlsx: no header row found in the first 20 rows (a header row names at least"
            + " case_number and referral_date; a mapping file can name others)";
    HeaderDetector detector = new HeaderDetector(MappingFile.NONE);
    assertEquals(
        expected,
        refused(detector, new Rows().titles(20).row("Case #", "Date Referred"), null).getMessage());
    assertEquals(expected, refused(detector, new Rows(), null).getMessage(), "an empty sheet");
    assertEquals(
        expected,
        refused(detector, new Rows().row("Case #", "Date Referred"), 2).getMessage(),
        "a header row beyond the file's end");
  }

  @Test
  void aHeaderInRowTwentyIsStillFound() throws IOException {
    HeaderDetector.Found found = find(new Rows().titles(19).row("Case #", "Date Referred"));
    assertEquals(Map.of(Column.CASE_NUMBER, 0, Column.REFERRAL_DATE, 1), found.indexByColumn());
  }
}
