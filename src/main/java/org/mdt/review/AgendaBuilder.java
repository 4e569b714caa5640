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

  /** Reason, then oldest first, then case number: one comparator, since a year of agendas sorts millions. */
  private static final Comparator<Agenda.Item> PRIORITY = (a, b) -> {
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
    LocalDate requested = null;
    for (CaseFacts.Request request : facts.requests()) {
      if ((request.meetingId() == null || request.meetingId() == meeting.id()) && onOrBefore(request.requestedOn(), day)) {
        requested = earliest(requested, request.requestedOn());
      }
    }
    if (requested != null) {
      return new Agenda.Item(facts, Agenda.Reason.REQUESTED, requested);
    }
    LocalDate followupDue = null;
    for (CaseFacts.OpenFollowup followup : facts.openFollowups()) {
      if (onOrBefore(followup.due(), day)) {
        followupDue = earliest(followupDue, followup.due());
      }
    }
    if (followupDue != null) {
      return new Agenda.Item(facts, Agenda.Reason.FOLLOWUP, followupDue);
    }
    if (lastReview != null && onOrBefore(lastReview, day.minusDays(REREVIEW_AFTER_DAYS))) {
      return new Agenda.Item(facts, Agenda.Reason.REREVIEW, lastReview);
    }
    return null;
  }

  private static LocalDate earliest(LocalDate current, LocalDate candidate) {
    return current == null || candidate.isBefore(current) ? candidate : current;
  }

  private static boolean onOrBefore(LocalDate date, LocalDate limit) {
    return date != null && !date.isAfter(limit);
  }
}
