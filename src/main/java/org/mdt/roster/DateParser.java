package org.mdt.roster;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mdt.MdtException;

/**
 * Reads the date forms of docs/DESIGN.md section 3: spreadsheet dates and serial numbers, and text
 * in yyyy-MM-dd, M/d/yyyy, M/d/yy, MM-dd-yyyy or d MMM yyyy, plus a mapping file's own formats
 * (tried first, so that a team writing d/M/yyyy is not read as M/d/yyyy). A two-digit year takes
 * the century that keeps the date from being after the import. Anything else is not a date: no
 * guessing.
 */
final class DateParser {
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern US_SLASH = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})");
  private static final Pattern US_DASH = Pattern.compile("(\\d{1,2})-(\\d{1,2})-(\\d{4})");
  private static final Pattern DAY_MONTH_NAME =
      Pattern.compile("(\\d{1,2})[ -]([A-Za-z]{3,9})\\.?,?[ -](\\d{4})");
  private static final Pattern SERIAL = Pattern.compile("\\d{1,7}(\\.\\d+)?");

  /** A time of day some exports append to dates ("2025-03-01 00:00:00", "3/1/2025 12:00 AM"). */
  private static final Pattern TRAILING_TIME =
      Pattern.compile("[ T]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?( ?[AaPp][Mm])?Z?$");

  private static final Map<String, Integer> MONTHS = months();
  private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
  private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);
  private static final long LAST_SERIAL = 2_958_465; // 9999-12-31

  private final List<DateTimeFormatter> teamFormats;
  private final LocalDate today;
  private final boolean date1904;

  /**
   * Some date read so far was after the day of import, or took the last century because this one's
   * was: on a later day it could read, or be warned about, otherwise. Volatile: rows are parsed on
   * the reader thread of {@link ParsedRowStream}.
   */
  private volatile boolean dependsOnToday;

  DateParser(List<String> teamFormats, LocalDate today, boolean date1904) {
    this.teamFormats = teamFormats.stream().map(f -> compile(f, null)).toList();
    this.today = today;
    this.date1904 = date1904;
  }

  static DateTimeFormatter compile(String pattern, Path mappingFile) {
    try {
      // 'u' is the proleptic year, which STRICT resolution needs where 'y' would also need an era.
      return new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern(pattern.replace('y', 'u'))
          .toFormatter(Locale.ENGLISH)
          .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw MdtException.data(
          "mapping file "
              + mappingFile
              + ": date format '"
              + pattern
              + "' is not valid: "
              + e.getMessage());
    }
  }

  /** The day of the import: a roster date after it is in the future. */
  LocalDate today() {
    return today;
  }

  /** Whether a date is after the day of import (a roster date in the future). */
  boolean inFuture(LocalDate date) {
    boolean future = date.isAfter(today);
    if (future) {
      dependsOnToday = true;
    }
    return future;
  }

  /**
   * Whether every date read so far reads the same, with the same warnings, on any later day: none
   * was in the future, and no two-digit year was kept out of it.
   */
  boolean sameOnLaterDays() {
    return !dependsOnToday;
  }

  /** A date from a numeric cell: the spreadsheet serial number of the workbook's date system. */
  LocalDate fromSerial(String number) {
    double serial;
    try {
      serial = Double.parseDouble(number);
    } catch (NumberFormatException e) {
      return null;
    }
    long day = (long) Math.floor(serial);
    if (day < 1 || day > LAST_SERIAL) {
      return null;
    }
    if (date1904) {
      return EPOCH_1904.plusDays(day);
    }
    if (day == 60) {
      return null; // 1900-02-29, which Excel counts and the calendar does not
    }
    return day < 60 ? EPOCH_1900.plusDays(day + 1) : EPOCH_1900.plusDays(day);
  }

  /** A date from text, or null when the text is not a date. */
  LocalDate fromText(String raw) {
    String text = TRAILING_TIME.matcher(raw.trim()).replaceFirst("");
    for (DateTimeFormatter format : teamFormats) {
      try {
        return LocalDate.parse(text, format);
      } catch (DateTimeParseException e) {
        // not this team format; try the next form
      }
    }
    try {
      Matcher m;
      if ((m = ISO.matcher(text)).matches()) {
        return LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
      }
      if ((m = US_SLASH.matcher(text)).matches()) {
        return m.group(3).length() == 2
            ? pivot(num(m, 3), num(m, 1), num(m, 2))
            : LocalDate.of(num(m, 3), num(m, 1), num(m, 2));
      }
      if ((m = US_DASH.matcher(text)).matches()) {
        return LocalDate.of(num(m, 3), num(m, 1), num(m, 2));
      }
      if ((m = DAY_MONTH_NAME.matcher(text)).matches()) {
        Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
        return month == null ? null : LocalDate.of(num(m, 3), month, num(m, 1));
      }
      if (SERIAL.matcher(text).matches()) {
        return fromSerial(text);
      }
    } catch (DateTimeException e) {
      return null; // 2/30/2025 and the like
    }
    return null;
  }

  /** M/d/yy: this century unless that is after today, then the last. */
  private LocalDate pivot(int twoDigitYear, int month, int day) {
    LocalDate date = LocalDate.of(2000 + twoDigitYear, month, day);
    return inFuture(date) ? date.minusYears(100) : date;
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static Map<String, Integer> months() {
    Map<String, Integer> months = new java.util.HashMap<>();
    String[] names = {
      "january",
      "february",
      "march",
      "april",
      "may",
      "june",
      "july",
      "august",
      "september",
      "october",
      "november",
      "december"
    };
    for (int i = 0; i < names.length; i++) {
      months.put(names[i], i + 1);
      months.put(names[i].substring(0, 3), i + 1);
    }
    months.put("sept", 9);
    return Map.copyOf(months);
  }
}
