package org.mdt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

  /**
   * A case is new in the year of its first child's referral, not again when a sibling is referred
   * later.
   */
  @Test
  void aCaseFirstReferredLastYearIsNotNewThisYear() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT").at("2025-01-01T12:00:00Z");
    mdt.ok(
        "import",
        "roster",
        Files.writeString(
                dir.resolve("r.csv"),
                String.join(
                        "\n",
                        "case_number,referral_date,child_first_name,child_dob",
                        "D-1,2024-12-20,Dan,2015-01-01",
                        "D-1,2025-02-01,Dee,2016-01-01", // a sibling, referred in the new year
                        "E-1,2025-02-03,Eve,2014-01-01")
                    + "\n")
            .toString());
    mdt.ok("member", "add", "--name", "Pat Law", "--discipline", "police", "--agency", "Town PD");
    mdt.ok(
        "review", "schedule", "--from", "2025-02-10", "--to", "2025-02-10", "--rule", "weekly:MON");
    mdt.at("2025-02-10T18:00:00Z")
        .ok("review", "record", "1", "--attended", "1", "--reviewed", "D-1", "E-1");
    mdt.at("2025-06-01T12:00:00Z");

    JsonNode y2025 =
        Json.parse(mdt.ok("report", "accreditation", "--year", "2025", "--format", "json"));
    assertEquals(1, y2025.path("caseReview").path("newCases").asInt()); // E-1 only
    assertEquals(1, y2025.path("caseReview").path("reviewedWithin30Days").asInt()); // E-1: 7 days
    assertEquals(
        2, y2025.path("services").path("children").asInt()); // Dee and Eve were referred in 2025
    JsonNode y2024 =
        Json.parse(mdt.ok("report", "accreditation", "--year", "2024", "--format", "json"));
    assertEquals(1, y2024.path("caseReview").path("newCases").asInt()); // D-1
    assertEquals(0, y2024.path("caseReview").path("reviewedWithin30Days").asInt());
    assertEquals(
        1, y2024.path("caseReview").path("reviewedWithin60Days").asInt()); // 52 days, in 2025
  }

  @Test
  void eachStandardsFiguresAndTheCasesBehindShortfalls() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT").at("2025-01-01T12:00:00Z");
    mdt.ok(
        "import",
        "roster",
        Files.writeString(
                dir.resolve("r.csv"),
                String.join(
                        "\n",
                        "case_number,referral_date,child_first_name,child_last_name,child_dob,child_gender,forensic_interview_date,"
                            + "medical_exam_date,cps_outcome",
                        "A-1,2025-01-02,Alma,Birch,2015-03-03,F,2025-01-05,2025-01-12,substantiated", // FI 3 days, exam 10 days
                        "A-1,2025-01-02,Arlo,Birch,2017-04-04,M,2025-01-09,,substantiated", // FI 7
                        // days
                        "B-1,2025-01-20,Bea,Cole,2012-05-05,,,,", // no interview
                        "C-1,2025-03-01,Cyd,Dunn,,F,2025-03-02,,")
                    + "\n")
            .toString()); // FI 1 day
    mdt.ok("member", "add", "--name", "Pat Law", "--discipline", "police", "--agency", "Town PD");
    mdt.ok("member", "add", "--name", "Dana Reyes", "--discipline", "DCF", "--agency", "DCF");
    mdt.ok("member", "add", "--name", "Mo Doc", "--discipline", "medical", "--agency", "Hospital");
    mdt.ok(
        "review",
        "schedule",
        "--from",
        "2025-01-27",
        "--to",
        "2025-03-24",
        "--rule",
        "monthly:4:MON");
    // meetings: 1 = 2025-01-27, 2 = 2025-02-24, 3 = 2025-03-24
    mdt.at("2025-01-27T18:00:00Z")
        .ok(
            "review",
            "record",
            "1",
            "--attended",
            "1",
            "2",
            "--reviewed",
            "A-1",
            "--followup",
            "A-1:Dana Reyes:2025-02-10:Home visit");
    mdt.at("2025-02-05T10:00:00Z").ok("followup", "done", "1"); // on time
    mdt.at("2025-02-24T18:00:00Z")
        .ok(
            "review",
            "record",
            "2",
            "--attended",
            "1",
            "--reviewed",
            "B-1",
            "--followup",
            "B-1:Pat Law:2025-03-01:Interview the sibling");
    mdt.at("2025-06-01T12:00:00Z");

    JsonNode report =
        Json.parse(mdt.ok("report", "accreditation", "--year", "2025", "--format", "json"));
    JsonNode members = report.path("mdt").path("membersByDiscipline");
    assertEquals(1, members.path("law_enforcement").asInt());
    assertEquals(1, members.path("child_protective_services").asInt());
    assertEquals(1, members.path("medical").asInt());
    assertEquals(
        List.of("prosecution", "mental_health", "victim_advocacy", "cac"),
        strings(report.path("mdt").path("missingDisciplines")));

    JsonNode review = report.path("caseReview");
    assertEquals(2, review.path("meetingsHeld").asInt()); // the third was never recorded
    assertEquals(2, review.path("casesReviewed").asInt());
    assertEquals(3, review.path("newCases").asInt());
    assertEquals(
        1, review.path("reviewedWithin30Days").asInt()); // 25 days; B-1: 35 days; C-1: never
    assertEquals(2, review.path("reviewedWithin60Days").asInt());
    assertEquals(List.of("C-1"), strings(review.path("notReviewedWithin60Days")));
    assertEquals(
        100.0, review.path("attendancePercentByDiscipline").path("law_enforcement").asDouble());
    assertEquals(
        50.0,
        review.path("attendancePercentByDiscipline").path("child_protective_services").asDouble());
    assertEquals(0.0, review.path("attendancePercentByDiscipline").path("medical").asDouble());
    assertEquals(2, review.path("followupsMade").asInt());
    assertEquals(1, review.path("followupsDoneOnTime").asInt());
    assertEquals(1, review.path("followupsOverdue").asInt()); // due March 1, open on June 1

    JsonNode services = report.path("services");
    assertEquals(4, services.path("children").asInt());
    assertEquals(3, services.path("forensic_interview").path("children").asInt());
    assertEquals(75.0, services.path("forensic_interview").path("percent").asDouble());
    assertEquals(
        3, services.path("forensic_interview").path("medianDaysFromReferral").asInt()); // 1, 3, 7
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
    assertTrue(raw.contains("/Subtype/Form"), "the charts are drawn into the PDF (as vectors)");
    String all = Pdfs.text(pdf);
    for (String expected :
        List.of(
            "Multidisciplinary team",
            "Case review",
            "Case tracking",
            "Definitions",
            "Accreditation evidence 2025 - All teams",
            "C-1",
            "B-1")) {
      assertTrue(all.contains(expected), expected);
    }
    for (String child :
        List.of("Alma", "Birch", "Arlo", "Cole", "Dunn", "2015-03-03", "2012-05-05")) {
      assertFalse(all.contains(child), "the report shows " + child);
    }
  }

  /**
   * One follow-up of the bucket test: made on {@code created}, due on {@code due} (or never), then
   * marked done or cancelled on {@code closed} (or left open), and the bucket a person puts it in
   * on the report's day.
   */
  private record Made(String created, String due, String closedHow, String closed, String bucket) {}

  /**
   * Every follow-up falls in exactly one bucket on the report's day, and the buckets add up to
   * those made.
   */
  @Test
  void everyFollowupFallsInOneBucketAndTheBucketsSumToMade() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT").at("2026-01-02T12:00:00Z");
    mdt.ok(
        "import",
        "roster",
        Files.writeString(
                dir.resolve("r.csv"),
                "case_number,referral_date,child_first_name\nA-1,2026-01-02,Ann\n")
            .toString());
    mdt.ok("member", "add", "--name", "Dana Reyes", "--discipline", "DCF", "--agency", "DCF");
    String reportDay = "2026-06-30";
    List<Made> made =
        List.of(
            new Made("2026-02-01", "2026-02-10", "done", "2026-02-05", "followupsDoneOnTime"),
            new Made(
                "2026-02-01",
                "2026-02-10",
                "done",
                "2026-02-10",
                "followupsDoneOnTime"), // on the due day
            new Made("2026-02-01", "2026-02-10", "done", "2026-02-20", "followupsDoneLate"),
            new Made("2026-02-01", null, "done", "2026-03-01", "followupsDoneNoDueDate"),
            new Made("2026-02-01", "2026-03-01", "cancel", "2026-03-05", "followupsCancelled"),
            new Made("2026-02-01", null, "cancel", "2026-03-05", "followupsCancelled"),
            new Made("2026-03-01", "2026-04-01", null, null, "followupsOverdue"),
            new Made(
                "2026-03-01",
                "2026-05-01",
                "done",
                "2026-07-10",
                "followupsOverdue"), // done after the report
            new Made(
                "2026-03-01",
                "2026-06-30",
                null,
                null,
                "followupsOpenNotYetDue"), // due on the report's day
            new Made("2026-03-01", "2026-07-15", null, null, "followupsOpenNotYetDue"),
            new Made(
                "2026-03-01",
                "2026-05-01",
                "cancel",
                "2026-07-02",
                "followupsOverdue"), // cancelled after it
            new Made("2026-03-01", null, null, null, "followupsOpenNoDueDate"),
            new Made(
                "2026-07-05",
                "2026-07-20",
                null,
                null,
                null), // made after the report's day: not counted
            new Made("2025-12-20", "2026-01-10", null, null, null)); // made the year before
    int id = 0;
    for (Made f : made) {
      id++;
      List<String> add =
          new ArrayList<>(List.of("followup", "add", "A-1", "--action", "f" + id, "--owner", "1"));
      if (f.due() != null) {
        add.addAll(List.of("--due", f.due()));
      }
      mdt.at(f.created() + "T10:00:00Z").ok(add.toArray(String[]::new));
      if (f.closedHow() != null) {
        mdt.at(f.closed() + "T10:00:00Z").ok("followup", f.closedHow(), String.valueOf(id));
      }
    }
    mdt.at(reportDay + "T15:00:00Z");

    JsonNode report =
        Json.parse(mdt.ok("report", "accreditation", "--year", "2026", "--format", "json"));
    assertEquals(reportDay, report.path("dataThrough").asText());
    JsonNode review = report.path("caseReview");
    List<String> buckets =
        List.of(
            "followupsDoneOnTime",
            "followupsDoneLate",
            "followupsDoneNoDueDate",
            "followupsCancelled",
            "followupsOverdue",
            "followupsOpenNotYetDue",
            "followupsOpenNoDueDate");
    int sum = 0;
    for (String bucket : buckets) {
      long expected = made.stream().filter(f -> bucket.equals(f.bucket())).count();
      assertEquals(expected, review.path(bucket).asLong(), bucket);
      sum += review.path(bucket).asInt();
    }
    long counted = made.stream().filter(f -> f.bucket() != null).count();
    assertEquals(counted, review.path("followupsMade").asLong());
    assertEquals(
        review.path("followupsMade").asInt(), sum, "the buckets add up to the follow-ups made");

    Path pdf = dir.resolve("accreditation.pdf");
    mdt.ok("report", "accreditation", "--year", "2026", "--out", pdf.toString());
    String text = Pdfs.text(pdf);
    for (String label :
        List.of(
            "Follow-ups done on time",
            "Follow-ups done late",
            "Follow-ups done, no due date",
            "Follow-ups cancelled",
            "Follow-ups open and overdue",
            "Follow-ups open, not yet due",
            "Follow-ups open, no due date",
            "data through " + reportDay)) {
      assertTrue(text.contains(label), label);
    }
  }

  /** The median of an even number of waits is the mean of the middle two, kept to the half day. */
  @Test
  void aMedianOfAnEvenCountKeepsItsHalf() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT").at("2025-06-01T12:00:00Z");
    mdt.ok(
        "import",
        "roster",
        Files.writeString(
                dir.resolve("r.csv"),
                String.join(
                        "\n",
                        "case_number,referral_date,child_first_name,forensic_interview_date",
                        "A-1,2025-01-01,Ann,2025-01-03", // 2 days
                        "B-1,2025-01-01,Bob,2025-01-06", // 5 days
                        "C-1,2025-02-01,Cat,2025-02-11", // 10 days
                        "D-1,2025-02-01,Dan,2025-02-22")
                    + "\n")
            .toString()); // 21 days
    // sorted 2, 5, 10, 21: the middle two are 5 and 10
    double expected = (5 + 10) / 2.0;

    JsonNode report =
        Json.parse(mdt.ok("report", "accreditation", "--year", "2025", "--format", "json"));
    assertEquals(
        expected,
        report
            .path("services")
            .path("forensic_interview")
            .path("medianDaysFromReferral")
            .asDouble());
    Path pdf = dir.resolve("accreditation.pdf");
    mdt.ok("report", "accreditation", "--year", "2025", "--out", pdf.toString());
    assertTrue(Pdfs.text(pdf).contains("7.5 days"), "the PDF shows the half day");
  }

  /**
   * "unknown" (and what import stores as unknown: declined, not reported) is entered but not known.
   */
  @Test
  void caseTrackingCountsKnownValuesAndShowsEnteredBeside() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT").at("2025-06-01T12:00:00Z");
    List<String[]> rows =
        List.of(
            new String[] {"A-1", "Ann", "Black", "mother"},
            new String[] {"B-1", "Bob", "unknown", "unknown"},
            new String[] {"C-1", "Cat", "declined", "stranger"},
            new String[] {"D-1", "Dan", "", ""},
            new String[] {"E-1", "Eve", "not reported", "uncle"});
    StringBuilder csv =
        new StringBuilder(
            "case_number,referral_date,child_first_name,child_race,offender_relationship\n");
    rows.forEach(
        r ->
            csv.append(r[0])
                .append(",2025-02-01,")
                .append(r[1])
                .append(',')
                .append(r[2])
                .append(',')
                .append(r[3])
                .append('\n'));
    mdt.ok("import", "roster", Files.writeString(dir.resolve("r.csv"), csv).toString());
    List<String> notKnown = List.of("unknown", "declined", "not reported");
    long raceEntered = rows.stream().filter(r -> !r[2].isEmpty()).count(); // 4
    long raceKnown =
        rows.stream().filter(r -> !r[2].isEmpty() && !notKnown.contains(r[2])).count(); // 1
    long relationshipEntered = rows.stream().filter(r -> !r[3].isEmpty()).count(); // 4
    long relationshipKnown =
        rows.stream().filter(r -> !r[3].isEmpty() && !notKnown.contains(r[3])).count(); // 3

    JsonNode report =
        Json.parse(mdt.ok("report", "accreditation", "--year", "2025", "--format", "json"));
    JsonNode known = report.path("caseTrackingPercentRecorded");
    JsonNode entered = report.path("caseTrackingPercentEntered");
    assertEquals(percent(raceKnown, rows.size()), known.path("child_race").asDouble());
    assertEquals(percent(raceEntered, rows.size()), entered.path("child_race").asDouble());
    assertEquals(
        percent(relationshipKnown, rows.size()), known.path("offender_relationship").asDouble());
    assertEquals(
        percent(relationshipEntered, rows.size()),
        entered.path("offender_relationship").asDouble());
  }

  /** A report written inside its year counts nothing dated after its day, and says so. */
  @Test
  void aYearReportedBeforeItEndsCountsNothingLater() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT").at("2025-01-01T12:00:00Z");
    List<String[]> rows =
        List.of(
            new String[] {"A-1", "2025-03-01", "2025-03-04"},
            new String[] {"B-1", "2025-06-30", "2025-07-03"},
            new String[] {"C-1", "2025-07-01", ""},
            new String[] {"D-1", "2025-07-02", "2025-07-05"},
            new String[] {"E-1", "2025-11-20", "2025-11-21"});
    StringBuilder csv =
        new StringBuilder("case_number,referral_date,child_first_name,forensic_interview_date\n");
    rows.forEach(
        r -> csv.append(r[0]).append(',').append(r[1]).append(",Kid,").append(r[2]).append('\n'));
    mdt.ok("import", "roster", Files.writeString(dir.resolve("r.csv"), csv).toString());
    mdt.ok("member", "add", "--name", "Pat Law", "--discipline", "police", "--agency", "Town PD");
    mdt.ok(
        "review",
        "schedule",
        "--from",
        "2025-06-02",
        "--to",
        "2025-07-31",
        "--rule",
        "monthly:1:MON");
    // meetings: 1 = 2025-06-02, 2 = 2025-07-07 (after the report's day)
    mdt.at("2025-06-02T18:00:00Z")
        .ok("review", "record", "1", "--attended", "1", "--reviewed", "A-1");
    mdt.at("2025-07-07T18:00:00Z")
        .ok("review", "record", "2", "--attended", "1", "--reviewed", "B-1", "C-1");
    LocalDate day = LocalDate.parse("2025-07-01");
    mdt.at(day + "T09:00:00Z");
    long referred =
        rows.stream().filter(r -> !LocalDate.parse(r[1]).isAfter(day)).count(); // A, B, C
    long interviewed =
        rows.stream()
            .filter(
                r ->
                    !LocalDate.parse(r[1]).isAfter(day)
                        && !r[2].isEmpty()
                        && !LocalDate.parse(r[2]).isAfter(day))
            .count(); // A only: B's interview is on July 3rd

    JsonNode report =
        Json.parse(mdt.ok("report", "accreditation", "--year", "2025", "--format", "json"));
    assertEquals(day.toString(), report.path("dataThrough").asText());
    assertEquals(referred, report.path("services").path("children").asLong());
    assertEquals(referred, report.path("caseReview").path("newCases").asLong());
    assertEquals(
        interviewed, report.path("services").path("forensic_interview").path("children").asLong());
    assertEquals(
        1, report.path("caseReview").path("meetingsHeld").asInt()); // June 2nd; July 7th is later
    assertEquals(1, report.path("caseReview").path("casesReviewed").asInt());
    assertEquals(
        percent(1, referred),
        report.path("caseTrackingPercentRecorded").path("mdt_review").asDouble());
    assertTrue(
        mdt.ok("report", "accreditation", "--year", "2025").contains("data through 2025-07-01"));
  }

  private static double percent(long part, long whole) {
    return Math.round(1000.0 * part / whole) / 10.0;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
