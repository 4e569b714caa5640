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
 * VOCA measures on a roster whose every count is worked out by hand below, across the fiscal-year
 * boundary (Xena's interview in FY2025 does not make her continuing in FY2026) and quarter
 * boundaries (Yuri is new in Q1 and continuing in Q2), under the default service map: A
 * mental-health referral; B forensic interview, medical exam, victim advocacy; C mental-health
 * services; E nothing. A case review is counted beside the categories and serves no one by itself.
 */
class VocaReportTest {
  @TempDir Path dir;
  private Mdt mdt;

  @BeforeEach
  void roster() throws Exception {
    mdt = new Mdt(dir).withTeam("North MDT").at("2026-01-01T12:00:00Z");
    Path roster =
        Files.writeString(
            dir.resolve("r.csv"),
            String.join(
                    "\n",
                    "case_number,referral_date,child_first_name,child_dob,child_gender,child_race,abuse_types,"
                        + "forensic_interview_date,medical_exam_date,mental_health_services_date,victim_advocacy_date",
                    "C1,2025-09-15,Xena,2015-01-01,F,White,SA,2025-09-20,,,2025-10-05",
                    "C2,2025-10-20,Yuri,2012-06-01,M,Black,PA;Neglect,,,2026-01-15,2025-11-01",
                    "C3,2026-01-05,Zack,2010-03-01,M,Asian,DMST,2026-01-10,2026-02-01,,",
                    "C4,2026-01-20,Wren,2008-01-01,F,Latina,CSAM,,,,",
                    "C4,2026-01-20,Tess,,U,,DV Exposure,,,,",
                    "C5,2026-01-22,Uma,2014-01-01,F,White,SA,,,,",
                    "C6,2026-03-25,Vic,2016-01-01,F,White,SA,,,2026-04-02,")
                + "\n");
    mdt.ok("import", "roster", roster.toString());
    mdt.ok("member", "add", "--name", "Dana Reyes", "--discipline", "DCF", "--agency", "DCF");
    mdt.ok(
        "review", "schedule", "--from", "2026-02-02", "--to", "2026-02-02", "--rule", "weekly:MON");
    mdt.at("2026-05-01T12:00:00Z")
        .ok("review", "record", "1", "--attended", "1", "--reviewed", "C4");
  }

  private JsonNode voca(String quarter) {
    return Json.parse(mdt.ok("report", "voca", "--quarter", quarter, "--format", "json"));
  }

  private static void assertCounts(JsonNode breakdown, Map<String, Integer> expected) {
    breakdown
        .fields()
        .forEachRemaining(
            e ->
                assertEquals(
                    expected.getOrDefault(e.getKey(), 0), e.getValue().asInt(), e.getKey()));
  }

  private static void assertService(
      JsonNode services, String category, int individuals, int times) {
    assertEquals(
        individuals,
        services.path(category).path("individuals").asInt(),
        category + " individuals");
    assertEquals(times, services.path(category).path("times").asInt(), category + " times");
  }

  @Test
  void firstQuarterAcrossTheFiscalYearBoundary() {
    JsonNode q1 = voca("FY2026Q1");
    assertEquals("FY2026Q1", q1.path("quarter").asText());
    assertEquals("2025-10-01", q1.path("period").path("start").asText());
    assertEquals(
        2, q1.path("individualsServed").asInt()); // Xena (advocacy 10-05), Yuri (advocacy 11-01)
    assertEquals(2, q1.path("newIndividuals").asInt());
    assertEquals(0, q1.path("continuingIndividuals").asInt());
    assertCounts(
        q1.path("age"), Map.of("0-12", 1, "13-17", 1)); // Xena 10 on 10-05; Yuri 13 on 11-01
    assertCounts(q1.path("gender"), Map.of("female", 1, "male", 1));
    assertCounts(q1.path("race"), Map.of("white", 1, "black", 1));
    assertCounts(
        q1.path("victimizationTypes"),
        Map.of(
            "child_sexual_abuse_assault",
            1,
            "child_physical_abuse_neglect",
            1)); // Yuri's physical abuse and neglect count once
    assertService(q1.path("services"), "A", 0, 0);
    assertService(q1.path("services"), "B", 2, 2);
    assertService(q1.path("services"), "C", 0, 0);
    assertService(q1.path("services"), "E", 0, 0); // nothing is mapped to E
  }

  @Test
  void secondQuarterHasNewAndContinuingAndCaseReviewsBeside() {
    JsonNode q2 = voca("FY2026Q2");
    assertEquals(
        2, q2.path("individualsServed").asInt()); // Yuri, Zack; Wren and Tess were only reviewed
    assertEquals(1, q2.path("newIndividuals").asInt());
    assertEquals(1, q2.path("continuingIndividuals").asInt()); // Yuri, first served in Q1
    assertCounts(q2.path("age"), Map.of("13-17", 1)); // Zack 15 on his interview
    assertCounts(q2.path("gender"), Map.of("male", 1));
    assertCounts(q2.path("race"), Map.of("asian", 1));
    assertCounts(q2.path("victimizationTypes"), Map.of("human_trafficking_sex", 1));
    assertService(q2.path("services"), "A", 0, 0);
    assertService(q2.path("services"), "B", 1, 2); // Zack's interview and medical exam
    assertService(q2.path("services"), "C", 1, 1); // Yuri's mental health services
    assertService(q2.path("services"), "E", 0, 0);
    assertService(q2, "caseReviews", 2, 2); // the review of C4: Wren and Tess
    for (String breakdown : new String[] {"age", "gender", "race"}) {
      int total = 0;
      for (JsonNode count : q2.path(breakdown)) {
        total += count.asInt();
      }
      assertEquals(
          q2.path("newIndividuals").asInt(), total, breakdown + " adds up to the new individuals");
    }
  }

  /**
   * A case reviewed at two meetings is one individual provided the service twice, never two
   * individuals.
   */
  @Test
  void aSecondReviewCountsAsATimeNotAnIndividual() {
    mdt.ok(
        "review", "schedule", "--from", "2026-03-02", "--to", "2026-03-02", "--rule", "weekly:MON");
    mdt.at("2026-05-01T12:00:00Z")
        .ok("review", "record", "2", "--attended", "1", "--reviewed", "C4", "C3");
    JsonNode q2 = voca("FY2026Q2");
    assertEquals(2, q2.path("individualsServed").asInt()); // still Yuri and Zack
    assertEquals(1, q2.path("newIndividuals").asInt());
    // Wren and Tess twice each (C4 at both meetings), Zack once (C3 at the second, besides his own
    // services)
    assertService(q2, "caseReviews", 3, 5);
    assertService(q2.path("services"), "B", 1, 2);
  }

  @Test
  void fiscalQuartersOfDays() {
    assertEquals(
        FiscalQuarter.parse("FY2026Q1"),
        FiscalQuarter.containing(java.time.LocalDate.of(2025, 10, 1)));
    assertEquals(
        FiscalQuarter.parse("FY2026Q1"),
        FiscalQuarter.containing(java.time.LocalDate.of(2025, 12, 31)));
    assertEquals(
        FiscalQuarter.parse("FY2026Q2"),
        FiscalQuarter.containing(java.time.LocalDate.of(2026, 1, 1)));
    assertEquals(
        FiscalQuarter.parse("FY2026Q4"),
        FiscalQuarter.containing(java.time.LocalDate.of(2026, 9, 30)));
    assertEquals(
        java.time.LocalDate.of(2025, 10, 1),
        FiscalQuarter.containing(java.time.LocalDate.of(2026, 3, 15)).fiscalYearStart());
  }

  @Test
  void thirdQuarterAndBadQuarters() {
    JsonNode q3 = voca("FY2026Q3");
    assertEquals(1, q3.path("individualsServed").asInt()); // Vic; Uma was never served
    assertService(q3.path("services"), "C", 1, 1);
    assertEquals(2, mdt.run("report", "voca", "--quarter", "2026Q1").code());
    assertEquals(2, mdt.run("report", "voca", "--quarter", "FY2026Q5").code());
    String csv = mdt.ok("report", "voca", "--quarter", "FY2026Q2", "--format", "csv");
    assertTrue(
        csv.startsWith("measure,code,count\nindividualsServed,,2\nnewIndividuals,,1\n"), csv);
    assertTrue(csv.contains("services,A.individuals,0\nservices,A.times,0\n"), csv);
    assertTrue(csv.contains("caseReviews,individuals,2\ncaseReviews,times,2\n"), csv);
    assertTrue(csv.contains("serviceMap,B,forensic_interview;medical_exam;victim_advocacy\n"), csv);
  }
}
