package org.mdt.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.mdt.cases.Redaction;

/**
 * The cases due for review at a meeting, in priority order, within its capacity; the rest ({@code
 * overflow}) roll over to the next meeting ({@code nextMeeting}, null when none is scheduled yet).
 *
 * @param capacity the most cases the agenda lists: the meeting's own, or {@link
 *     AgendaBuilder#DEFAULT_CAPACITY}
 */
public record Agenda(
    Meeting meeting, List<Item> cases, List<Item> overflow, LocalDate nextMeeting, int capacity) {
  /** Why a case is on the agenda, in priority order. */
  public enum Reason {
    REQUESTED,
    NEW,
    FOLLOWUP,
    REREVIEW;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A case on the agenda; {@code since} orders cases of one reason, oldest first.
   *
   * @param detail the reason in words, e.g. "requested by Dana Reyes: new disclosure"
   */
  public record Item(CaseFacts facts, Reason reason, LocalDate since, String detail) {
    /** What the agenda may show of the child: initials, or nothing for a restricted case. */
    public String label() {
      return Redaction.child(facts.restricted(), facts.initials());
    }
  }

  /** The numbers of the cases that did not fit, in priority order. */
  public List<String> rolledOver() {
    return overflow.stream().map(item -> item.facts().caseNumber()).toList();
  }

  /** Whether the capacity is mdt's default, the meeting having none of its own. */
  public boolean defaultCapacity() {
    return meeting.capacity() == null;
  }

  /** The case as the agenda has it due, listed or rolled over; empty when it was not due at all. */
  Optional<Item> due(long caseId) {
    return Stream.concat(cases.stream(), overflow.stream())
        .filter(item -> item.facts().caseId() == caseId)
        .findFirst();
  }
}
