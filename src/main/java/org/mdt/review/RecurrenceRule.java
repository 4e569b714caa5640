package org.mdt.review;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mdt.MdtException;

/**
 * When a team meets (docs/DESIGN.md section 4): {@code weekly:TUE}, {@code biweekly:TUE} (every
 * other Tuesday from the first on or after the start), {@code monthly:2:TUE} (the second Tuesday; a
 * month without a fifth one has no meeting for {@code monthly:5:TUE}) or {@code monthly:last:THU}.
 */
public record RecurrenceRule(String text, Kind kind, DayOfWeek day, int ordinal) {
  /** The kinds of rule; {@code ordinal} is the week of the month for MONTHLY, unused otherwise. */
  public enum Kind {
    WEEKLY,
    BIWEEKLY,
    MONTHLY,
    MONTHLY_LAST
  }

  public static RecurrenceRule parse(String text) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split(":");
    try {
      return switch (parts[0]) {
        case "weekly" -> rule(text, parts, 2, Kind.WEEKLY, 0);
        case "biweekly" -> rule(text, parts, 2, Kind.BIWEEKLY, 0);
        case "monthly" ->
            parts.length == 3 && parts[1].equals("last")
                ? rule(text, parts, 3, Kind.MONTHLY_LAST, 0)
                : rule(text, parts, 3, Kind.MONTHLY, ordinal(parts));
        default -> throw invalid(text);
      };
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw invalid(text);
    }
  }

  private static int ordinal(String[] parts) {
    int ordinal = Integer.parseInt(parts[1]);
    if (ordinal < 1 || ordinal > 5) {
      throw new IllegalArgumentException("week of the month must be 1 to 5 or last");
    }
    return ordinal;
  }

  private static RecurrenceRule rule(
      String text, String[] parts, int length, Kind kind, int ordinal) {
    if (parts.length != length) {
      throw new IllegalArgumentException(text);
    }
    return new RecurrenceRule(text, kind, day(parts[length - 1]), ordinal);
  }

  private static DayOfWeek day(String name) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().toLowerCase(Locale.ROOT).startsWith(name) && name.length() >= 3) {
        return day;
      }
    }
    throw new IllegalArgumentException("no day " + name);
  }

  private static MdtException invalid(String text) {
    return MdtException.usage(
        "rule '"
            + text
            + "' is not one of weekly:DAY, biweekly:DAY, monthly:N:DAY"
            + " (N 1 to 5) or monthly:last:DAY, with DAY as MON, TUE, ...");
  }

  /** The meeting dates from {@code from} to {@code to}, both included. */
  public List<LocalDate> dates(LocalDate from, LocalDate to) {
    List<LocalDate> dates = new ArrayList<>();
    if (kind == Kind.WEEKLY || kind == Kind.BIWEEKLY) {
      int step = kind == Kind.WEEKLY ? 1 : 2;
      for (LocalDate d = from.with(TemporalAdjusters.nextOrSame(day));
          !d.isAfter(to);
          d = d.plusWeeks(step)) {
        dates.add(d);
      }
      return dates;
    }
    for (LocalDate month = from.withDayOfMonth(1);
        !month.isAfter(to);
        month = month.plusMonths(1)) {
      LocalDate date =
          kind == Kind.MONTHLY_LAST
              ? month.with(TemporalAdjusters.lastInMonth(day))
              : month.with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day));
      if (date.getMonth() == month.getMonth() && !date.isBefore(from) && !date.isAfter(to)) {
        dates.add(date);
      }
    }
    return dates;
  }
}
