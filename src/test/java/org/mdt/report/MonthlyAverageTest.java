package org.mdt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;

/** The monthly report's average and overdue count, worked out by hand. */
class MonthlyAverageTest {
  @TempDir Path dir;

  /** Months before the team's first data are not zeros: three months of data average over three. */
  @Test
  void theAverageIsOverTheMonthsWithData() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT").at("2026-06-15T12:00:00Z");
    mdt.ok(
        "import",
        "roster",
        Files.writeString(
                dir.resolve("r.csv"),
                "case_number,referral_date,child_first_name\n"
                    + "A-1,2026-03-02,Ann\nA-2,2026-03-09,Bo\n" // March: 2 cases
                    + "B-1,2026-04-01,Cy\nB-2,2026-04-02,Di\nB-3,2026-04-03,Ed\nB-4,2026-04-04,Flo\n" // April: 4
                    + "C-1,2026-06-01,Gus\n")
            .toString()); // May: none, a real zero; June is the report's month
    JsonNode report =
        Json.parse(mdt.ok("report", "monthly", "--month", "2026-06", "--format", "json"));
    JsonNode average = report.path("trendAverage");
    assertEquals(3, average.path("months").asInt(), "March to May");
    assertEquals(2.0, average.path("casesReceived").asDouble(), 1e-9, "(2 + 4 + 0) / 3");
    assertEquals(2.0, average.path("childrenReceived").asDouble(), 1e-9);
    assertEquals(0.0, average.path("reviewsHeld").asDouble(), 1e-9);
  }

  /**
   * The month still running counts as overdue exactly what 'followup list --overdue' lists today.
   */
  @Test
  void thisMonthsOverdueAgreesWithTheOverdueList() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT").at("2026-05-01T12:00:00Z");
    mdt.ok(
        "import",
        "roster",
        Files.writeString(
                dir.resolve("r.csv"),
                "case_number,referral_date,child_first_name\n" + "A-1,2026-04-01,Ann\n")
            .toString());
    mdt.ok("member", "add", "--name", "Dana Reyes", "--discipline", "DCF", "--agency", "DCF");
    String today = "2026-06-15";
    // due, then how it ends: null open; "done"/"cancel" on the day given
    String[][] followups = {
      {"2026-06-14", null, null}, // due yesterday, open: overdue
      {"2026-06-15", null, null}, // due today: not yet
      {"2026-05-20", "done", "2026-06-15"}, // late, done today: not overdue any more
      {"2026-05-20", "cancel", "2026-06-01"}, // cancelled: no
      {"2026-04-30", null, null}, // overdue since April: yes
      {null, null, null}, // no due date: never
      {"2026-06-16", null, null}, // due tomorrow: no
    };
    int expected = 0;
    for (int i = 0; i < followups.length; i++) {
      List<String> add =
          new ArrayList<>(List.of("followup", "add", "A-1", "--action", "f" + i, "--owner", "1"));
      if (followups[i][0] != null) {
        add.addAll(List.of("--due", followups[i][0]));
      }
      mdt.at("2026-05-02T10:00:00Z").ok(add.toArray(String[]::new));
      if (followups[i][1] != null) {
        mdt.at(followups[i][2] + "T10:00:00Z")
            .ok("followup", followups[i][1], String.valueOf(i + 1));
      } else if (followups[i][0] != null && followups[i][0].compareTo(today) < 0) {
        expected++;
      }
    }
    mdt.at(today + "T16:00:00Z");
    JsonNode listed = Json.parse(mdt.ok("followup", "list", "--overdue", "--format", "json"));
    JsonNode report =
        Json.parse(mdt.ok("report", "monthly", "--month", "2026-06", "--format", "json"));
    assertEquals(2, expected);
    assertEquals(expected, listed.size());
    assertEquals(listed.size(), report.path("followupsOverdue").asInt());
  }
}
