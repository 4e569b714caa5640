package org.mdt.followup;

import java.time.LocalDate;

/**
 * What had become of a follow-up by the end of a given day. Every follow-up falls in exactly one
 * outcome, so a report's buckets add up to the follow-ups it counts. A follow-up closed after that
 * day was still open on it: a report written on day D knows nothing later.
 */
public enum FollowupOutcome {
  /** Marked done on or before its due date. */
  DONE_ON_TIME,
  /** Marked done after its due date. */
  DONE_LATE,
  /** Marked done; it never had a due date to be on time for. */
  DONE_NO_DUE_DATE,
  /** Cancelled, whatever its due date. */
  CANCELLED,
  /** Open, and its due date is before the day. */
  OPEN_OVERDUE,
  /** Open, due on the day or later. */
  OPEN_NOT_YET_DUE,
  /** Open, with no due date. */
  OPEN_NO_DUE_DATE;

  /**
   * @param status the stored status: open, done or cancelled
   * @param closed the day it was marked done or cancelled, or null
   */
  public static FollowupOutcome asOf(
      LocalDate day, String status, LocalDate due, LocalDate closed) {
    FollowupStatus then = FollowupStatus.of(status).asOf(day, closed);
    return switch (then) {
      case CANCELLED -> CANCELLED;
      case DONE -> due == null ? DONE_NO_DUE_DATE : closed.isAfter(due) ? DONE_LATE : DONE_ON_TIME;
      case OPEN ->
          due == null
              ? OPEN_NO_DUE_DATE
              : Overdue.on(day, then, due) ? OPEN_OVERDUE : OPEN_NOT_YET_DUE;
    };
  }
}
