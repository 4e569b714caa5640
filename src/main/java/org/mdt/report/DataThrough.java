package org.mdt.report;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A report written on day D counts nothing dated after D, so a figure never includes dates typed in
 * the future, and says so in the line under its title.
 */
public final class DataThrough {
  private DataThrough() {}

  /** The last day a report of the period written on {@code reportDay} counts. */
  static LocalDate lastCounted(LocalDate periodEnd, LocalDate reportDay) {
    return periodEnd.isAfter(reportDay) ? reportDay : periodEnd;
  }

  /** A period after the report's day is allowed (all zeros), and says so. */
  public static Optional<String> notBegun(LocalDate periodStart, LocalDate reportDay) {
    return reportDay.isBefore(periodStart)
        ? Optional.of(
            "the period begins after "
                + reportDay
                + ", the report's day: it has nothing to count yet")
        : Optional.empty();
  }

  /** "2025-01-01 to 2025-06-30, data through 2025-07-01", noting a period that has not begun. */
  public static String periodLine(LocalDate start, LocalDate end, LocalDate reportDay) {
    return start
        + " to "
        + end
        + ", data through "
        + reportDay
        + (reportDay.isBefore(start) ? " (the period had not begun: nothing to count)" : "");
  }
}
