package org.mdt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;
import org.mdt.Pdfs;

/**
 * The review cycle of docs/DESIGN.md sections 4 and 5 on a small roster whose every case is due (or
 * not) for one reason, worked out by hand in the comments: meetings A (2026-09-28) and B
 * (2026-11-16) are recorded, then the agendas of C (2027-01-05, capacity 4) and D (2027-01-12) are
 * built.
 */
class ReviewCycleTest {
  @TempDir Path dir;
  private Mdt mdt;

  @BeforeEach
  void cycle() throws Exception {
    mdt = new Mdt(dir).withTeam("North MDT"); // today: 2026-11-21
    Path roster = dir.resolve("roster.csv");
    Files.writeString(
        roster,
        String.join(
                "\n",
                "case_number,referral_date,child_first_name,child_last_name,child_dob,forensic_interview_date,case_status,restricted",
                "N-1,2026-12-20,Nora,Quill,2016-01-01,,Open,", // new at C
                "N-2,2027-01-04,Owen,Rask,2015-01-01,2027-01-02,Open,", // new at C by its
                // interview, 3 days before
                "N-3,2027-01-04,Pia,Stone,2014-01-01,,Open,", // referred 1 day before C: new only
                // at D
                "R-1,2026-09-01,Rosa,Tully,2013-01-01,,Open,", // reviewed at A, 99 days before C:
                // re-review
                "R-2,2026-09-01,Sam,Ulm,2012-01-01,,Open,", // reviewed at B, 50 days before C: not
                // due
                "F-1,2026-09-01,Tia,Vance,2011-01-01,,Open,", // reviewed at B; follow-up due
                // 2027-01-04
                "Q-1,2026-09-01,Uma,West,2010-01-01,,Open,", // reviewed at B; requested after
                "C-1,2026-12-01,Vic,Xu,2010-01-01,,Closed,", // closed: never due
                "X-1,2026-12-15,Wes,Young,2012-05-05,,Open,yes")
            + "\n"); // restricted, new at C
    mdt.ok("import", "roster", roster.toString());
    mdt.ok(
        "member", "add", "--name", "Dana Reyes", "--discipline", "DCF", "--agency", "DCF Region 1");
    mdt.ok("member", "add", "--name", "Lee Park", "--discipline", "police", "--agency", "Town PD");
    mdt.ok(
        "review", "schedule", "--from", "2026-09-28", "--to", "2026-09-28", "--rule", "weekly:MON");
    mdt.ok(
        "review", "schedule", "--from", "2026-11-16", "--to", "2026-11-16", "--rule", "weekly:MON");
    mdt.ok(
        "review",
        "schedule",
        "--from",
        "2027-01-01",
        "--to",
        "2027-01-12",
        "--rule",
        "weekly:TUE",
        "--time",
        "09:30",
        "--capacity",
        "4",
        "--location",
        "CAC room 2");
    mdt.ok("review", "record", "1", "--attended", "Dana Reyes", "--reviewed", "R-1");
    mdt.ok(
        "review",
        "record",
        "2",
        "--attended",
        "Dana Reyes",
        "2",
        "--reviewed",
        "R-2",
        "F-1",
        "Q-1",
        "--followup",
        "F-1:Lee Park:2027-01-04:Call the school",
        "--recommend",
        "R-2:Keep monitoring");
    mdt.ok("review", "request", "Q-1", "--note", "new disclosure", "--by", "Lee Park");
  }

  private JsonNode agenda(long meeting) {
    return Json.parse(mdt.ok("review", "agenda", Long.toString(meeting), "--format", "json"));
  }

  private static List<String> field(JsonNode array, String name) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.isTextual() ? node.asText() : node.path(name).asText()));
    return values;
  }

  @Test
  void scheduleIsIdempotentAndListed() {
    JsonNode again =
        Json.parse(
            mdt.ok(
                "review",
                "schedule",
                "--from",
                "2027-01-01",
                "--to",
                "2027-01-19",
                "--rule",
                "weekly:TUE",
                "--format",
                "json"));
    assertEquals(List.of("2027-01-19"), field(again, "date"), "only the day not yet scheduled");
    JsonNode meetings = Json.parse(mdt.ok("review", "list", "--format", "json"));
    assertEquals(
        List.of("2026-09-28", "2026-11-16", "2027-01-05", "2027-01-12", "2027-01-19"),
        field(meetings, "date"));
    assertEquals("09:30", meetings.get(2).path("time").asText());
    assertEquals("North MDT", meetings.get(2).path("team").asText());
    assertEquals(3, Json.parse(mdt.ok("review", "list", "--upcoming", "--format", "json")).size());
  }

  @Test
  void agendaHasEachReasonInPriorityOrderWithinCapacity() {
    JsonNode c = agenda(3);
    assertEquals(
        List.of("Q-1", "X-1", "N-1", "N-2"),
        field(c.path("cases"), "caseNumber"),
        "the request first");
    assertEquals(List.of("requested", "new", "new", "new"), field(c.path("cases"), "reason"));
    assertEquals(
        "requested by Lee Park: new disclosure",
        c.path("cases").get(0).path("reasonDetail").asText());
    assertEquals(
        List.of("F-1", "R-1"),
        field(c.path("rolledOver"), ""),
        "follow-up, then re-review, did not fit");
    assertEquals("restricted case", c.path("cases").get(1).path("initials").asText());
    assertEquals("N.Q.", c.path("cases").get(2).path("initials").asText());
    assertEquals(4, c.path("capacity").asInt());
    assertFalse(c.path("defaultCapacity").asBoolean());
    assertEquals("2027-01-12", c.path("nextMeeting").asText());
    assertEquals(3, c.path("meeting").path("id").asInt());
  }

  @Test
  void aCaseReviewedAtOneMeetingIsNotNewAtTheNext() {
    mdt.at("2027-01-05T18:00:00Z");
    mdt.ok(
        "review",
        "record",
        "3",
        "--attended",
        "Dana Reyes",
        "Lee Park",
        "--reviewed",
        "X-1",
        "N-1",
        "N-2",
        "Q-1");
    JsonNode d = agenda(4);
    assertEquals(List.of("N-3", "F-1", "R-1"), field(d.path("cases"), "caseNumber"));
    assertEquals(List.of("new", "followup", "rereview"), field(d.path("cases"), "reason"));
    JsonNode followups = d.path("cases").get(1).path("openFollowups");
    assertEquals("Call the school", followups.get(0).path("action").asText());
    assertEquals("Lee Park", followups.get(0).path("owner").asText());
    assertEquals(
        1,
        mdt.run("review", "record", "3", "--attended", "1", "--reviewed", "N-3").code(),
        "recorded once");
    assertEquals(
        1,
        mdt.run("review", "record", "4", "--attended", "1", "--reviewed", "N-3").code(),
        "a meeting is recorded after it happens");
  }

  @Test
  void amendCorrectsARecordedMeetingAndWarnsOfACaseNotOnItsAgenda() {
    mdt.at("2027-01-05T18:00:00Z");
    mdt.ok(
        "review",
        "record",
        "3",
        "--attended",
        "Dana Reyes",
        "--reviewed",
        "X-1",
        "N-1",
        "N-2",
        "Q-1");
    Mdt.Result amended =
        mdt.run(
            "review",
            "amend",
            "3",
            "--add-reviewed",
            "R-2",
            "--add-attended",
            "Lee Park",
            "--followup",
            "R-2:Lee Park::Ask for school records",
            "--format",
            "json");
    assertEquals(0, amended.code(), amended.err());
    assertTrue(
        amended
            .err()
            .contains(
                "warning: case R-2 was not on the agenda of meeting 3 (not due on 2027-01-05)"),
        amended.err());
    JsonNode meeting = Json.parse(amended.out());
    assertEquals(
        List.of("3", "2", "5", "1", "1"),
        List.of(
            meeting.path("meeting").asText(),
            meeting.path("attended").asText(),
            meeting.path("reviewed").asText(),
            meeting.path("recommendations").asText(),
            meeting.path("followups").asText()),
        "the meeting as it now stands, in review record's shape");
    Mdt.Result refused = mdt.run("review", "amend", "3", "--remove-reviewed", "R-2");
    assertEquals(1, refused.code());
    assertTrue(
        refused.err().contains("add --remove-recommendations R-2 to remove them too"),
        refused.err());
    mdt.ok("review", "amend", "3", "--remove-reviewed", "R-2", "--remove-recommendations", "R-2");
    assertEquals(2, mdt.run("review", "amend", "3").code(), "nothing to amend");
    assertEquals(
        1, mdt.run("review", "amend", "4", "--add-reviewed", "N-3").code(), "not recorded yet");
  }

  @Test
  void aSecondIdenticalRequestIsMergedAndTheTableListsWhatRolledOver() {
    Mdt.Result again =
        mdt.run("review", "request", "Q-1", "--note", "new disclosure", "--by", "lee park");
    assertEquals(0, again.code(), again.err());
    assertTrue(
        again
            .err()
            .contains(
                "case Q-1 already has this request pending (request 1): merged, not stored twice"),
        again.err());
    Mdt.Result table = mdt.run("review", "agenda", "3");
    assertTrue(
        table.out().contains("Rolled over to the next meeting on 2027-01-12: 2 case(s)"),
        table.out());
    assertTrue(
        table.out().matches("(?s).*\\nF-1 +followup +follow-up due 2027-01-04\\nR-1 +rereview .*"),
        table.out());
    assertFalse(table.err().contains("(default)"), "meeting 3 has its own capacity");
    mdt.ok(
        "review", "schedule", "--from", "2027-01-19", "--to", "2027-01-19", "--rule", "weekly:TUE");
    assertTrue(
        mdt.run("review", "agenda", "5").err().contains("capacity 12 (default)"),
        "scheduled without --capacity");
  }

  @Test
  void followupsKeepTheirHistoryAndTheOverdueListIsMostOverdueFirst() {
    mdt.at("2027-01-05T18:00:00Z");
    mdt.ok(
        "followup",
        "add",
        "N-1",
        "--action",
        "Schedule medical exam",
        "--owner",
        "Dana Reyes",
        "--due",
        "2026-12-01");
    mdt.ok(
        "followup",
        "add",
        "R-2",
        "--action",
        "Ask for school records",
        "--owner",
        "2",
        "--due",
        "2027-02-01");
    mdt.ok(
        "followup",
        "add",
        "X-1",
        "--action",
        "Contact the aunt in Springfield",
        "--owner",
        "2",
        "--due",
        "2027-01-01");
    JsonNode overdue = Json.parse(mdt.ok("followup", "list", "--overdue", "--format", "json"));
    assertEquals(List.of("N-1", "X-1", "F-1"), field(overdue, "caseNumber"));
    assertEquals(List.of("35", "4", "1"), field(overdue, "daysOverdue"));
    JsonNode first = overdue.get(0);
    for (String key :
        List.of("id", "caseNumber", "owner", "discipline", "due", "status", "daysOverdue")) {
      assertTrue(first.has(key), key);
    }
    assertEquals("child_protective_services", first.path("discipline").asText());
    assertEquals("(restricted case)", overdue.get(1).path("action").asText());
    assertFalse(
        mdt.ok("followup", "list").contains("Springfield"),
        "a restricted case's action is not listed");

    String id = first.path("id").asText();
    mdt.ok("followup", "reassign", id, "--owner", "Lee Park");
    mdt.ok("followup", "done", id, "--note", "exam booked");
    assertEquals(1, mdt.run("followup", "done", id).code());
    assertEquals(1, mdt.run("followup", "cancel", id).code());
    mdt.ok("followup", "cancel", overdue.get(1).path("id").asText(), "--note", "family moved");
    JsonNode history = Json.parse(mdt.ok("followup", "history", id, "--format", "json"));
    assertEquals(List.of("created", "reassigned", "done"), field(history, "change"));
    assertEquals("Dana Reyes", history.get(1).path("from").asText());
    assertEquals("Lee Park", history.get(1).path("to").asText());
    assertEquals("exam booked", history.get(2).path("note").asText());
    assertEquals(
        List.of("F-1"),
        field(
            Json.parse(mdt.ok("followup", "list", "--overdue", "--format", "json")), "caseNumber"));
    assertEquals(1, mdt.run("followup", "done", "999").code());
  }

  @Test
  void agendaPdfShowsInitialsNeverNamesOrBirthDates() throws Exception {
    Path pdf = dir.resolve("agenda.pdf");
    Path ics = dir.resolve("invite.ics");
    Mdt.Result result =
        mdt.run("review", "agenda", "3", "--out", pdf.toString(), "--ics", ics.toString());
    assertEquals(0, result.code(), result.err());
    assertTrue(
        result
            .err()
            .contains("2 case(s) did not fit and roll over to the next meeting on 2027-01-12"));
    for (Path written : List.of(pdf, ics)) {
      assertEquals(
          "rw-------",
          java.nio.file.attribute.PosixFilePermissions.toString(
              Files.getPosixFilePermissions(written)),
          written + " is readable by its owner only");
    }
    String all = Pdfs.text(pdf);
    for (String expected :
        List.of(
            "North MDT",
            "2027-01-05",
            "09:30",
            "CAC room 2",
            "N-1",
            "N.Q.",
            "restricted case",
            "Requested",
            "requested by Lee Park",
            "Rolled over to the next meeting (2027-01-12): 2 case(s)",
            "F-1 R-1",
            "Sign-in sheet",
            "Dana Reyes",
            "Law enforcement",
            "Page 2")) {
      assertTrue(all.contains(expected), "agenda PDF lacks '" + expected + "':\n" + all);
    }
    for (String last :
        List.of(
            "Quill", "Rask", "Owen", "Stone", "Tully", "Ulm", "Vance", "West", "Young", "Nora",
            "Wes ")) {
      assertFalse(all.contains(last), "agenda PDF shows a child's name: " + last);
    }
    for (String dob : List.of("2016-01-01", "2015-01-01", "2012-05-05")) {
      assertFalse(all.contains(dob), "agenda PDF shows a date of birth: " + dob);
    }

    Calendar calendar;
    try (InputStream in = Files.newInputStream(ics)) {
      calendar = new CalendarBuilder().build(in);
    }
    List<VEvent> events = calendar.getComponents("VEVENT");
    assertEquals(1, events.size());
    assertEquals("MDT case review: North MDT", events.get(0).getSummary().getValue());
    assertTrue(events.get(0).getDateTimeStart().getValue().startsWith("20270105T093000"));
    assertFalse(Files.readString(ics).contains("N-1"), "the invitation names no case");
  }
}
