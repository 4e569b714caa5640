package org.mdt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;

/**
 * NCA 2025H1 services on four hand-worked children, so that a figure once submitted does not move:
 *
 * <pre>
 * N1 Amy ref 01-10  FI 01-15                 N1 reviewed 2025-03-04
 * N2 Bo  ref 02-10  ME 07-20 (after H1)      N2 reviewed 2025-07-08 (after H1, recorded after the first report)
 * N3 Cy  ref 05-10  VA 05-12                 N3 "reviewed" 2025-05-06, before its referral: never counted
 * N4 Di  ref 04-15  MHR 04-20
 * </pre>
 */
class NcaStatisticsTest {
  @TempDir Path dir;
  private Mdt mdt;

  @BeforeEach
  void roster() throws Exception {
    mdt = new Mdt(dir).withTeam("North MDT").at("2025-06-01T12:00:00Z");
    Path roster =
        Files.writeString(
            dir.resolve("r.csv"),
            String.join(
                    "\n",
                    "case_number,referral_date,child_first_name,child_dob,child_gender,abuse_types,forensic_interview_date,"
                        + "medical_exam_date,mental_health_referral_date,victim_advocacy_date",
                    "N1,2025-01-10,Amy,2015-01-01,F,SA,2025-01-15,,,",
                    "N2,2025-02-10,Bo,2014-01-01,M,PA,,2025-07-20,,",
                    "N3,2025-05-10,Cy,2013-01-01,M,SA,,,,2025-05-12",
                    "N4,2025-04-15,Di,2012-01-01,F,Neglect,,,2025-04-20,")
                + "\n");
    mdt.ok("import", "roster", roster.toString());
    mdt.ok("member", "add", "--name", "Dana Reyes", "--discipline", "DCF", "--agency", "DCF");
    mdt.ok(
        "review",
        "schedule",
        "--from",
        "2025-03-01",
        "--to",
        "2025-07-31",
        "--rule",
        "monthly:1:TUE");
    // meetings: 1 on 03-04, 2 on 04-01, 3 on 05-06, 4 on 06-03, 5 on 07-01 ... take the ids from
    // the list
    mdt.ok("review", "record", mdt.meetingOn("2025-03-04"), "--attended", "1", "--reviewed", "N1");
    Mdt.Result early =
        mdt.run(
            "review", "record", mdt.meetingOn("2025-05-06"), "--attended", "1", "--reviewed", "N3");
    assertEquals(0, early.code(), early.err());
    assertTrue(
        early.err().contains("case N3: reviewed on 2025-05-06, before its referral on 2025-05-10"),
        early.err());
  }

  private JsonNode nca(String period) {
    return Json.parse(mdt.ok("report", "nca", "--period", period, "--format", "json"));
  }

  private static void assertServices(JsonNode report, Map<String, Integer> expected) {
    report
        .path("services")
        .fields()
        .forEachRemaining(
            e ->
                assertEquals(
                    expected.getOrDefault(e.getKey(), 0), e.getValue().asInt(), e.getKey()));
  }

  @Test
  void caseReviewDoesNotMoveWhenAJulyMeetingIsRecorded() {
    mdt.at("2025-08-01T12:00:00Z");
    String submitted = mdt.ok("report", "nca", "--period", "2025H1", "--format", "json");
    JsonNode h1 = Json.parse(submitted);
    assertEquals(4, h1.path("newChildren").asInt());
    // Bo's exam (07-20) is dated before the report's day; only Amy's review counts (Cy's predates
    // his referral)
    assertServices(
        h1,
        Map.of(
            "forensic_interview",
            1,
            "medical_exam",
            1,
            "mental_health_referral",
            1,
            "victim_advocacy",
            1,
            "case_review",
            1));

    mdt.at("2025-07-30T12:00:00Z")
        .ok(
            "review",
            "schedule",
            "--from",
            "2025-07-08",
            "--to",
            "2025-07-08",
            "--rule",
            "weekly:TUE");
    mdt.ok("review", "record", mdt.meetingOn("2025-07-08"), "--attended", "1", "--reviewed", "N2");
    mdt.at("2025-08-01T12:00:00Z");
    assertEquals(submitted, mdt.ok("report", "nca", "--period", "2025H1", "--format", "json"));
  }

  /**
   * Written on 2025-04-16: Cy (05-10) is not yet referred; Bo's exam and Di's referral are later
   * dates.
   */
  @Test
  void aReportWrittenInThePeriodCountsNothingLater() throws Exception {
    mdt.at("2025-04-16T12:00:00Z");
    JsonNode h1 = nca("2025H1");
    assertEquals("2025-04-16", h1.path("dataThrough").asText());
    assertEquals("2025-06-30", h1.path("period").path("end").asText());
    assertEquals(3, h1.path("newChildren").asInt()); // Amy, Bo, Di
    assertServices(
        h1, Map.of("forensic_interview", 1, "case_review", 1)); // Amy's interview and review
    String table = mdt.ok("report", "nca", "--period", "2025H1");
    assertTrue(
        table.startsWith(
            "NCA statistics 2025H1 (2025-01-01 to 2025-06-30, data through 2025-04-16)"),
        table);

    Mdt.Result later = mdt.run("report", "nca", "--period", "2025H2", "--format", "json");
    assertEquals(0, later.code());
    assertEquals(0, Json.parse(later.out()).path("newChildren").asInt());
    assertTrue(later.err().contains("begins after 2025-04-16"), later.err());
  }
}
