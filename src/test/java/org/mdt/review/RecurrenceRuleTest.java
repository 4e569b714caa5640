package org.mdt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mdt.MdtException;

class RecurrenceRuleTest {
  private static List<LocalDate> dates(String rule, String from, String to) {
    return RecurrenceRule.parse(rule).dates(LocalDate.parse(from), LocalDate.parse(to));
  }

  private static List<LocalDate> days(String... days) {
    return java.util.Arrays.stream(days).map(LocalDate::parse).toList();
  }

  @Test
  void weeklyStartsOnTheFirstMatchingDay() {
    assertEquals(
        days("2026-01-06", "2026-01-13", "2026-01-20", "2026-01-27"),
        dates("weekly:TUE", "2026-01-01", "2026-01-31"));
    assertEquals(
        days("2026-01-06"),
        dates("weekly:tuesday", "2026-01-06", "2026-01-06"),
        "both ends included");
  }

  @Test
  void biweeklySkipsEveryOtherWeek() {
    assertEquals(
        days("2026-01-07", "2026-01-21", "2026-02-04"),
        dates("biweekly:WED", "2026-01-01", "2026-02-10"));
  }

  @Test
  void monthlyNthDayOnlyInMonthsThatHaveIt() {
    assertEquals(
        days("2026-01-13", "2026-02-10", "2026-03-10"),
        dates("monthly:2:TUE", "2026-01-01", "2026-03-31"));
    // 2026: five Tuesdays in March (31st) and June (30th); none in February, April or May.
    assertEquals(
        days("2026-03-31", "2026-06-30"), dates("monthly:5:TUE", "2026-02-01", "2026-06-30"));
  }

  @Test
  void monthlyLastIncludingFebruaryOfALeapYear() {
    assertEquals(
        days("2028-01-25", "2028-02-29", "2028-03-28"),
        dates("monthly:last:TUE", "2028-01-01", "2028-03-31"));
    assertEquals(days("2027-02-25"), dates("monthly:last:THU", "2027-02-01", "2027-02-28"));
    assertEquals(
        List.of(),
        dates("monthly:last:THU", "2027-02-26", "2027-02-28"),
        "the last Thursday is before from");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "weekly",
        "weekly:XYZ",
        "daily:TUE",
        "monthly:6:TUE",
        "monthly:0:TUE",
        "monthly:TUE",
        "monthly:first:TUE",
        "weekly:TUE:1",
        "",
        "weekly:T"
      })
  void badRulesAreUsageErrors(String rule) {
    assertEquals(
        MdtException.USAGE,
        assertThrows(MdtException.class, () -> RecurrenceRule.parse(rule)).exitCode());
  }
}
