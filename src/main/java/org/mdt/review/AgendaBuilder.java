package org.mdt.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The due-for-review rules of DESIGN section 4. An open case is due when it is new (never reviewed, and
 * its forensic interview or referral at least 3 days before the meeting), a member asked for it, it has an
 * open follow-up due by the meeting, or its last review was 90 or more days before. A case due for several
 * reasons is listed once, under the first of: new, requested, follow-up, re-review; within a reason the
 * oldest comes first. A member's explicit request ranks right after new cases: the design lists no place for
 * it, and a request left to roll over behind routine re-reviews would defeat its purpose.
 */
public final class AgendaBuilder {
  static final int NEW_AFTER_DAYS = 3;
  static final int REREVIEW_AFTER_DAYS = 90;

  private AgendaBuilder() {}

  public static Agenda build(Meeting meeting, List<CaseFacts> openCases, LocalDate nextMeeting) {
    LocalDate day = meeting.date();
    List<Agenda.Item> due = new ArrayList<>();
    for (CaseFacts facts : openCases) {
      Agenda.Item item = dueItem(facts, meeting);
      if (item != null) {
        due.add(item);
      }
    }
    due.sort(Comparator.comparing(Agenda.Item::reason).thenComparing(Agenda.Item::since)
        .thenComparing(item -> item.facts().caseNumber()));
    int capacity = meeting.capacity() == null ? due.size() : Math.min(meeting.capacity(), due.size());
    List<String> rolledOver = due.subList(capacity, due.size()).stream().map(i -> i.facts().caseNumber()).toList();
    return new Agenda(meeting, List.copyOf(due.subList(0, capacity)), rolledOver, nextMeeting);
  }

  private static Agenda.Item dueItem(CaseFacts facts, Meeting meeting) {
    LocalDate day = meeting.date();
    LocalDate lastReview = facts.lastReviewBefore(day);
    LocalDate newBy = day.minusDays(NEW_AFTER_DAYS);
    if (lastReview == null && (onOrBefore(facts.firstReferral(), newBy) || onOrBefore(facts.firstInterview(), newBy))) {
      return new Agenda.Item(facts, Agenda.Reason.NEW, facts.firstReferral());
    }
    LocalDate requested = facts.requests().stream()
        .filter(r -> (r.meetingId() == null || r.meetingId() == meeting.id()) && !r.requestedOn().isAfter(day))
        .map(CaseFacts.Request::requestedOn).min(Comparator.naturalOrder()).orElse(null);
    if (requested != null) {
      return new Agenda.Item(facts, Agenda.Reason.REQUESTED, requested);
    }
    LocalDate followupDue = facts.openFollowups().stream().map(CaseFacts.OpenFollowup::due)
        .filter(d -> onOrBefore(d, day)).min(Comparator.naturalOrder()).orElse(null);
    if (followupDue != null) {
      return new Agenda.Item(facts, Agenda.Reason.FOLLOWUP, followupDue);
    }
    if (lastReview != null && onOrBefore(lastReview, day.minusDays(REREVIEW_AFTER_DAYS))) {
      return new Agenda.Item(facts, Agenda.Reason.REREVIEW, lastReview);
    }
    return null;
  }

  private static boolean onOrBefore(LocalDate date, LocalDate limit) {
    return date != null && !date.isAfter(limit);
  }
}
