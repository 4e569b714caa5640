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
import org.mdt.Pdfs;

/**
 * VOCA service categories of FY2026Q2 (2026-01-01 to 2026-03-31) on seven hand-worked children,
 * under the default map, a changed map, and a report written mid-quarter. Services (FI interview,
 * ME medical exam, MHR mental-health referral, MHS mental-health services, VA victim advocacy):
 *
 * <pre>
 * K1 Ann  ref 01-05, dob 2016-02-01, F   FI 01-10, ME 01-12, MHR 01-20, VA 02-20   new (9 on 01-10)
 * K2 Ben  ref 2025-11-03, M              FI 2025-11-10 (Q1), MHS 02-03             continuing
 * K3 Cal  ref 02-01, dob 2012-01-01, M   MHR 03-31 (last day), VA 04-01 (Q3)       new (14 on 03-31)
 * K4 Dee  ref 03-01, F                   none; K4 reviewed 03-10                   only reviewed: not served
 * K5 Eve  ref 2025-09-01, dob 2008-06-01 FI 2025-09-15 (FY2025), MHS 01-08         new in FY2026 (17 on 01-08)
 * K6 Fay  ref 01-15, no dob, U           VA 01-16; K6 reviewed 01-20 and 03-10     new (age not reported)
 * K7 Gus  ref 03-20                      none; K7 "reviewed" 03-10, before referral not counted at all
 * </pre>
 */
class VocaServiceCategoriesTest {
  @TempDir Path dir;
  private Mdt mdt;

  @BeforeEach
  void roster() throws Exception {
    mdt = new Mdt(dir).withTeam("North MDT").at("2026-06-01T12:00:00Z");
    Path roster =
        Files.writeString(
            dir.resolve("r.csv"),
            String.join(
                    "\n",
                    "case_number,referral_date,child_first_name,child_dob,child_gender,child_race,abuse_types,"
                        + "forensic_interview_date,medical_exam_date,mental_health_referral_date,mental_health_services_date,"
                        + "victim_advocacy_date",
                    "K1,2026-01-05,Ann,2016-02-01,F,White,SA,2026-01-10,2026-01-12,2026-01-20,,2026-02-20",
                    "K2,2025-11-03,Ben,2011-05-05,M,Black,PA,2025-11-10,,,2026-02-03,",
                    "K3,2026-02-01,Cal,2012-01-01,M,Asian,Neglect,,,2026-03-31,,2026-04-01",
                    "K4,2026-03-01,Dee,2014-01-01,F,Latina,SA,,,,,",
                    "K5,2025-09-01,Eve,2008-06-01,F,White,SA,2025-09-15,,,2026-01-08,",
                    "K6,2026-01-15,Fay,,U,,DV Exposure,,,,,2026-01-16",
                    "K7,2026-03-20,Gus,2013-01-01,M,White,PA,,,,,")
                + "\n");
    mdt.ok("import", "roster", roster.toString());
    mdt.ok("member", "add", "--name", "Dana Reyes", "--discipline", "DCF", "--agency", "DCF");
    mdt.ok(
        "review", "schedule", "--from", "2026-01-20", "--to", "2026-01-20", "--rule", "weekly:TUE");
    mdt.ok(
        "review", "schedule", "--from", "2026-03-10", "--to", "2026-03-10", "--rule", "weekly:TUE");
    mdt.ok("review", "record", "1", "--attended", "1", "--reviewed", "K6");
    Mdt.Result early =
        mdt.run("review", "record", "2", "--attended", "1", "--reviewed", "K4", "K6", "K7");
    assertEquals(0, early.code(), early.err());
    // (among the warnings that K6 and K7 were not on the meeting's agenda)
    assertTrue(
        early
            .err()
            .contains(
                "warning: case K7: reviewed on 2026-03-10, before its referral on 2026-03-20;"
                    + " the NCA and VOCA reports do not count this review"),
        early.err());
  }

  private JsonNode q2() {
    return Json.parse(mdt.ok("report", "voca", "--quarter", "FY2026Q2", "--format", "json"));
  }

  private static void assertCounts(String what, JsonNode node, int individuals, int times) {
    assertEquals(individuals, node.path("individuals").asInt(), what + " individuals");
    assertEquals(times, node.path("times").asInt(), what + " times");
  }

  private static void assertBreakdown(JsonNode breakdown, Map<String, Integer> expected) {
    breakdown
        .fields()
        .forEachRemaining(
            e ->
                assertEquals(
                    expected.getOrDefault(e.getKey(), 0), e.getValue().asInt(), e.getKey()));
  }

  @Test
  void defaultMapFollowsThePmt() {
    JsonNode q2 = q2();
    assertEquals("2026-06-01", q2.path("dataThrough").asText());
    assertEquals(
        5,
        q2.path("individualsServed")
            .asInt()); // Ann, Ben, Cal, Eve, Fay; not Dee (reviewed only), Gus
    assertEquals(
        4, q2.path("newIndividuals").asInt()); // Ann, Cal, Eve (FY2025 interview is last year), Fay
    assertEquals(1, q2.path("continuingIndividuals").asInt()); // Ben, first served 2025-11-10
    assertBreakdown(q2.path("age"), Map.of("0-12", 1, "13-17", 2, "not_reported", 1));
    assertBreakdown(q2.path("gender"), Map.of("female", 2, "male", 1, "unknown", 1));
    JsonNode services = q2.path("services");
    assertCounts("A", services.path("A"), 2, 2); // Ann's and Cal's referrals
    assertCounts("B", services.path("B"), 2, 4); // Ann's interview, exam, advocacy; Fay's advocacy
    assertCounts("C", services.path("C"), 2, 2); // Ben's and Eve's mental-health services
    assertCounts("E", services.path("E"), 0, 0); // nothing mapped
    assertTrue(
        services.path("D").isMissingNode(),
        "D stays out of services: the categories are A, B, C, E");
    assertCounts(
        "caseReviews",
        q2.path("caseReviews"),
        2,
        3); // Fay twice, Dee once; Gus's review predates him
    assertEquals(
        "shelter/housing: not recorded in the roster",
        q2.path("emptyCategories").path("D").asText());
    assertTrue(
        q2.path("emptyCategories").path("E").asText().contains("no roster service is mapped"));
    assertEquals(2, q2.path("emptyCategories").size(), q2.toString());
    assertEquals(
        Json.parse(
            "{\"A\": [\"mental_health_referral\"], \"B\": [\"forensic_interview\", \"medical_exam\","
                + " \"victim_advocacy\"], \"C\": [\"mental_health_services\"], \"E\": []}"),
        q2.path("serviceMap"));
  }

  @Test
  void aChangedMapMovesTheServices() {
    mdt.ok(
        "settings",
        "set",
        "voca.serviceMap",
        "{\"B\": [\"victim_advocacy\"], \"C\": [\"mental_health_services\","
            + " \"mental_health_referral\"], \"E\": [\"forensic_interview\"]}"); // A left out;
    // medical exam in
    // none
    JsonNode q2 = q2();
    assertEquals(5, q2.path("individualsServed").asInt()); // the same five, by other services
    assertEquals(4, q2.path("newIndividuals").asInt());
    JsonNode services = q2.path("services");
    assertCounts("A", services.path("A"), 0, 0);
    assertCounts("B", services.path("B"), 2, 2); // Ann's and Fay's advocacy
    assertCounts(
        "C", services.path("C"), 4, 4); // Ann's and Cal's referrals, Ben's and Eve's services
    assertCounts("E", services.path("E"), 1, 1); // Ann's interview (Ben's was in Q1)
    assertCounts("caseReviews", q2.path("caseReviews"), 2, 3);
    assertTrue(
        q2.path("emptyCategories").path("A").asText().contains("no roster service is mapped"));
    assertTrue(q2.path("emptyCategories").path("E").isMissingNode());
    assertEquals(
        Json.parse(
            "{\"A\": [], \"B\": [\"victim_advocacy\"], \"C\": [\"mental_health_services\","
                + " \"mental_health_referral\"], \"E\": [\"forensic_interview\"]}"),
        q2.path("serviceMap"));

    // only the medical exam counts: Ann alone is served, new on 01-12; the reviews are counted all
    // the same
    mdt.ok("settings", "set", "voca.serviceMap", "{\"B\": [\"medical_exam\"]}");
    JsonNode narrow = q2();
    assertEquals(1, narrow.path("individualsServed").asInt());
    assertEquals(1, narrow.path("newIndividuals").asInt());
    assertCounts("B", narrow.path("services").path("B"), 1, 1);
    assertCounts("caseReviews", narrow.path("caseReviews"), 2, 3);
    assertTrue(
        narrow.path("emptyCategories").path("C").asText().contains("no roster service is mapped"));

    mdt.ok("settings", "reset", "voca.serviceMap");
    assertCounts("B", q2().path("services").path("B"), 2, 4);
  }

  /** Written on 2026-02-15: nothing after that day counts, and the report says through when. */
  @Test
  void aReportWrittenMidQuarterCountsNothingLater() throws Exception {
    mdt.at("2026-02-15T12:00:00Z");
    JsonNode q2 = q2();
    assertEquals("2026-02-15", q2.path("dataThrough").asText());
    assertEquals("2026-03-31", q2.path("period").path("end").asText()); // still the quarter
    assertEquals(
        4, q2.path("individualsServed").asInt()); // Ann, Ben, Eve, Fay; Cal's referral is 03-31
    assertEquals(3, q2.path("newIndividuals").asInt());
    JsonNode services = q2.path("services");
    assertCounts("A", services.path("A"), 1, 1); // Ann's referral 01-20
    assertCounts(
        "B", services.path("B"), 2, 3); // Ann's interview and exam (advocacy 02-20 is later), Fay's
    assertCounts("C", services.path("C"), 2, 2);
    assertCounts(
        "caseReviews", q2.path("caseReviews"), 1, 1); // Fay on 01-20; the 03-10 meeting is later

    Path pdf = dir.resolve("voca.pdf");
    mdt.ok("report", "voca", "--quarter", "FY2026Q2", "--out", pdf.toString());
    String text = Pdfs.text(pdf).replaceAll("\\s+", " "); // table cells and definitions wrap
    assertTrue(text.contains("2026-01-01 to 2026-03-31, data through 2026-02-15"), text);
    assertTrue(
        text.contains(
            "A <- mental_health_referral; B <- forensic_interview, medical_exam, victim_advocacy"),
        text);
    assertTrue(text.contains("shelter/housing: not recorded in the roster"), text);

    Mdt.Result later = mdt.run("report", "voca", "--quarter", "FY2026Q3", "--format", "json");
    assertEquals(0, later.code());
    assertEquals(0, Json.parse(later.out()).path("individualsServed").asInt());
    assertTrue(later.err().contains("begins after 2026-02-15"), later.err());
  }

  @Test
  void settingsAreValidatedStrictly() {
    String[] bad = {
      "{\"A\": [\"mental_health_referral\"",
      "[]",
      "{\"F\": []}",
      "{\"D\": []}",
      "{\"A\": [\"counselling\"]}",
      "{\"A\": [\"case_review\"]}",
      "{\"A\": \"medical_exam\"}",
      "{\"B\": [\"medical_exam\"], \"C\": [\"medical_exam\"]}",
      "{\"B\": [\"medical_exam\", \"medical_exam\"]}",
      "{\"A\": [], \"A\": [\"medical_exam\"]}",
      "{\"A\": []} {}"
    };
    for (String value : bad) {
      Mdt.Result result = mdt.run("settings", "set", "voca.serviceMap", value);
      assertEquals(2, result.code(), value + ": " + result.err());
      assertEquals(1, result.errLines().length, value + ": " + result.err());
      assertTrue(result.err().startsWith("mdt: voca.serviceMap "), result.err());
    }
    assertTrue(
        mdt.run(
                "settings",
                "set",
                "voca.serviceMap",
                "{\"B\": [\"medical_exam\"], \"C\": [\"medical_exam\"]}")
            .err()
            .contains("both B and C"));
    assertEquals(2, mdt.run("settings", "set", "voca.nothing", "{}").code());
    assertEquals(2, mdt.run("settings", "show", "voca.nothing").code());
    // nothing was changed, so nothing was audited
    assertTrue(
        Json.parse(mdt.ok("settings", "show", "--format", "json"))
            .get(0)
            .path("isDefault")
            .asBoolean());
  }

  @Test
  void everyChangeIsAudited() {
    mdt.ok("settings", "set", "voca.serviceMap", "{\"B\": [\"medical_exam\"]}");
    JsonNode shown =
        Json.parse(mdt.ok("settings", "show", "voca.serviceMap", "--format", "json")).get(0);
    assertEquals(false, shown.path("isDefault").asBoolean());
    assertEquals(
        "{\"A\":[],\"B\":[\"medical_exam\"],\"C\":[],\"E\":[]}", shown.path("value").asText());
    mdt.ok("settings", "reset", "voca.serviceMap");
    JsonNode audit = Json.parse(mdt.ok("audit", "--format", "json"));
    int settingRows = 0;
    for (JsonNode row : audit) {
      if (row.path("entity").asText().equals("setting")) {
        settingRows++;
      }
    }
    assertEquals(2, settingRows, audit.toString()); // the set and the reset
    assertTrue(
        Json.parse(mdt.ok("settings", "show", "--format", "json"))
            .get(0)
            .path("isDefault")
            .asBoolean());
  }

  /** The map travels with the data: a backup restored elsewhere reports with the same map. */
  @Test
  void theMapTravelsInABackup() {
    String narrow = "{\"B\": [\"medical_exam\"]}";
    mdt.ok("settings", "set", "voca.serviceMap", narrow);
    Path backup = dir.resolve("copy.mdtbak");
    mdt.ok("backup", backup.toString());
    Mdt elsewhere = new Mdt(dir.resolve("elsewhere")).at("2026-06-01T12:00:00Z");
    elsewhere.ok("restore", backup.toString());
    JsonNode q2 =
        Json.parse(elsewhere.ok("report", "voca", "--quarter", "FY2026Q2", "--format", "json"));
    assertEquals(
        Json.parse("{\"A\": [], \"B\": [\"medical_exam\"], \"C\": [], \"E\": []}"),
        q2.path("serviceMap"));
    assertEquals(1, q2.path("individualsServed").asInt()); // Ann's exam, as here
  }
}
