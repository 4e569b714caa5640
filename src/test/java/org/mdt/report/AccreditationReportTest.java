package org.mdt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;
import org.mdt.Pdfs;

/** Accreditation evidence on a year whose every figure is worked out by hand in the comments. */
class AccreditationReportTest {
  @TempDir Path dir;

  /** A case is new in the year of its first child's referral, not again when a sibling is referred later. */
  @Test
  void aCaseFirstReferredLastYearIsNotNewThisYear() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT").at("2025-01-01T12:00:00Z");
    mdt.ok("import", "roster", Files.writeString(dir.resolve("r.csv"), String.join("\n",
        "case_number,referral_date,child_first_name,child_dob",
        "D-1,2024-12-20,Dan,2015-01-01",
        "D-1,2025-02-01,Dee,2016-01-01", // a sibling, referred in the new year
        "E-1,2025-02-03,Eve,2014-01-01") + "\n").toString());
    mdt.ok("member", "add", "--name", "Pat Law", "--discipline", "police", "--agency", "Town PD");
    mdt.ok("review", "schedule", "--from", "2025-02-10", "--to", "2025-02-10", "--rule", "weekly:MON");
    mdt.at("2025-02-10T18:00:00Z").ok("review", "record", "1", "--attended", "1", "--reviewed", "D-1", "E-1");
    mdt.at("2025-06-01T12:00:00Z");

    JsonNode y2025 = Json.parse(mdt.ok("report", "accreditation", "--year", "2025", "--format", "json"));
    assertEquals(1, y2025.path("caseReview").path("newCases").asInt()); // E-1 only
    assertEquals(1, y2025.path("caseReview").path("reviewedWithin30Days").asInt()); // E-1: 7 days
    assertEquals(2, y2025.path("services").path("children").asInt()); // Dee and Eve were referred in 2025
    JsonNode y2024 = Json.parse(mdt.ok("report", "accreditation", "--year", "2024", "--format", "json"));
    assertEquals(1, y2024.path("caseReview").path("newCases").asInt()); // D-1
    assertEquals(0, y2024.path("caseReview").path("reviewedWithin30Days").asInt());
    assertEquals(1, y2024.path("caseReview").path("reviewedWithin60Days").asInt()); // 52 days, in 2025
  }

  @Test
  void eachStandardsFiguresAndTheCasesBehindShortfalls() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT").at("2025-01-01T12:00:00Z");
    mdt.ok("import", "roster", Files.writeString(dir.resolve("r.csv"), String.join("\n",
        "case_number,referral_date,child_first_name,child_last_name,child_dob,child_gender,forensic_interview_date,"
            + "medical_exam_date,cps_outcome",
        "A-1,2025-01-02,Alma,Birch,2015-03-03,F,2025-01-05,2025-01-12,substantiated", // FI 3 days, exam 10 days
        "A-1,2025-01-02,Arlo,Birch,2017-04-04,M,2025-01-09,,substantiated",            // FI 7 days
        "B-1,2025-01-20,Bea,Cole,2012-05-05,,,,",                                     // no interview
        "C-1,2025-03-01,Cyd,Dunn,,F,2025-03-02,,") + "\n").toString()); // FI 1 day
    mdt.ok("member", "add", "--name", "Pat Law", "--discipline", "police", "--agency", "Town PD");
    mdt.ok("member", "add", "--name", "Dana Reyes", "--discipline", "DCF", "--agency", "DCF");
    mdt.ok("member", "add", "--name", "Mo Doc", "--discipline", "medical", "--agency", "Hospital");
    mdt.ok("review", "schedule", "--from", "2025-01-27", "--to", "2025-03-24", "--rule", "monthly:4:MON");
    // meetings: 1 = 2025-01-27, 2 = 2025-02-24, 3 = 2025-03-24
    mdt.at("2025-01-27T18:00:00Z").ok("review", "record", "1", "--attended", "1", "2", "--reviewed", "A-1",
        "--followup", "A-1:Dana Reyes:2025-02-10:Home visit");
    mdt.at("2025-02-05T10:00:00Z").ok("followup", "done", "1"); // on time
    mdt.at("2025-02-24T18:00:00Z").ok("review", "record", "2", "--attended", "1", "--reviewed", "B-1",
        "--followup", "B-1:Pat Law:2025-03-01:Interview the sibling");
    mdt.at("2025-06-01T12:00:00Z");

    JsonNode report = Json.parse(mdt.ok("report", "accreditation", "--year", "2025", "--format", "json"));
    JsonNode members = report.path("mdt").path("membersByDiscipline");
    assertEquals(1, members.path("law_enforcement").asInt());
    assertEquals(1, members.path("child_protective_services").asInt());
    assertEquals(1, members.path("medical").asInt());
    assertEquals(List.of("prosecution", "mental_health", "victim_advocacy", "cac"),
        strings(report.path("mdt").path("missingDisciplines")));

    JsonNode review = report.path("caseReview");
    assertEquals(2, review.path("meetingsHeld").asInt()); // the third was never recorded
    assertEquals(2, review.path("casesReviewed").asInt());
    assertEquals(3, review.path("newCases").asInt());
    assertEquals(1, review.path("reviewedWithin30Days").asInt()); // 25 days; B-1: 35 days; C-1: never
    assertEquals(2, review.path("reviewedWithin60Days").asInt());
    assertEquals(List.of("C-1"), strings(review.path("notReviewedWithin60Days")));
    assertEquals(100.0, review.path("attendancePercentByDiscipline").path("law_enforcement").asDouble());
    assertEquals(50.0, review.path("attendancePercentByDiscipline").path("child_protective_services").asDouble());
    assertEquals(0.0, review.path("attendancePercentByDiscipline").path("medical").asDouble());
    assertEquals(2, review.path("followupsMade").asInt());
    assertEquals(1, review.path("followupsDoneOnTime").asInt());
    assertEquals(1, review.path("followupsOverdue").asInt()); // due March 1, open on June 1

    JsonNode services = report.path("services");
    assertEquals(4, services.path("children").asInt());
    assertEquals(3, services.path("forensic_interview").path("children").asInt());
    assertEquals(75.0, services.path("forensic_interview").path("percent").asDouble());
    assertEquals(3, services.path("forensic_interview").path("medianDaysFromReferral").asInt()); // 1, 3, 7
    assertEquals(10, services.path("medical_exam").path("medianDaysFromReferral").asInt());
    assertEquals(List.of("B-1"), strings(services.path("notInterviewed")));
    JsonNode tracking = report.path("caseTrackingPercentRecorded");
    assertEquals(75.0, tracking.path("child_dob").asDouble());
    assertEquals(75.0, tracking.path("child_gender").asDouble());
    assertEquals(50.0, tracking.path("cps_outcome").asDouble());
    assertEquals(75.0, tracking.path("mdt_review").asDouble()); // A-1's two children and B-1

    Path pdf = dir.resolve("accreditation.pdf");
    mdt.ok("report", "accreditation", "--year", "2025", "--out", pdf.toString());
    String raw = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
    assertTrue(raw.contains("/Subtype/Image"), "the charts are drawn into the PDF");
    String all = Pdfs.text(pdf);
    for (String expected : List.of("Multidisciplinary team", "Case review", "Case tracking", "Definitions",
        "Accreditation evidence 2025 - All teams", "C-1", "B-1")) {
      assertTrue(all.contains(expected), expected);
    }
    for (String child : List.of("Alma", "Birch", "Arlo", "Cole", "Dunn", "2015-03-03", "2012-05-05")) {
      assertFalse(all.contains(child), "the report shows " + child);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
