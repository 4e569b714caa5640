package org.mdt.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mdt.MdtException;

/**
 * Every date form a roster may hold, read without an import. The import is on 2025-06-10. Serial
 * numbers are the spreadsheet's own: in the 1900 system 1 is 1900-01-01, 60 is the 1900-02-29 that
 * never was, and 45658 is 2025-01-01; the 1904 system counts 1462 days less, so there 44196 is
 * 2025-01-01.
 */
class DateParserTest {
  private static final LocalDate TODAY = LocalDate.parse("2025-06-10");
  private final DateParser us = new DateParser(List.of(), TODAY, false);

  @ParameterizedTest
  @CsvSource({
    "1, 1900-01-01",
    "59, 1900-02-28",
    "61, 1900-03-01",
    "45658, 2025-01-01",
    "45658.75, 2025-01-01", // six in the evening: the time of day is not part of the date
    "2958465, 9999-12-31"
  })
  void serialNumbersOfThe1900System(String serial, LocalDate expected) {
    assertEquals(expected, us.fromSerial(serial));
  }

  @ParameterizedTest
  @ValueSource(strings = {"60", "0", "-1", "0.5", "2958466", "1e9", "NaN", "forty", ""})
  void serialNumbersThatAreNoDay(String serial) {
    assertNull(
        us.fromSerial(serial),
        "60 is Excel's 1900-02-29; the rest are out of range or not numbers");
  }

  @Test
  void serialNumbersOfThe1904System() {
    DateParser mac = new DateParser(List.of(), TODAY, true);
    assertEquals(LocalDate.parse("2025-01-01"), mac.fromSerial("44196"));
    assertEquals(LocalDate.parse("1904-01-02"), mac.fromSerial("1"));
    assertEquals(
        LocalDate.parse("1904-03-01"), mac.fromSerial("60"), "1904 has a real February 29: no gap");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2025-03-01 | 2025-03-01",
        "2025-3-1 | 2025-03-01",
        "2024-02-29 | 2024-02-29",
        "3/1/2025 | 2025-03-01",
        "03/01/2025 | 2025-03-01",
        "12/31/2024 | 2024-12-31",
        "03-01-2025 | 2025-03-01",
        "1 Mar 2025 | 2025-03-01",
        "1 March 2025 | 2025-03-01",
        "01-mar-2025 | 2025-03-01",
        "1 Mar. 2025 | 2025-03-01",
        "1 Sept 2025 | 2025-09-01",
        "15 DECEMBER 2024 | 2024-12-15",
        "45658 | 2025-01-01"
      })
  void textDatesInEveryStandardForm(String text, LocalDate expected) {
    assertEquals(expected, us.fromText(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-03-01 00:00:00",
        "2025-03-01 08:30",
        "2025-03-01T08:30:00Z",
        "2025-03-01 08:30:00.250",
        "3/1/2025 12:00 AM",
        "3/1/2025 4:15pm",
        "  2025-03-01  "
      })
  void aTimeOfDayOrSpacesAroundTheDateAreIgnored(String text) {
    assertEquals(LocalDate.parse("2025-03-01"), us.fromText(text));
  }

  @ParameterizedTest
  @CsvSource({
    "3/1/25, 2025-03-01",
    "6/10/25, 2025-06-10", // the import's own day is not in the future
    "6/11/25, 1925-06-11", // 2025-06-11 would be after the import
    "12/31/99, 1999-12-31",
    "1/1/00, 2000-01-01"
  })
  void aTwoDigitYearTakesTheLatestCenturyNotAfterTheImport(String text, LocalDate expected) {
    assertEquals(expected, us.fromText(text));
  }

  @Test
  void anAmbiguousDayAndMonthIsReadTheTeamsWayWhenItsMappingSaysSo() {
    assertEquals(
        LocalDate.parse("2025-03-04"), us.fromText("03/04/2025"), "without a mapping: month first");
    DateParser european = new DateParser(List.of("d/M/yyyy", "d.M.yy"), TODAY, false);
    assertEquals(LocalDate.parse("2025-04-03"), european.fromText("03/04/2025"));
    assertEquals(LocalDate.parse("2025-04-03"), european.fromText("3.4.25"));
    assertEquals(
        LocalDate.parse("2025-04-03"),
        european.fromText("2025-04-03"),
        "the standard forms still apply");
    assertNull(european.fromText("31.2.25"), "no 31 February in any form");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2/30/2025",
        "13/1/2025",
        "0/1/2025",
        "2025-02-29",
        "2025-13-01",
        "2025-00-10",
        "32 Mar 2025",
        "02-30-2025"
      })
  void daysNotInTheCalendarAreNotDates(String text) {
    assertNull(us.fromText(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "unknown",
        "N/A",
        "TBD",
        "3/1",
        "2025/03/01",
        "March 1, 2025",
        "1 Foo 2025",
        "45658abc",
        "12345678",
        "3/1/202",
        "3/1/2025 and later"
      })
  void anythingElseIsNotADate(String text) {
    assertNull(us.fromText(text));
  }

  @Test
  void theImportDayIsWhatTheParserWasGiven() {
    assertEquals(TODAY, us.today());
  }

  @Test
  void aMappingFilesBadFormatIsADataErrorNamingTheFile() {
    MdtException e =
        assertThrows(
            MdtException.class, () -> DateParser.compile("d/M/yyyy{", Path.of("team.json")));
    assertEquals(MdtException.DATA, e.exitCode());
    assertTrue(
        e.getMessage().startsWith("mapping file team.json: date format 'd/M/yyyy{' is not valid"),
        e.getMessage());
  }
}
