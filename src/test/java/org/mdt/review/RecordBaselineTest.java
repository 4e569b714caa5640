package org.mdt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;

/**
 * {@code review baseline} (issue 14, item 9) on a roster referred in autumn 2026: R-1 reviewed at a
 * meeting in mdt, B-1 and B-2 referred before the baseline day, L-1 after it. Today is 2026-11-21.
 */
class RecordBaselineTest {
  @TempDir Path dir;

  private Mdt cycle() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT");
    Path roster = dir.resolve("roster.csv");
    Files.writeString(
        roster,
        String.join(
                "\n",
                "case_number,referral_date,child_first_name,child_last_name,child_dob,case_status",
                "R-1,2026-09-01,Rosa,Tully,2013-01-01,Open",
                "B-1,2026-09-02,Bea,Ames,2014-01-01,Open",
                "B-2,2026-10-20,Ben,Cole,2015-01-01,Open",
                "L-1,2026-11-02,Lia,Dorn,2016-01-01,Open")
            + "\n");
    mdt.ok("import", "roster", roster.toString());
    mdt.ok(
        "member", "add", "--name", "Dana Reyes", "--discipline", "DCF", "--agency", "DCF Region 1");
    mdt.ok(
        "review", "schedule", "--from", "2026-09-15", "--to", "2026-09-15", "--rule", "weekly:TUE");
    mdt.ok("review", "record", "1", "--attended", "Dana Reyes", "--reviewed", "R-1");
    mdt.ok(
        "review",
        "schedule",
        "--from",
        "2026-11-24",
        "--to",
        "2027-02-23",
        "--rule",
        "monthly:4:TUE");
    return mdt;
  }

  private static List<String> agenda(Mdt mdt, String meeting) {
    List<String> cases = new java.util.ArrayList<>();
    Json.parse(mdt.ok("review", "agenda", meeting, "--format", "json"))
        .path("cases")
        .forEach(c -> cases.add(c.path("caseNumber").asText() + " " + c.path("reason").asText()));
    return cases;
  }

  @Test
  void marksCasesReferredBeforeTheDayOnceAndTheyAreNotNew() throws Exception {
    Mdt mdt = cycle();
    assertEquals(List.of("B-1 new", "B-2 new", "L-1 new"), agenda(mdt, "2"));

    Mdt.Result marked =
        mdt.run("review", "baseline", "--reviewed-before", "2026-11-01", "--format", "json");
    assertEquals(0, marked.code(), marked.err());
    assertEquals(
        2, Json.parse(marked.out()).path("marked").asInt(), "B-1 and B-2; R-1 was reviewed in mdt");
    assertEquals(1, Json.parse(marked.out()).path("reviewedInMdt").asInt());
    assertEquals(
        "marked 2 case(s) referred before 2026-11-01 as reviewed before mdt; 0 already marked, 1 reviewed"
            + " in mdt (left as they are)",
        marked.err().strip());
    assertEquals(List.of("L-1 new"), agenda(mdt, "2"), "2026-11-24");

    // again: nothing changes
    assertEquals(
        0,
        Json.parse(
                mdt.ok("review", "baseline", "--reviewed-before", "2026-11-01", "--format", "json"))
            .path("marked")
            .asInt());
    assertEquals(
        2,
        Json.parse(mdt.ok("audit", "--format", "json")).findValues("changes").stream()
            .filter(c -> c.asText().contains("reviewedBeforeMdt"))
            .count(),
        "audited once per case");

    // the re-review rule counts from the day: 90 days after 2026-11-01 is 2027-01-30
    assertEquals(List.of("L-1 new", "R-1 rereview"), agenda(mdt, "3"), "2026-12-22");
    assertEquals(
        List.of("L-1 new", "R-1 rereview", "B-1 rereview", "B-2 rereview"),
        agenda(mdt, "5"),
        "2027-02-23");
    assertEquals(
        "reviewed before mdt (by 2026-11-01)",
        Json.parse(mdt.ok("review", "agenda", "5", "--format", "json"))
            .path("cases")
            .get(2)
            .path("reasonDetail")
            .asText());
  }

  @Test
  void aBaselineIsNoReviewInTheReports() throws Exception {
    Mdt mdt = cycle();
    List<List<String>> reports =
        List.of(
            List.of("report", "nca", "--period", "2026H2"),
            List.of("report", "accreditation", "--year", "2026"),
            List.of("report", "monthly", "--month", "2026-11"),
            List.of("report", "voca", "--quarter", "FY2027Q1"));
    List<String> before = reports.stream().map(r -> json(mdt, r)).toList();
    assertEquals(
        1, Json.parse(before.get(1)).path("caseReview").path("casesReviewed").asInt(), "R-1 only");
    mdt.ok("review", "baseline", "--reviewed-before", "2026-11-01");
    assertEquals(
        before,
        reports.stream().map(r -> json(mdt, r)).toList(),
        "every report as before the baseline");
  }

  private static String json(Mdt mdt, List<String> report) {
    List<String> args = new java.util.ArrayList<>(report);
    args.add("--format");
    args.add("json");
    return mdt.ok(args.toArray(String[]::new));
  }
}
