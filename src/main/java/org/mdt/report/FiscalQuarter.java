package org.mdt.report;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mdt.MdtException;

/**
 * A federal fiscal quarter: FY2026 runs 2025-10-01 to 2026-09-30, and its Q1 is October to December
 * 2025.
 */
public record FiscalQuarter(int fiscalYear, int quarter) {
  private static final Pattern FORM = Pattern.compile("FY(\\d{4})Q([1-4])");

  public static FiscalQuarter parse(String text) {
    Matcher m = FORM.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw MdtException.usage(
          "quarter must look like FY2026Q1 (federal fiscal year, Q1 = Oct-Dec), not '"
              + text
              + "'");
    }
    return new FiscalQuarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** The fiscal quarter a day falls in: October 2025 is FY2026Q1. */
  public static FiscalQuarter containing(LocalDate day) {
    int monthsIntoYear = (day.getMonthValue() + 2) % 12; // October = 0
    int fiscalYear = day.getMonthValue() >= 10 ? day.getYear() + 1 : day.getYear();
    return new FiscalQuarter(fiscalYear, monthsIntoYear / 3 + 1);
  }

  public LocalDate fiscalYearStart() {
    return LocalDate.of(fiscalYear - 1, 10, 1);
  }

  public LocalDate start() {
    return fiscalYearStart().plusMonths(3L * (quarter - 1));
  }

  public LocalDate end() {
    return start().plusMonths(3).minusDays(1);
  }

  @Override
  public String toString() {
    return "FY" + fiscalYear + "Q" + quarter;
  }
}
