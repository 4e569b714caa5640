package org.mdt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.MdtException;
import org.mdt.db.Session;

/**
 * Correcting a recorded meeting (issue 14, item 5), and the warnings recording and amending give
 * for a case that was not on the agenda or was referred after the meeting. Meeting 2027-01-05 of
 * North MDT records N-1 with Dana Reyes present and a follow-up for N-1; each test then amends it.
 */
class AmendMeetingTest {
  private static final LocalDate DAY = LocalDate.of(2027, 1, 5);

  @TempDir Path dir;
  private TwoTeams db;
  private long meeting;

  @BeforeEach
  void recorded() throws Exception {
    db = new TwoTeams(dir);
    meeting = db.meeting("North MDT", DAY);
    db.on(DAY);
    new RecordMeeting(new Session(db.database, db.clock(), TwoTeams.ACTOR, TwoTeams.COMMAND))
        .run(
            new RecordMeeting.Request(
                meeting,
                List.of("Dana Reyes"),
                List.of("N-1"),
                List.of(new RecordMeeting.Recommendation("N-1", "Keep")),
                List.of(
                    new RecordMeeting.FollowupRecommendation(
                        "N-1", "Lee Park", DAY.plusDays(14), "Call the school"))));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private AmendMeeting.Result amend(
      List<String> addAttended,
      List<String> removeAttended,
      List<String> addReviewed,
      List<String> removeReviewed,
      List<String> removeRecommendations) {
    return new AmendMeeting(new Session(db.database, db.clock(), TwoTeams.ACTOR, TwoTeams.COMMAND))
        .run(
            new AmendMeeting.Request(
                meeting,
                addAttended,
                removeAttended,
                addReviewed,
                removeReviewed,
                removeRecommendations,
                List.of(),
                List.of()));
  }

  private List<String> column(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = db.database.connection().createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  @Test
  void addsAndRemovesCasesAndMembersInOneAuditedChange() throws SQLException {
    AmendMeeting.Result result =
        amend(
            List.of("Lee Park"),
            List.of("dana reyes"),
            List.of("N-2", "X-1"),
            List.of(),
            List.of());
    assertEquals(1, result.attended());
    assertEquals(3, result.reviewed());
    assertEquals(2, result.recommendations(), "the plain one and the follow-up's");
    assertEquals(1, result.followups());
    assertEquals(List.of(), result.notOnAgenda(), "N-2 and X-1 were due as new");
    assertEquals(
        List.of("Lee Park"),
        column(
            "SELECT m.name FROM meeting_attendance a JOIN member m"
                + " ON m.id = a.member_id WHERE a.meeting_id = "
                + meeting));
    assertEquals(
        List.of("N-1 new", "N-2 new", "X-1 new"),
        column(
            "SELECT c.case_number || ' ' || mc.reason"
                + " FROM meeting_case mc JOIN mdt_case c ON c.id = mc.case_id ORDER BY c.case_number"));
    String audit =
        column(
                "SELECT changes FROM audit_log WHERE entity = 'meeting' AND action = 'update'"
                    + " ORDER BY id DESC")
            .get(0);
    assertEquals(
        "{\"attended\":[\"[Dana Reyes]\",\"[Lee Park]\"],\"reviewed\":[\"[N-1]\",\"[N-1, N-2, X-1]\"]}",
        audit);

    MdtException again =
        assertThrows(
            MdtException.class,
            () -> amend(List.of(), List.of(), List.of("N-2"), List.of(), List.of()));
    assertEquals(
        "case N-2 is already recorded as reviewed at meeting " + meeting, again.getMessage());
    MdtException absent =
        assertThrows(
            MdtException.class,
            () -> amend(List.of(), List.of("Dana Reyes"), List.of(), List.of(), List.of()));
    assertEquals(
        "'Dana Reyes' is not recorded as attending meeting " + meeting + " (present: Lee Park)",
        absent.getMessage());
  }

  @Test
  void aCaseWithRecommendationsIsTakenOffOnlyWithThem() throws SQLException {
    MdtException refused =
        assertThrows(
            MdtException.class,
            () -> amend(List.of(), List.of(), List.of("N-2"), List.of("N-1"), List.of()));
    assertEquals(MdtException.DOMAIN, refused.exitCode());
    assertEquals(
        "case N-1 has 2 recommendation(s) and 1 follow-up(s) from meeting "
            + meeting
            + ": add --remove-recommendations N-1 to remove them too",
        refused.getMessage());
    assertEquals(
        List.of("N-1"),
        column(
            "SELECT c.case_number FROM meeting_case mc JOIN mdt_case c" + " ON c.id = mc.case_id"),
        "one transaction: N-2 was not added either");

    String followup = column("SELECT id FROM followup").get(0);
    AmendMeeting.Result result =
        amend(List.of(), List.of(), List.of("N-2"), List.of("N-1"), List.of("N-1"));
    assertEquals(List.of(Long.parseLong(followup)), result.followupsRemoved());
    assertEquals(1, result.reviewed());
    assertEquals(0, result.recommendations());
    assertEquals(0, result.followups());
    assertEquals(
        List.of("0", "0", "0"),
        column(
            "SELECT COUNT(*) FROM recommendation UNION ALL"
                + " SELECT COUNT(*) FROM followup UNION ALL SELECT COUNT(*) FROM followup_history"));
    assertEquals(
        List.of("followup", "recommendation", "recommendation"),
        column("SELECT entity FROM audit_log" + " WHERE action = 'delete' ORDER BY entity"),
        "the trail keeps what was removed");
    assertTrue(
        column("SELECT changes FROM audit_log WHERE entity = 'followup' AND action = 'delete'")
            .get(0)
            .contains("Call the school"));
  }

  @Test
  void takingACaseOffReopensTheRequestItFulfilled() {
    db.on(DAY.minusDays(1));
    new RequestReview(new Session(db.database, db.clock(), TwoTeams.ACTOR, TwoTeams.COMMAND))
        .run(new RequestReview.Request("N-2", null, null, "new disclosure", "Dana Reyes"));
    db.on(DAY);
    amend(List.of(), List.of(), List.of("N-2"), List.of(), List.of());
    long next = db.meeting("North MDT", DAY.plusDays(7));
    assertTrue(
        agenda(next).cases().stream().noneMatch(i -> i.facts().caseNumber().equals("N-2")),
        "fulfilled");
    amend(List.of(), List.of(), List.of(), List.of("N-2"), List.of());
    Agenda.Item first = agenda(next).cases().get(0);
    assertEquals("N-2", first.facts().caseNumber(), "pending again, and first");
    assertEquals("requested by Dana Reyes: new disclosure", first.detail());
  }

  private Agenda agenda(long id) {
    return new BuildAgenda(db.database).run(new BuildAgenda.Request(id)).agenda();
  }

  @Test
  void warnsOfACaseNotOnTheAgendaOrReferredAfterTheMeeting() {
    long week = db.meeting("North MDT", DAY.plusDays(7));
    db.on(DAY.plusDays(7));
    RecordMeeting.Result recorded =
        new RecordMeeting(new Session(db.database, db.clock(), TwoTeams.ACTOR, TwoTeams.COMMAND))
            .run(
                new RecordMeeting.Request(
                    week, List.of("Lee Park"), List.of("N-1", "N-2"), List.of(), List.of()));
    assertEquals(
        List.of("N-1"),
        recorded.notOnAgenda().stream().map(RecordMeeting.NotOnAgenda::caseNumber).toList(),
        "N-1 was reviewed a week before: not due");
    assertEquals(
        "case N-1 was not on the agenda of meeting "
            + week
            + " (not due on 2027-01-12); recorded all the"
            + " same: check the case number",
        recorded.notOnAgenda().get(0).message());

    long early = db.meeting("North MDT", LocalDate.of(2026, 9, 29));
    new RecordMeeting(new Session(db.database, db.clock(), TwoTeams.ACTOR, TwoTeams.COMMAND))
        .run(
            new RecordMeeting.Request(early, List.of("Lee Park"), List.of(), List.of(), List.of()));
    meeting = early;
    AmendMeeting.Result amended = amend(List.of(), List.of(), List.of("X-1"), List.of(), List.of());
    assertEquals(
        List.of("X-1"),
        amended.notOnAgenda().stream().map(RecordMeeting.NotOnAgenda::caseNumber).toList());
    assertEquals(
        List.of("X-1"),
        amended.reviewedBeforeReferral().stream()
            .map(ReviewStore.ReviewBeforeReferral::caseNumber)
            .toList(),
        "referred 2026-10-03, after the meeting");
  }

  @Test
  void onlyARecordedMeetingIsAmendedAndSomethingMustChange() {
    meeting = db.meeting("North MDT", DAY.plusDays(7));
    MdtException notRecorded =
        assertThrows(
            MdtException.class,
            () -> amend(List.of(), List.of(), List.of("N-2"), List.of(), List.of()));
    assertEquals(
        "meeting "
            + meeting
            + " on 2027-01-12 is not recorded yet: record it with 'mdt review record "
            + meeting
            + "'",
        notRecorded.getMessage());
    MdtException nothing =
        assertThrows(
            MdtException.class, () -> amend(List.of(), List.of(), List.of(), List.of(), List.of()));
    assertEquals(MdtException.USAGE, nothing.exitCode());
  }
}
