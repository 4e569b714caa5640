package org.mdt.report;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mdt.MdtException;

/** An NCA reporting period: H1 is January 1 to June 30, H2 July 1 to December 31. */
public record HalfYear(int year, int half) {
  private static final Pattern FORM = Pattern.compile("(\\d{4})H([12])");

  public static HalfYear parse(String text) {
    Matcher m = FORM.matcher(text.trim().toUpperCase(java.util.Locale.ROOT));
    if (!m.matches()) {
      throw MdtException.usage("period must look like 2026H1 or 2026H2, not '" + text + "'");
    }
    return new HalfYear(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  public LocalDate start() {
    return LocalDate.of(year, half == 1 ? 1 : 7, 1);
  }

  public LocalDate end() {
    return half == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
  }

  @Override
  public String toString() {
    return year + "H" + half;
  }
}
