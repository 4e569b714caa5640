package org.mdt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.MdtException;
import org.mdt.db.Session;

/** Scheduling and review requests, called as operations on a fresh database. */
class RequestReviewTest {
  @TempDir Path dir;
  private TwoTeams db;

  @BeforeEach
  void open() throws Exception {
    db = new TwoTeams(dir);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private RequestReview.Result request(RequestReview.Request request) {
    return new RequestReview(new Session(db.database, db.clock(), TwoTeams.ACTOR, TwoTeams.COMMAND))
        .run(request);
  }

  @Test
  void aMeetingAndTheCaseRequestedForItAreTheSameTeams() {
    long south = db.meeting("South MDT", LocalDate.of(2027, 1, 5));
    MdtException refused =
        assertThrows(
            MdtException.class,
            () -> request(new RequestReview.Request("N-1", null, south, null, null)));
    assertEquals(MdtException.DOMAIN, refused.exitCode());
    assertEquals(
        "meeting " + south + " is South MDT's; case N-1 is North MDT's", refused.getMessage());
    long north = db.meeting("North MDT", LocalDate.of(2027, 1, 5));
    request(new RequestReview.Request("N-1", null, north, "new disclosure", "Lee Park"));
    Agenda agenda = new BuildAgenda(db.database).run(new BuildAgenda.Request(north)).agenda();
    assertEquals(
        List.of("N-1", "N-2", "X-1"),
        agenda.cases().stream().map(i -> i.facts().caseNumber()).sorted().toList());
  }

  @Test
  void theRequesterIsAMemberOfTheCaseTeam() {
    MdtException refused =
        assertThrows(
            MdtException.class,
            () -> request(new RequestReview.Request("N-1", null, null, null, "Sam Ortiz")));
    assertEquals(
        "no active member 'Sam Ortiz' in team North MDT (see 'mdt member list')",
        refused.getMessage());
  }

  @Test
  void schedulingChecksTheRangeAndCapacityAndCreatesEachDayOnce() {
    RecurrenceRule weekly = RecurrenceRule.parse("weekly:TUE");
    LocalDate from = LocalDate.of(2027, 1, 1);
    MdtException backwards =
        assertThrows(
            MdtException.class,
            () ->
                new ScheduleMeetings.Request(
                    null, from, from.minusDays(1), weekly, null, null, null));
    assertEquals(MdtException.USAGE, backwards.exitCode());
    assertEquals("--to 2026-12-31 is before --from 2027-01-01", backwards.getMessage());
    MdtException empty =
        assertThrows(
            MdtException.class,
            () -> new ScheduleMeetings.Request(null, from, from, weekly, null, 0, null));
    assertEquals("--capacity must be at least 1", empty.getMessage());
    MdtException severalTeams =
        assertThrows(MdtException.class, () -> schedule(null, from, from.plusDays(13)));
    assertEquals(MdtException.USAGE, severalTeams.exitCode(), severalTeams.getMessage());
    assertEquals(2, schedule("North MDT", from, from.plusDays(13)).size());
    assertEquals(
        List.of(LocalDate.of(2027, 1, 19)),
        schedule("North MDT", from, from.plusDays(20)).stream().map(Meeting::date).toList(),
        "only the new day");
  }

  private List<Meeting> schedule(String team, LocalDate from, LocalDate to) {
    return new ScheduleMeetings(
            new Session(db.database, db.clock(), TwoTeams.ACTOR, TwoTeams.COMMAND))
        .run(
            new ScheduleMeetings.Request(
                team, from, to, RecurrenceRule.parse("weekly:TUE"), null, null, null))
        .created();
  }
}
