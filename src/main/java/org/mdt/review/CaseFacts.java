package org.mdt.review;

import java.time.LocalDate;
import java.util.List;

/**
 * What the agenda rules of docs/DESIGN.md section 4 need to know of one open case: no names, only
 * initials.
 *
 * @param reviewDates the dates of recorded meetings that reviewed the case, ascending
 * @param reviewedBeforeMdt the day {@code review baseline} says the case had been reviewed by
 *     before mdt, or null
 * @param requests every request for the case, fulfilled or not: an agenda takes those pending on
 *     its day
 */
public record CaseFacts(
    long caseId,
    String caseNumber,
    boolean restricted,
    String initials,
    LocalDate firstReferral,
    LocalDate firstInterview,
    List<LocalDate> reviewDates,
    LocalDate reviewedBeforeMdt,
    List<OpenFollowup> openFollowups,
    List<Request> requests) {

  /** An open follow-up, as an agenda lists it under its case. */
  public record OpenFollowup(
      long id, String action, LocalDate due, String owner, String discipline) {}

  /**
   * A member's request to discuss the case.
   *
   * @param meetingId the meeting asked for, or null for the next one
   * @param meetingDate that meeting's day, or null
   * @param requestedOn the day it was asked
   * @param by who asked (a member's name, or the OS user)
   * @param note why, or null
   * @param fulfilledOn the day of the recorded meeting that reviewed the case for it, or null while
   *     pending
   */
  public record Request(
      Long meetingId,
      LocalDate meetingDate,
      LocalDate requestedOn,
      String by,
      String note,
      LocalDate fulfilledOn) {
    /**
     * Whether the request puts the case on the agenda of a meeting on the day: asked on or before
     * it, still pending then (a review at that very meeting does not count), and for that meeting,
     * for "the next one", or for an earlier meeting that did not review the case (a request is
     * never lost by rolling over).
     */
    boolean pendingAt(long meeting, LocalDate day) {
      boolean forThisOrEarlier =
          meetingId == null || meetingId == meeting || meetingDate.isBefore(day);
      return forThisOrEarlier
          && !requestedOn.isAfter(day)
          && (fulfilledOn == null || !fulfilledOn.isBefore(day));
    }
  }

  /** The last review before the given day, or null; a baseline counts as a review on its day. */
  LocalDate lastReviewBefore(LocalDate day) {
    LocalDate last =
        reviewedBeforeMdt == null || reviewedBeforeMdt.isAfter(day) ? null : reviewedBeforeMdt;
    for (LocalDate reviewed : reviewDates) {
      if (!reviewed.isBefore(day)) {
        break;
      }
      if (last == null || reviewed.isAfter(last)) {
        last = reviewed;
      }
    }
    return last;
  }
}
