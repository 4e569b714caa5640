package org.mdt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The agenda rules on hand-made case facts, without a database or the CLI. Every meeting is on
 * Tuesday 2025-06-10. The dates that matter, counted by hand: 3 days before is 2025-06-07; 90 days
 * before is 2025-03-12 (back 10 days of June, 31 of May and 30 of April reaches 03-31, 19 more
 * reach 03-12).
 */
class AgendaBuilderTest {
  private static final long MEETING_ID = 7;
  private static final LocalDate MEETING_DAY = LocalDate.parse("2025-06-10");

  /** A later meeting: a request for it does not put a case on this agenda. */
  private static final long OTHER_MEETING_ID = 8;

  private static final LocalDate NEXT_MEETING = LocalDate.parse("2025-06-24");

  /** One open case's facts; a test sets only those it is about. */
  private static final class Case {
    private final String number;
    private boolean restricted;
    private LocalDate referral;
    private LocalDate interview;
    private final List<LocalDate> reviews = new ArrayList<>();
    private final List<CaseFacts.OpenFollowup> followups = new ArrayList<>();
    private final List<CaseFacts.Request> requests = new ArrayList<>();

    Case(String number) {
      this.number = number;
    }

    Case referred(String day) {
      referral = LocalDate.parse(day);
      return this;
    }

    Case interviewed(String day) {
      interview = LocalDate.parse(day);
      return this;
    }

    /**
     * Reviewed at recorded meetings on these days, given in ascending order as the store gives
     * them.
     */
    Case reviewed(String... days) {
      Arrays.stream(days).map(LocalDate::parse).forEach(reviews::add);
      return this;
    }

    Case followupDue(String day) {
      followups.add(
          new CaseFacts.OpenFollowup(
              followups.size() + 1,
              "call the family",
              LocalDate.parse(day),
              "Pat Advocate",
              "advocacy"));
      return this;
    }

    /**
     * A member's pending request, for this meeting, the later one, or (null) whichever comes next.
     */
    Case requested(Long meetingId, String day) {
      LocalDate meetingDay =
          meetingId == null ? null : meetingId == MEETING_ID ? MEETING_DAY : NEXT_MEETING;
      requests.add(
          new CaseFacts.Request(
              meetingId, meetingDay, LocalDate.parse(day), "Pat Advocate", null, null));
      return this;
    }

    Case restricted() {
      restricted = true;
      return this;
    }

    CaseFacts facts() {
      return new CaseFacts(
          number.hashCode(),
          number,
          restricted,
          "J.D.",
          referral,
          interview,
          List.copyOf(reviews),
          null,
          List.copyOf(followups),
          List.copyOf(requests));
    }
  }

  private static Meeting meeting(Integer capacity) {
    return new Meeting(
        MEETING_ID, 1, "County MDT", MEETING_DAY, LocalTime.of(9, 30), "Room 2", capacity, false);
  }

  private static Agenda build(Integer capacity, Case... cases) {
    return AgendaBuilder.build(
        meeting(capacity), Arrays.stream(cases).map(Case::facts).toList(), NEXT_MEETING);
  }

  /** The agenda as "case reason since" lines, the way a reviewer reads it. */
  private static List<String> lines(Agenda agenda) {
    return agenda.cases().stream()
        .map(item -> item.facts().caseNumber() + " " + item.reason().code() + " " + item.since())
        .toList();
  }

  @Test
  void aCaseIsNewThreeDaysAfterItsReferralOrInterview() {
    Agenda agenda =
        build(
            null,
            new Case("C-1").referred("2025-06-07"),
            new Case("C-2").referred("2025-06-08"),
            new Case("C-3").referred("2025-06-08").interviewed("2025-06-05"),
            new Case("C-4").interviewed("2025-06-09").referred("2025-06-09"));
    // C-2 and C-4 came in too recently; C-3 is new through its interview but is ordered by its
    // referral.
    assertEquals(List.of("C-1 new 2025-06-07", "C-3 new 2025-06-08"), lines(agenda));
    assertEquals(List.of(), agenda.rolledOver(), "a case not yet due does not roll over either");
  }

  @Test
  void aCaseReviewedBeforeTheMeetingIsNoLongerNew() {
    Agenda agenda =
        build(
            null,
            new Case("C-1").referred("2025-05-01").reviewed("2025-05-20"),
            new Case("C-2").referred("2025-05-01").reviewed("2025-06-10"));
    // A review on the meeting's own day is not a review before it: C-2 is still new.
    assertEquals(List.of("C-2 new 2025-05-01"), lines(agenda));
  }

  @Test
  void aCaseIsReReviewedNinetyDaysAfterItsLastReview() {
    Agenda agenda =
        build(
            null,
            new Case("C-1").referred("2024-01-02").reviewed("2025-03-12"),
            new Case("C-2").referred("2024-01-02").reviewed("2025-03-13"),
            new Case("C-3").referred("2024-01-02").reviewed("2024-11-01", "2025-03-13"),
            new Case("C-4").referred("2024-01-02").reviewed("2024-06-03", "2024-12-02"));
    // C-2 and C-3 were last reviewed 89 days before; C-4's last review, not its first, gives its
    // date.
    assertEquals(List.of("C-4 rereview 2024-12-02", "C-1 rereview 2025-03-12"), lines(agenda));
  }

  @Test
  void aCaseWithAFollowupDueByTheMeetingIsListedUnderItsEarliest() {
    Agenda agenda =
        build(
            null,
            new Case("C-1").referred("2025-01-06").reviewed("2025-05-06").followupDue("2025-06-10"),
            new Case("C-2").referred("2025-01-06").reviewed("2025-05-06").followupDue("2025-06-11"),
            new Case("C-3")
                .referred("2025-01-06")
                .reviewed("2025-05-06")
                .followupDue("2025-06-01")
                .followupDue("2025-05-15")
                .followupDue("2025-07-01"));
    assertEquals(List.of("C-3 followup 2025-05-15", "C-1 followup 2025-06-10"), lines(agenda));
  }

  @Test
  void aRequestCountsForThisMeetingOrTheNextAndNotBeforeItIsMade() {
    Agenda agenda =
        build(
            null,
            new Case("C-1")
                .referred("2025-01-06")
                .reviewed("2025-05-06")
                .requested(null, "2025-06-09"),
            new Case("C-2")
                .referred("2025-01-06")
                .reviewed("2025-05-06")
                .requested(MEETING_ID, "2025-06-10"),
            new Case("C-3")
                .referred("2025-01-06")
                .reviewed("2025-05-06")
                .requested(OTHER_MEETING_ID, "2025-06-02"),
            new Case("C-4")
                .referred("2025-01-06")
                .reviewed("2025-05-06")
                .requested(null, "2025-06-11"),
            new Case("C-5")
                .referred("2025-01-06")
                .reviewed("2025-05-06")
                .requested(null, "2025-06-03")
                .requested(MEETING_ID, "2025-05-28"));
    // C-3 asked for a later meeting; C-4's request is dated after this one.
    assertEquals(
        List.of("C-5 requested 2025-05-28", "C-1 requested 2025-06-09", "C-2 requested 2025-06-10"),
        lines(agenda));
  }

  @Test
  void aCaseDueForSeveralReasonsIsListedOnceUnderTheFirst() {
    Agenda agenda =
        build(
            null,
            new Case("C-1")
                .referred("2025-05-01")
                .requested(null, "2025-05-02")
                .followupDue("2025-05-03"),
            new Case("C-2")
                .referred("2025-01-06")
                .reviewed("2025-01-07")
                .requested(null, "2025-06-01")
                .followupDue("2025-05-03"),
            new Case("C-3")
                .referred("2025-01-06")
                .reviewed("2025-01-07")
                .followupDue("2025-05-03"));
    // Last reviewed 2025-01-07, more than 90 days ago: C-2 and C-3 are also due for re-review. A
    // request comes
    // first, before new (issue 14, item 8).
    assertEquals(
        List.of("C-1 requested 2025-05-02", "C-2 requested 2025-06-01", "C-3 followup 2025-05-03"),
        lines(agenda));
  }

  @Test
  void reasonsComeInOrderThenTheOldestThenTheCaseNumber() {
    Agenda agenda =
        build(
            null,
            new Case("C-9").referred("2024-01-02").reviewed("2025-01-10"),
            new Case("C-8").referred("2025-01-06").reviewed("2025-05-06").followupDue("2025-06-01"),
            new Case("C-7")
                .referred("2025-01-06")
                .reviewed("2025-05-06")
                .requested(null, "2025-06-05"),
            new Case("C-6").referred("2025-06-02"),
            new Case("C-5").referred("2025-05-20"),
            new Case("C-4").referred("2025-06-02"),
            new Case("C-3").referred("2024-01-02").reviewed("2024-12-01"),
            new Case("C-2")
                .referred("2025-01-06")
                .reviewed("2025-05-06")
                .followupDue("2025-06-01"));
    assertEquals(
        List.of(
            "C-7 requested 2025-06-05",
            "C-5 new 2025-05-20",
            "C-4 new 2025-06-02",
            "C-6 new 2025-06-02",
            "C-2 followup 2025-06-01",
            "C-8 followup 2025-06-01",
            "C-3 rereview 2024-12-01",
            "C-9 rereview 2025-01-10"),
        lines(agenda));
  }

  @Test
  void beyondCapacityTheLowestPriorityCasesRollOverToTheNextMeeting() {
    Case[] cases = {
      new Case("C-1").referred("2024-01-02").reviewed("2024-12-01"),
      new Case("C-2").referred("2025-05-20"),
      new Case("C-3").referred("2025-01-06").reviewed("2025-05-06").followupDue("2025-06-01"),
      new Case("C-4").referred("2025-05-01"),
      new Case("C-5").referred("2025-01-06").reviewed("2025-05-06")
    };

    Agenda three = build(3, cases);
    // C-5 is not due at all (reviewed 35 days ago, nothing pending), so it neither appears nor
    // rolls over.
    assertEquals(
        List.of("C-4 new 2025-05-01", "C-2 new 2025-05-20", "C-3 followup 2025-06-01"),
        lines(three));
    assertEquals(List.of("C-1"), three.rolledOver());
    assertEquals(NEXT_MEETING, three.nextMeeting());

    Agenda none = build(0, cases);
    assertEquals(List.of(), none.cases());
    assertEquals(
        List.of("C-4", "C-2", "C-3", "C-1"), none.rolledOver(), "rolled over in priority order");

    Agenda roomy = build(10, cases);
    assertEquals(4, roomy.cases().size());
    assertEquals(List.of(), roomy.rolledOver());

    Agenda unlimited = build(null, cases);
    assertEquals(
        lines(roomy), lines(unlimited), "no capacity set: the default, 12, holds every due case");
    assertEquals(AgendaBuilder.DEFAULT_CAPACITY, unlimited.capacity());
  }

  @Test
  void aRestrictedCaseIsDueByTheSameRulesButShowsNoInitials() {
    Agenda agenda =
        build(
            null,
            new Case("C-1").referred("2025-05-01").restricted(),
            new Case("C-2").referred("2025-05-02"),
            new Case("C-3").referred("2025-05-01").reviewed("2025-06-02").restricted());
    assertEquals(List.of("C-1 new 2025-05-01", "C-2 new 2025-05-02"), lines(agenda));
    assertEquals("restricted case", agenda.cases().get(0).label());
    assertEquals("J.D.", agenda.cases().get(1).label());
  }

  @Test
  void noOpenCasesMakeAnEmptyAgenda() {
    Agenda agenda = build(5);
    assertEquals(List.of(), agenda.cases());
    assertEquals(List.of(), agenda.rolledOver());
    assertEquals(meeting(5), agenda.meeting());
  }
}
