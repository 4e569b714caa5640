package org.mdt.followup;

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
import org.mdt.review.TwoTeams;

/** Adding, closing and reassigning follow-ups, called as operations on a fresh database. */
class AddFollowupTest {
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

  private long add(AddFollowup.Request request) {
    return new AddFollowup(new Session(db.database, db.clock(), TwoTeams.ACTOR, TwoTeams.COMMAND))
        .run(request)
        .id();
  }

  private List<Followup> list(String owner) {
    return new ListFollowups(db.database, db.clock())
        .run(new ListFollowups.Request("North MDT", owner, false))
        .followups();
  }

  @Test
  void theOwnerIsAMemberOfTheCaseTeamAndTheMeetingMustExist() {
    long id =
        add(
            new AddFollowup.Request(
                "N-1", null, "Lee Park", "  Call the school ", LocalDate.of(2026, 12, 1), null));
    Followup added = list(null).get(0);
    assertEquals(id, added.id());
    assertEquals("Call the school", added.action());
    assertEquals("Lee Park", added.owner());
    assertEquals("open", added.status());
    MdtException otherTeam =
        assertThrows(
            MdtException.class,
            () -> add(new AddFollowup.Request("N-1", null, "Sam Ortiz", "x", null, null)));
    assertEquals(MdtException.DOMAIN, otherTeam.exitCode());
    assertEquals(
        "no active member 'Sam Ortiz' in team North MDT (see 'mdt member list')",
        otherTeam.getMessage());
    MdtException meeting =
        assertThrows(
            MdtException.class,
            () -> add(new AddFollowup.Request("N-1", null, "Lee Park", "x", null, 77L)));
    assertEquals("unknown meeting 77 (see 'mdt review list')", meeting.getMessage());
    MdtException blank =
        assertThrows(
            MdtException.class,
            () -> add(new AddFollowup.Request("N-1", null, "Lee Park", " ", null, null)));
    assertEquals(MdtException.USAGE, blank.exitCode());
    long meetingId = db.meeting("North MDT", LocalDate.of(2026, 11, 17));
    add(new AddFollowup.Request("N-1", "North MDT", "1", "Book the exam", null, meetingId));
    assertEquals(List.of(meetingId), list("Dana Reyes").stream().map(Followup::meetingId).toList());
  }

  @Test
  void aFollowupIsClosedOnceAndReassignedOnlyWithinItsTeam() {
    long id = add(new AddFollowup.Request("N-1", null, "Lee Park", "Call", null, null));
    MdtException otherTeam = assertThrows(MdtException.class, () -> reassign(id, "Sam Ortiz"));
    assertEquals(MdtException.DOMAIN, otherTeam.exitCode());
    MdtException same = assertThrows(MdtException.class, () -> reassign(id, "Lee Park"));
    assertEquals("follow-up " + id + " is already owned by Lee Park", same.getMessage());
    assertEquals("Dana Reyes", reassign(id, "Dana Reyes").owner().name());

    CloseFollowup.Result closed = close(id, FollowupStatus.DONE);
    assertEquals("done", closed.closing().word());
    assertEquals("done", list(null).get(0).status());
    MdtException again =
        assertThrows(MdtException.class, () -> close(id, FollowupStatus.CANCELLED));
    assertEquals("follow-up " + id + " is already done", again.getMessage());
    assertThrows(
        MdtException.class, () -> reassign(id, "Lee Park"), "a closed follow-up keeps its owner");
    List<FollowupStore.Change> history =
        new ShowFollowupHistory(db.database, db.clock())
            .run(new ShowFollowupHistory.Request(id))
            .changes();
    assertEquals(
        List.of("created", "reassigned", "done"),
        history.stream().map(FollowupStore.Change::kind).toList());
    assertEquals("note", history.get(2).note());
    assertEquals(TwoTeams.ACTOR, history.get(2).user());
  }

  private ReassignFollowup.Result reassign(long id, String owner) {
    return new ReassignFollowup(
            new Session(db.database, db.clock(), TwoTeams.ACTOR, TwoTeams.COMMAND))
        .run(new ReassignFollowup.Request(id, owner));
  }

  private CloseFollowup.Result close(long id, FollowupStatus closing) {
    return new CloseFollowup(new Session(db.database, db.clock(), TwoTeams.ACTOR, TwoTeams.COMMAND))
        .run(new CloseFollowup.Request(id, closing, "note"));
  }
}
