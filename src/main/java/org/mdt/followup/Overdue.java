package org.mdt.followup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A follow-up is overdue on a day when it is open at the end of that day and its due date is before
 * that day; a follow-up with no due date is never overdue. Today's list and a report's month end
 * share it, each with its own day.
 */
public final class Overdue {
  private Overdue() {}

  /**
   * {@link #on} in SQL over {@code followup f}, with one parameter: the day. It reads the stored
   * status, which is the status at the end of today (a follow-up is never closed in the future);
   * for an earlier day, take the status as of that day ({@link FollowupStatus#asOf}) and use {@link
   * #on}.
   */
  public static final String SQL = FollowupStatus.IS_OPEN + " AND f.due_date < ?";

  /**
   * @param status the follow-up's status at the end of the day
   * @param due its due date, or null
   */
  public static boolean on(LocalDate day, FollowupStatus status, LocalDate due) {
    return status == FollowupStatus.OPEN && due != null && due.isBefore(day);
  }

  /**
   * Days past the due date on the day when the follow-up is then overdue ({@link #on}); 0
   * otherwise.
   */
  public static long daysOn(LocalDate day, FollowupStatus status, LocalDate due) {
    return on(day, status, due) ? ChronoUnit.DAYS.between(due, day) : 0;
  }
}
