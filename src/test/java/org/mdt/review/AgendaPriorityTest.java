package org.mdt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The agenda's order and size on facts made by hand (issue 14, items 8 and 10): a member's request
 * goes first, before new cases, and stays first at the meetings after one it rolled over from; a
 * meeting without a capacity lists {@link AgendaBuilder#DEFAULT_CAPACITY} cases.
 */
class AgendaPriorityTest {
  private static final LocalDate DAY = LocalDate.of(2027, 1, 5);
  private static final Meeting UNLIMITED =
      new Meeting(1, 1, "North MDT", DAY, null, null, null, false);

  /**
   * Case C-n, referred n days before the first of October 2026: new at any meeting here, oldest
   * first.
   */
  private static CaseFacts newCase(int n, List<CaseFacts.Request> requests) {
    return new CaseFacts(
        n,
        "C-" + n,
        false,
        "A.B.",
        LocalDate.of(2026, 10, 1).minusDays(n),
        null,
        List.of(),
        null,
        List.of(),
        requests);
  }

  private static List<CaseFacts> newCases(int count) {
    List<CaseFacts> cases = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      cases.add(newCase(n, List.of()));
    }
    return cases;
  }

  private static List<String> numbers(List<Agenda.Item> items) {
    return items.stream().map(i -> i.facts().caseNumber()).toList();
  }

  @Test
  void aMeetingWithoutCapacityListsTheDefaultAndRollsTheRestOver() {
    Agenda agenda = AgendaBuilder.build(UNLIMITED, newCases(20), DAY.plusDays(14));
    assertEquals(12, AgendaBuilder.DEFAULT_CAPACITY);
    assertEquals(12, agenda.cases().size(), "688 cases on one agenda was the bug");
    assertEquals(12, agenda.capacity());
    assertTrue(agenda.defaultCapacity());
    assertEquals(
        List.of("C-8", "C-7", "C-6", "C-5", "C-4", "C-3", "C-2", "C-1"),
        agenda.rolledOver(),
        "the newest roll over");
    Meeting four = new Meeting(1, 1, "North MDT", DAY, null, null, 4, false);
    Agenda limited = AgendaBuilder.build(four, newCases(20), null);
    assertEquals(4, limited.cases().size());
    assertFalse(limited.defaultCapacity());
  }

  @Test
  void aRequestGoesBeforeNewCasesAndSaysWhoAskedAndWhy() {
    List<CaseFacts> cases = newCases(20);
    cases.set(
        0,
        newCase(
            1,
            List.of(
                new CaseFacts.Request(
                    null, null, DAY.minusDays(2), "Dana Reyes", "new disclosure", null),
                new CaseFacts.Request(null, null, DAY.minusDays(1), "Lee Park", null, null))));
    Agenda agenda = AgendaBuilder.build(UNLIMITED, cases, null);
    Agenda.Item first = agenda.cases().get(0);
    assertEquals("C-1", first.facts().caseNumber(), "was the newest of 20, beyond the capacity");
    assertEquals(Agenda.Reason.REQUESTED, first.reason());
    assertEquals("requested by Dana Reyes: new disclosure; Lee Park", first.detail());
    assertEquals("referred 2026-09-11", agenda.cases().get(1).detail());
  }

  @Test
  void aRequestForAMeetingThatRolledItOverStaysFirstAfterIt() {
    Meeting full = new Meeting(1, 1, "North MDT", DAY, null, null, 1, false);
    Meeting next = new Meeting(2, 1, "North MDT", DAY.plusDays(7), null, null, 1, false);
    List<CaseFacts> cases = new ArrayList<>(newCases(3));
    cases.add(
        newCase(
            9, List.of(new CaseFacts.Request(1L, DAY, DAY.minusDays(3), "Lee Park", null, null))));
    cases.add(
        newCase(
            8,
            List.of(new CaseFacts.Request(1L, DAY, DAY.minusDays(2), "Dana Reyes", null, null))));
    Agenda first = AgendaBuilder.build(full, cases, next.date());
    assertEquals(List.of("C-9"), numbers(first.cases()));
    assertEquals(
        List.of("C-8", "C-3", "C-2", "C-1"),
        first.rolledOver(),
        "the other request rolls over first");
    cases.set(
        3,
        new CaseFacts(
            9,
            "C-9",
            false,
            "A.B.",
            LocalDate.of(2026, 9, 22),
            null,
            List.of(DAY),
            null,
            List.of(),
            List.of(new CaseFacts.Request(1L, DAY, DAY.minusDays(3), "Lee Park", null, DAY))));
    assertEquals(
        List.of("C-8"),
        numbers(AgendaBuilder.build(next, cases, null).cases()),
        "C-9 reviewed; C-8 still requested at the next meeting, ahead of new cases");
  }

  @Test
  void aRequestFulfilledAtTheMeetingStillShowsOnThatMeetingsAgendaOnly() {
    CaseFacts reviewed =
        new CaseFacts(
            1,
            "C-1",
            true,
            "A.B.",
            LocalDate.of(2026, 9, 1),
            null,
            List.of(DAY),
            null,
            List.of(),
            List.of(
                new CaseFacts.Request(
                    null, null, DAY.minusDays(1), "Dana Reyes", "new disclosure", DAY)));
    Agenda.Item item = AgendaBuilder.build(UNLIMITED, List.of(reviewed), null).cases().get(0);
    assertEquals(Agenda.Reason.REQUESTED, item.reason());
    assertEquals("requested by Dana Reyes", item.detail(), "a restricted case does not say why");
    Meeting later = new Meeting(2, 1, "North MDT", DAY.plusDays(7), null, null, null, false);
    assertEquals(List.of(), AgendaBuilder.build(later, List.of(reviewed), null).cases());
  }
}
