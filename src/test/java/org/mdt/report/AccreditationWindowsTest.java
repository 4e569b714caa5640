package org.mdt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;

/**
 * Accreditation counts what the year has settled: a case is late only once its window is over, and
 * the team is the members who served in the year, each team's gaps shown even in an all-teams
 * report. Worked out by hand.
 */
class AccreditationWindowsTest {
  @TempDir Path dir;

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  @Test
  void aCaseStillInsideItsWindowIsNotLateYet() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT").at("2026-01-05T12:00:00Z");
    mdt.ok("member", "add", "--name", "Pat Law", "--discipline", "police", "--agency", "Town PD");
    mdt.ok(
        "import",
        "roster",
        Files.writeString(
                dir.resolve("r.csv"),
                "case_number,referral_date,child_first_name\n"
                    + "W-1,2026-06-20,Ann\n" // 10 days before the report: inside both windows
                    + "W-2,2026-05-20,Bo\n" // 41 days: late for 30, still inside 60
                    + "W-3,2026-03-01,Cy\n" // 121 days: late for both, listed
                    + "W-4,2026-06-01,Di\n" // reviewed on 06-10, day 9: within both
                    + "W-5,2026-05-31,Ed\n") // day 30 is the report's day itself: not over yet
            .toString());
    mdt.ok(
        "review", "schedule", "--from", "2026-06-10", "--to", "2026-06-10", "--rule", "weekly:WED");
    mdt.at("2026-06-10T18:00:00Z")
        .ok("review", "record", "1", "--attended", "Pat Law", "--reviewed", "W-4");
    mdt.at("2026-06-30T15:00:00Z");

    JsonNode review =
        Json.parse(mdt.ok("report", "accreditation", "--year", "2026", "--format", "json"))
            .path("caseReview");
    assertEquals(5, review.path("newCases").asInt());
    assertEquals(1, review.path("reviewedWithin30Days").asInt());
    assertEquals(2, review.path("inside30DayWindow").asInt(), "W-1 and W-5");
    assertEquals(
        33.3,
        review.path("percentWithin30Days").asDouble(),
        1e-9,
        "1 of the 3 whose 30 days are over");
    assertEquals(1, review.path("reviewedWithin60Days").asInt());
    assertEquals(3, review.path("inside60DayWindow").asInt(), "W-1, W-2 and W-5");
    assertEquals(50.0, review.path("percentWithin60Days").asDouble(), 1e-9, "1 of W-3 and W-4");
    assertEquals(List.of("W-3"), texts(review.path("notReviewedWithin60Days")));
  }

  @Test
  void membersAreThoseWhoServedInTheYearAndEveryTeamsGapsShow() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT").at("2025-12-01T12:00:00Z");
    mdt.ok("team", "add", "South MDT");
    mdt.ok(
        "member",
        "add",
        "--team",
        "North MDT",
        "--name",
        "Pat Law",
        "--discipline",
        "police",
        "--agency",
        "PD");
    mdt.ok(
        "member",
        "add",
        "--team",
        "North MDT",
        "--name",
        "Dana Reyes",
        "--discipline",
        "DCF",
        "--agency",
        "DCF");
    mdt.ok(
        "member",
        "add",
        "--team",
        "North MDT",
        "--name",
        "Pia Pros",
        "--discipline",
        "prosecution",
        "--agency",
        "State's Attorney");
    mdt.ok(
        "member",
        "add",
        "--team",
        "South MDT",
        "--name",
        "Sam Ortiz",
        "--discipline",
        "police",
        "--agency",
        "PD");
    mdt.ok(
        "member",
        "add",
        "--team",
        "South MDT",
        "--name",
        "Old Pros",
        "--discipline",
        "prosecution",
        "--agency",
        "State's Attorney");
    mdt.at("2025-12-20T12:00:00Z").ok("member", "deactivate", "5"); // left South before 2026 began
    mdt.at("2026-03-15T12:00:00Z").ok("member", "deactivate", "2"); // Dana served North until March
    mdt.at("2027-01-05T12:00:00Z")
        .ok(
            "member",
            "add",
            "--team",
            "South MDT",
            "--name",
            "New Pros",
            "--discipline",
            "prosecution",
            "--agency",
            "State's Attorney"); // joined after 2026
    mdt.at("2027-02-01T12:00:00Z");

    JsonNode north =
        Json.parse(
                mdt.ok(
                    "report",
                    "accreditation",
                    "--year",
                    "2026",
                    "--team",
                    "North MDT",
                    "--format",
                    "json"))
            .path("mdt");
    assertEquals(
        1,
        north.path("membersByDiscipline").path("child_protective_services").asInt(),
        "Dana served in 2026, though inactive today");
    assertFalse(texts(north.path("missingDisciplines")).contains("child_protective_services"));
    assertFalse(texts(north.path("missingDisciplines")).contains("prosecution"));

    JsonNode all =
        Json.parse(mdt.ok("report", "accreditation", "--year", "2026", "--format", "json"))
            .path("mdt");
    assertEquals(
        1,
        all.path("membersByDiscipline").path("prosecution").asInt(),
        "Pia only: Old left, New came later");
    assertTrue(
        texts(all.path("missingDisciplines")).contains("prosecution"),
        "South had no prosecutor in 2026");
    assertTrue(
        texts(all.path("missingDisciplinesByTeam").path("South MDT")).contains("prosecution"),
        all.toString());
    assertTrue(
        texts(all.path("missingDisciplinesByTeam").path("South MDT"))
            .contains("child_protective_services"));
    assertFalse(
        texts(all.path("missingDisciplinesByTeam").path("North MDT")).contains("prosecution"));
  }
}
