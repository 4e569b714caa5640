package org.mdt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;
import org.mdt.SharedData;

/** The evaluation export on two teams: suppression rules over the published cells, and the records file. */
class EvaluationExportTest {
  private static final int MIN_CELL = 10;
  @TempDir Path dir;
  private Mdt mdt;
  private List<String[]> county;

  @BeforeEach
  void twoTeams() throws Exception {
    mdt = new Mdt(dir).withTeam("North MDT");
    mdt.ok("team", "add", "+South MDT"); // a name a spreadsheet would take for a formula
    Path roster = SharedData.file("county-2025-cp1252.csv");
    mdt.ok("import", "roster", roster.toString(), "--team", "North MDT");
    mdt.ok("import", "roster", Files.writeString(dir.resolve("south.csv"), String.join("\n",
        "case_number,referral_date,child_first_name,child_last_name,child_dob,child_gender",
        "S-1,2025-02-03,Quinn,Oakley,2015-01-01,F", "S-2,2025-02-10,Reed,Parks,2012-01-01,M",
        "S-3,2025-03-01,Sage,Quarry,2010-01-01,F")).toString(), "--team", "+South MDT");
    county = new ArrayList<>();
    List<String> lines = Files.readAllLines(roster, Charset.forName("windows-1252"));
    for (String line : lines.subList(1, lines.size())) {
      county.add(line.split(",", -1));
    }
  }

  private JsonNode export(String... more) {
    List<String> args = new ArrayList<>(List.of("export", "evaluation", "--from", "2025-01", "--to", "2025-03",
        "--format", "json"));
    args.addAll(List.of(more));
    return Json.parse(mdt.ok(args.toArray(String[]::new)));
  }

  @Test
  void noSmallCountIsShownAndNoHiddenCountCanBeWorkedBack() {
    JsonNode export = export();
    assertEquals(MIN_CELL, export.path("minCell").asInt());
    Map<String, List<JsonNode>> rows = new HashMap<>();
    Map<String, List<JsonNode>> columns = new HashMap<>();
    Map<String, JsonNode> cellByKey = new HashMap<>();
    int hidden = 0;
    for (JsonNode cell : export.path("cells")) {
      JsonNode count = cell.path("count");
      if (count.isNumber()) {
        assertFalse(count.asInt() >= 1 && count.asInt() <= MIN_CELL, "shown small count: " + cell);
      } else {
        assertEquals("suppressed", count.asText());
        hidden++;
      }
      String row = cell.path("team").asText() + "/" + cell.path("month").asText() + "/" + cell.path("table").asText()
          + "/" + cell.path("measure").asText();
      rows.computeIfAbsent(row, k -> new ArrayList<>()).add(cell);
      cellByKey.put(row + "/" + cell.path("code").asText(), cell);
      if (!cell.path("team").asText().equals("all")) {
        columns.computeIfAbsent(cell.path("month").asText() + "/" + cell.path("table").asText() + "/"
            + cell.path("measure").asText() + "/" + cell.path("code").asText(), k -> new ArrayList<>()).add(cell);
      }
    }
    assertEquals(hidden, export.path("suppressed").asInt());
    assertTrue(hidden > 0, "a county roster by month has small cells");
    // Rows: each partitioning breakdown with the total it adds up to.
    Map<String, String> totals = Map.of("nca/gender", "nca/newChildren", "nca/ageAtFirstContact", "nca/newChildren",
        "nca/race", "nca/newChildren", "nca/offenderRelationship", "nca/newChildren", "nca/offenderAge",
        "nca/newChildren", "voca/age", "voca/newIndividuals", "voca/gender", "voca/newIndividuals", "voca/race",
        "voca/newIndividuals");
    rows.forEach((row, cells) -> {
      String[] key = row.split("/");
      String total = totals.get(key[2] + "/" + key[3]);
      if (total != null) {
        List<JsonNode> equation = new ArrayList<>(cells);
        equation.add(cellByKey.get(key[0] + "/" + key[1] + "/" + total + "/"));
        assertNotEquals(1, countHidden(equation), "row " + row + " has one hidden cell");
      }
    });
    // Columns: the teams of a month with the all-teams cell.
    columns.forEach((column, cells) -> {
      String[] key = column.split("/", 4);
      List<JsonNode> equation = new ArrayList<>(cells);
      equation.add(cellByKey.get("all/" + key[0] + "/" + key[1] + "/" + key[2] + "/" + key[3]));
      assertNotEquals(1, countHidden(equation), "column " + column + " has one hidden cell");
    });
  }

  private static long countHidden(List<JsonNode> cells) {
    return cells.stream().filter(c -> c.path("count").isTextual()).count();
  }

  /** On a roster written here with known months, ages and genders, every shown count is exact. */
  @Test
  void shownCountsAreTheCountsOfTheRows() throws Exception {
    Mdt fresh = new Mdt(dir.resolve("exact")).withTeam("East MDT");
    java.util.Random random = new java.util.Random(11);
    String[] genders = {"F", "M", "U"};
    Map<String, Integer> expected = new HashMap<>(); // month/gender -> new children; month/ -> all
    StringBuilder csv = new StringBuilder("case_number,referral_date,child_dob,child_gender\n");
    for (int i = 0; i < 400; i++) {
      LocalDate referral = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(90));
      LocalDate dob = referral.minusDays(random.nextInt(25 * 365));
      String gender = genders[random.nextInt(3)];
      csv.append("E-").append(i).append(',').append(referral).append(',').append(dob).append(',').append(gender)
          .append('\n');
      if (Period.between(dob, referral).getYears() <= 18) {
        String month = referral.toString().substring(0, 7);
        expected.merge(month + "/", 1, Integer::sum);
        expected.merge(month + "/" + Map.of("F", "female", "M", "male", "U", "unknown").get(gender), 1, Integer::sum);
      }
    }
    fresh.ok("import", "roster", Files.writeString(dir.resolve("east.csv"), csv).toString());
    JsonNode export = Json.parse(fresh.ok("export", "evaluation", "--from", "2025-01", "--to", "2025-03",
        "--format", "json", "--min-cell", "3"));
    int shown = 0;
    for (JsonNode cell : export.path("cells")) {
      String measure = cell.path("measure").asText();
      if (!cell.path("table").asText().equals("nca") || !cell.path("count").isNumber()
          || !(measure.equals("newChildren") || measure.equals("gender"))) {
        continue;
      }
      String key = cell.path("month").asText() + "/" + cell.path("code").asText();
      assertEquals(expected.getOrDefault(key, 0), cell.path("count").asInt(), cell.toString());
      shown++;
    }
    assertTrue(shown >= 12, "most months and genders are shown: " + shown);
  }

  @Test
  void recordsCarryNoIdentifiersAndUntraceableIds() throws Exception {
    Path first = dir.resolve("records-1.csv");
    Path second = dir.resolve("records-2.csv");
    export("--records", first.toString());
    export("--records", second.toString());
    List<String> lines = Files.readAllLines(first);
    assertEquals(String.join(",", DeidentifiedRecords.COLUMNS), lines.get(0));
    long expected = county.stream().filter(r -> r.length > 1 && !r[0].isEmpty()
        && r[1].matches("2025-0[1-3]-\\d{2}")).count();
    assertTrue(lines.size() - 1 >= expected + 3, "every child referred in the range, both teams");
    String text = Files.readString(first);
    for (String[] row : county) {
      for (String identifying : List.of(row[0], row[3], row[4], row[5])) { // case number, names, DOB
        if (identifying.length() >= 4 && !identifying.matches("\\d{4}-\\d{2}")) {
          assertFalse(text.contains(identifying), "the records file shows '" + identifying + "'");
        }
      }
    }
    assertTrue(text.contains(",'+South MDT,"), "the records file neutralises text a spreadsheet would run");
    for (String name : List.of("Quinn", "Oakley", "S-1", "2015-01-01")) {
      assertFalse(text.contains(name), name);
    }
    Set<String> ids = new HashSet<>();
    lines.stream().skip(1).forEach(line -> {
      String id = line.substring(0, line.indexOf(','));
      assertTrue(id.matches("[0-9a-f]{24}"), id);
      assertTrue(ids.add(id), "ids are unique");
    });
    Set<String> again = new HashSet<>();
    Files.readAllLines(second).stream().skip(1).forEach(line -> again.add(line.substring(0, line.indexOf(','))));
    again.retainAll(ids);
    assertTrue(again.isEmpty(), "a second export gives new ids: they follow nothing in the case");
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(first)));
  }

  @Test
  void minCellBelowOneIsRefused() {
    assertEquals(2, mdt.run("export", "evaluation", "--from", "2025-01", "--to", "2025-03", "--min-cell", "0")
        .code());
  }
}
