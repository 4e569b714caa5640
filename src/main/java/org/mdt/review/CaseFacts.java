package org.mdt.review;

import java.time.LocalDate;
import java.util.List;

/**
 * What the agenda rules of DESIGN section 4 need to know of one open case: no names, only initials.
 *
 * @param reviewDates the dates of recorded meetings that reviewed the case, ascending
 * @param requests pending requests: the meeting asked for (null for the next one) and the day asked
 */
public record CaseFacts(long caseId, String caseNumber, boolean restricted, String initials, LocalDate firstReferral,
    LocalDate firstInterview, List<LocalDate> reviewDates, List<OpenFollowup> openFollowups,
    List<Request> requests) {

  /** An open follow-up, as an agenda lists it under its case. */
  public record OpenFollowup(long id, String action, LocalDate due, String owner, String discipline) {}

  /** A member's request to discuss the case. */
  public record Request(Long meetingId, LocalDate requestedOn) {}

  /** The last review before the given day, or null. */
  LocalDate lastReviewBefore(LocalDate day) {
    LocalDate last = null;
    for (LocalDate reviewed : reviewDates) {
      if (!reviewed.isBefore(day)) {
        break;
      }
      last = reviewed;
    }
    return last;
  }
}
