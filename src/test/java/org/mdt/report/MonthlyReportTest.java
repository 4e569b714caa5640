package org.mdt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;

/**
 * The monthly report against counts worked out here from the rows, meetings and follow-ups the test
 * made.
 */
class MonthlyReportTest {
  @TempDir Path dir;

  @Test
  void monthAndTrendMatchTheRowsWritten() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT").at("2026-09-01T12:00:00Z");
    List<String[]> rows =
        List.of(
            new String[] {"A", "2026-08-20", "Ana"},
            new String[] {"A", "2026-09-03", "Abe"}, // sibling a month later
            new String[] {"B", "2026-09-10", "Ben"},
            new String[] {"C", "2026-10-01", "Cal"},
            new String[] {"D", "2026-10-31", "Dee"},
            new String[] {"E", "2025-10-15", "Eve"},
            new String[] {"F", "2025-09-30", "Fay"}); // before the trend's first month
    StringBuilder csv = new StringBuilder("case_number,referral_date,child_first_name\n");
    rows.forEach(r -> csv.append(String.join(",", r)).append('\n'));
    mdt.ok("import", "roster", Files.writeString(dir.resolve("r.csv"), csv).toString());
    mdt.ok("member", "add", "--name", "Dana Reyes", "--discipline", "DCF", "--agency", "DCF");
    mdt.ok(
        "review", "schedule", "--from", "2026-09-01", "--to", "2026-11-16", "--rule", "weekly:MON");

    mdt.at("2026-09-10T09:00:00Z")
        .ok("followup", "add", "A", "--action", "f1", "--owner", "1", "--due", "2026-09-20");
    mdt.at("2026-09-14T18:00:00Z")
        .ok("review", "record", "2", "--attended", "1", "--reviewed", "A", "B");
    mdt.at("2026-10-02T09:00:00Z").ok("followup", "done", "1");
    mdt.at("2026-10-05T18:00:00Z")
        .ok(
            "review",
            "record",
            "5",
            "--attended",
            "1",
            "--reviewed",
            "A",
            "--followup",
            "A:1:2026-10-31:f2");
    mdt.at("2026-10-06T09:00:00Z").ok("followup", "add", "C", "--action", "f3", "--owner", "1");
    mdt.at("2026-10-19T18:00:00Z")
        .ok("review", "record", "7", "--attended", "1", "--reviewed", "C", "A");
    mdt.at("2026-10-20T09:00:00Z").ok("followup", "cancel", "3");
    mdt.at("2026-11-21T09:00:00Z");

    JsonNode report =
        Json.parse(mdt.ok("report", "monthly", "--month", "2026-10", "--format", "json"));
    assertEquals("2026-10", report.path("month").asText());
    assertEquals(13, report.path("trend").size());
    assertEquals("2025-10", report.path("trend").get(0).path("month").asText());

    // Received, from the rows: a case in the month of its first referral, a child in its own month.
    Map<String, LocalDate> firstReferral = new HashMap<>();
    Map<YearMonth, Integer> children = new HashMap<>();
    for (String[] r : rows) {
      LocalDate date = LocalDate.parse(r[1]);
      firstReferral.merge(r[0], date, (a, b) -> a.isBefore(b) ? a : b);
      children.merge(YearMonth.from(date), 1, Integer::sum);
    }
    Map<YearMonth, Integer> cases = new HashMap<>();
    firstReferral.values().forEach(d -> cases.merge(YearMonth.from(d), 1, Integer::sum));
    for (JsonNode month : report.path("trend")) {
      YearMonth m = YearMonth.parse(month.path("month").asText());
      assertEquals(cases.getOrDefault(m, 0), month.path("casesReceived").asInt(), m + " cases");
      assertEquals(
          children.getOrDefault(m, 0), month.path("childrenReceived").asInt(), m + " children");
    }
    // Reviews: Sept 14 (A, B); Oct 5 (A) and Oct 19 (C, A): A counts once in October.
    JsonNode september = report.path("trend").get(11);
    assertEquals(1, september.path("reviewsHeld").asInt());
    assertEquals(2, september.path("casesReviewed").asInt());
    assertEquals(2, report.path("reviewsHeld").asInt());
    assertEquals(2, report.path("casesReviewed").asInt());
    // Follow-ups: f1 opened Sept 10, due Sept 20, done Oct 2; f2 opened Oct 5, due Oct 31; f3
    // opened Oct 6,
    // no due date, cancelled Oct 20.
    assertEquals(1, september.path("followupsOpened").asInt());
    assertEquals(0, september.path("followupsClosed").asInt());
    assertEquals(
        1, september.path("followupsOverdue").asInt(), "f1 was open and past due on Sept 30");
    assertEquals(2, report.path("followupsOpened").asInt());
    assertEquals(2, report.path("followupsClosed").asInt());
    assertEquals(1, report.path("followupsDone").asInt(), "f1, done Oct 2");
    assertEquals(1, report.path("followupsCancelled").asInt(), "f3, cancelled Oct 20");
    assertEquals(
        0, report.path("followupsOverdue").asInt(), "f2 is due on the last day, not before it");
    assertEquals(report.path("casesReceived"), report.path("trend").get(12).path("casesReceived"));
  }

  /** A report written in the middle of its month counts nothing dated after its day. */
  @Test
  void aMonthReportedBeforeItEndsCountsNothingLater() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT").at("2026-09-01T12:00:00Z");
    LocalDate day = LocalDate.parse("2026-10-15");
    List<String> referrals = List.of("2026-10-10", "2026-10-15", "2026-10-16", "2026-10-28");
    StringBuilder csv = new StringBuilder("case_number,referral_date,child_first_name\n");
    for (int i = 0; i < referrals.size(); i++) {
      csv.append("K-").append(i).append(',').append(referrals.get(i)).append(",Kid\n");
    }
    mdt.ok("import", "roster", Files.writeString(dir.resolve("r.csv"), csv).toString());
    mdt.ok("member", "add", "--name", "Dana Reyes", "--discipline", "DCF", "--agency", "DCF");
    mdt.ok(
        "review", "schedule", "--from", "2026-10-12", "--to", "2026-10-19", "--rule", "weekly:MON");
    mdt.at("2026-10-12T18:00:00Z")
        .ok("review", "record", "1", "--attended", "1", "--reviewed", "K-0");
    mdt.at("2026-10-19T18:00:00Z")
        .ok("review", "record", "2", "--attended", "1", "--reviewed", "K-1");
    // g1 due Oct 5, done Oct 12; g2 due Oct 8, cancelled Oct 18 (after the report): open and
    // overdue on Oct 15;
    // g3 opened Oct 16, after it; g4 opened Oct 16 and done Oct 17, both after it
    mdt.at("2026-10-01T09:00:00Z")
        .ok("followup", "add", "K-0", "--action", "g1", "--owner", "1", "--due", "2026-10-05");
    mdt.at("2026-10-01T09:00:00Z")
        .ok("followup", "add", "K-0", "--action", "g2", "--owner", "1", "--due", "2026-10-08");
    mdt.at("2026-10-16T09:00:00Z")
        .ok("followup", "add", "K-0", "--action", "g3", "--owner", "1", "--due", "2026-10-10");
    mdt.at("2026-10-16T09:00:00Z")
        .ok("followup", "add", "K-1", "--action", "g4", "--owner", "1", "--due", "2026-10-30");
    mdt.at("2026-10-12T09:00:00Z").ok("followup", "done", "1");
    mdt.at("2026-10-18T09:00:00Z").ok("followup", "cancel", "2");
    mdt.at("2026-10-17T09:00:00Z").ok("followup", "done", "4");
    mdt.at(day + "T20:00:00Z");

    JsonNode report =
        Json.parse(mdt.ok("report", "monthly", "--month", "2026-10", "--format", "json"));
    assertEquals(day.toString(), report.path("dataThrough").asText());
    long received = referrals.stream().filter(r -> !LocalDate.parse(r).isAfter(day)).count();
    assertEquals(received, report.path("casesReceived").asLong());
    assertEquals(received, report.path("childrenReceived").asLong());
    assertEquals(1, report.path("reviewsHeld").asInt(), "Oct 19 is after the report's day");
    assertEquals(2, report.path("followupsOpened").asInt(), "g1, g2");
    assertEquals(1, report.path("followupsClosed").asInt(), "g1");
    assertEquals(1, report.path("followupsDone").asInt(), "g1");
    assertEquals(
        0, report.path("followupsCancelled").asInt(), "g2 was cancelled after the report's day");
    assertEquals(1, report.path("followupsOverdue").asInt(), "g2, open and past due on Oct 15");
    assertTrue(
        mdt.ok("report", "monthly", "--month", "2026-10").contains("data through 2026-10-15"));
  }
}
