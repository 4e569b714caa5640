package org.mdt.review;

import java.time.LocalDate;
import java.util.List;
import org.mdt.cases.Redaction;

/**
 * The cases due for review at a meeting, in priority order, within its capacity; the rest roll over to the
 * next meeting ({@code nextMeeting}, null when none is scheduled yet).
 */
public record Agenda(Meeting meeting, List<Item> cases, List<String> rolledOver, LocalDate nextMeeting) {
  /** Why a case is on the agenda, in priority order. */
  public enum Reason {
    NEW, REQUESTED, FOLLOWUP, REREVIEW;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A case on the agenda; {@code since} orders cases of one reason, oldest first. */
  public record Item(CaseFacts facts, Reason reason, LocalDate since) {
    /** What the agenda may show of the child: initials, or nothing for a restricted case. */
    public String label() {
      return Redaction.child(facts.restricted(), facts.initials());
    }
  }
}
