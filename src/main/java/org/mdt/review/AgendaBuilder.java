package org.mdt.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The due-for-review rules of docs/DESIGN.md section 4. An open case is due when a member asked for
 * it, it is new (never reviewed, and its forensic interview or referral at least 3 days before the
 * meeting), it has an open follow-up due by the meeting, or its last review was 90 or more days
 * before. A case due for several reasons is listed once, under the first of: requested, new,
 * follow-up, re-review; within a reason the oldest comes first. A member's explicit request goes
 * first, before new cases: the design lists no place for it, and a request left behind the month's
 * new cases rolled over meeting after meeting.
 */
public final class AgendaBuilder {
  static final int NEW_AFTER_DAYS = 3;
  static final int REREVIEW_AFTER_DAYS = 90;

  /**
   * The capacity of a meeting scheduled without one: a two-hour review at about ten minutes a case.
   * Without a limit, a first import put every case of a year on one agenda.
   */
  public static final int DEFAULT_CAPACITY = 12;

  /**
   * Reason, then oldest first, then case number: one comparator, since a year of agendas sorts
   * millions.
   */
  private static final Comparator<Agenda.Item> PRIORITY =
      (a, b) -> {
        int order = a.reason().compareTo(b.reason());
        if (order == 0) {
          order = a.since().compareTo(b.since());
        }
        return order != 0 ? order : a.facts().caseNumber().compareTo(b.facts().caseNumber());
      };

  private AgendaBuilder() {}

  public static Agenda build(Meeting meeting, List<CaseFacts> openCases, LocalDate nextMeeting) {
    List<Agenda.Item> due = new ArrayList<>();
    for (CaseFacts facts : openCases) {
      Agenda.Item item = dueItem(facts, meeting);
      if (item != null) {
        due.add(item);
      }
    }
    due.sort(PRIORITY);
    int capacity = meeting.capacity() == null ? DEFAULT_CAPACITY : meeting.capacity();
    int listed = Math.min(capacity, due.size());
    return new Agenda(
        meeting,
        List.copyOf(due.subList(0, listed)),
        List.copyOf(due.subList(listed, due.size())),
        nextMeeting,
        capacity);
  }

  private static Agenda.Item dueItem(CaseFacts facts, Meeting meeting) {
    LocalDate day = meeting.date();
    List<CaseFacts.Request> requests =
        facts.requests().stream()
            .filter(r -> r.pendingAt(meeting.id(), day))
            .sorted(Comparator.comparing(CaseFacts.Request::requestedOn))
            .toList();
    if (!requests.isEmpty()) {
      return new Agenda.Item(
          facts,
          Agenda.Reason.REQUESTED,
          requests.get(0).requestedOn(),
          requested(facts, requests));
    }
    LocalDate lastReview = facts.lastReviewBefore(day);
    LocalDate newBy = day.minusDays(NEW_AFTER_DAYS);
    if (lastReview == null
        && (onOrBefore(facts.firstReferral(), newBy)
            || onOrBefore(facts.firstInterview(), newBy))) {
      return new Agenda.Item(
          facts, Agenda.Reason.NEW, facts.firstReferral(), "referred " + facts.firstReferral());
    }
    LocalDate followupDue = null;
    for (CaseFacts.OpenFollowup followup : facts.openFollowups()) {
      if (onOrBefore(followup.due(), day)) {
        followupDue = earliest(followupDue, followup.due());
      }
    }
    if (followupDue != null) {
      return new Agenda.Item(
          facts, Agenda.Reason.FOLLOWUP, followupDue, "follow-up due " + followupDue);
    }
    if (lastReview != null && onOrBefore(lastReview, day.minusDays(REREVIEW_AFTER_DAYS))) {
      boolean baseline =
          lastReview.equals(facts.reviewedBeforeMdt()) && !facts.reviewDates().contains(lastReview);
      return new Agenda.Item(
          facts,
          Agenda.Reason.REREVIEW,
          lastReview,
          baseline ? "reviewed before mdt (by " + lastReview + ")" : "last reviewed " + lastReview);
    }
    return null;
  }

  /**
   * "requested by Dana Reyes: new disclosure", each pending request once, in the order asked. A
   * restricted case shows who asked but not why, as the agenda shows nothing else of it.
   */
  private static String requested(CaseFacts facts, List<CaseFacts.Request> requests) {
    return requests.stream()
        .map(
            r ->
                r.note() == null || r.note().isBlank() || facts.restricted()
                    ? r.by()
                    : r.by() + ": " + r.note())
        .distinct()
        .collect(Collectors.joining("; ", "requested by ", ""));
  }

  private static LocalDate earliest(LocalDate current, LocalDate candidate) {
    return current == null || candidate.isBefore(current) ? candidate : current;
  }

  private static boolean onOrBefore(LocalDate date, LocalDate limit) {
    return date != null && !date.isAfter(limit);
  }
}
