package org.mdt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;
import org.mdt.text.Table;

/**
 * Issue 15, items 2, 4 and 5: what a coordinator reads on a terminal: errors, help, case show,
 * times.
 */
class TerminalOutputTest {
  @TempDir Path dir;

  /**
   * Picocli's parse errors were three lines: message, "Did you mean", "Try --help". Now one, still
   * exit 2.
   */
  @Test
  void everyUsageErrorIsOneLine() {
    Mdt mdt = new Mdt(dir);
    for (String[] line :
        new String[][] {
          {"imprt"},
          {"report", "nca", "--perod", "2025H1"},
          {"team", "list", "--format"},
          {"case", "list", "--referred-from", "1/2/2025"},
          {"team"}
        }) {
      Mdt.Result result = mdt.run(line);
      assertEquals(2, result.code(), String.join(" ", line));
      assertEquals(1, result.errLines().length, result.err());
      assertTrue(result.err().startsWith("mdt: "), result.err());
    }
    assertTrue(mdt.run("imprt").err().contains("Did you mean: import"));
  }

  /**
   * Picocli checks required options first: "--owner is missing" hid the real mistake, an option it
   * lacks.
   */
  @Test
  void anUnknownOptionIsNamedBeforeAMissingOne() {
    Mdt.Result result = new Mdt(dir).run("followup", "reassign", "2", "--to", "X");
    assertEquals(2, result.code());
    assertEquals("mdt: Unknown option: '--to'\n", result.err());
    Mdt.Result near = new Mdt(dir).run("followup", "reassign", "2", "--ownr", "X");
    assertTrue(
        near.err().contains("'--ownr'") && near.err().contains("Did you mean: --owner?"),
        near.err());
  }

  /**
   * A subcommand's help lists its own options; the global ones are named once, with a pointer to
   * mdt --help.
   */
  @Test
  void subcommandHelpListsItsOwnOptionsAndPointsToTheGlobalOnes() {
    Mdt mdt = new Mdt(dir);
    String reassign = mdt.ok("followup", "reassign", "--help");
    assertTrue(reassign.contains("--owner=MEMBER"), reassign);
    assertFalse(
        reassign.contains("--passphrase-file=FILE") || reassign.contains("--db=PATH"), reassign);
    assertTrue(
        reassign.contains("see 'mdt --help'") && reassign.contains("--passphrase-file"), reassign);
    assertTrue(reassign.contains("130   cancelled (Ctrl-C)"), reassign);
    String root = mdt.ok("--help");
    assertTrue(root.contains("--passphrase-file=FILE") && !root.contains("see 'mdt --help'"), root);
    // the global options still parse after the subcommand
    assertEquals(
        3,
        mdt.run(
                "followup",
                "reassign",
                "2",
                "--owner",
                "X",
                "--db",
                dir.resolve("none").toString(),
                "-q")
            .code());
  }

  /**
   * case show on a terminal: one "label value" line per field (a child's row was 343 characters
   * wide), the status case list shows (the roster left it blank), and camelCase JSON keys as every
   * other command has.
   */
  @Test
  void caseShowIsVerticalWithTheListsStatusAndCamelCaseJson() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT");
    Path roster =
        Files.writeString(
            dir.resolve("r.csv"),
            "case_number,referral_date,child_first_name,"
                + "child_last_name,child_dob,law_enforcement_agency,abuse_types,forensic_interview_date,notes\n"
                + "25-1042,2025-03-01,Ana,Reyes,2015-04-02,Hartford Police Department,child_sexual_abuse_assault,"
                + "2025-03-05,Interview scheduled with the family advocate present\n");
    mdt.ok("import", "roster", roster.toString());
    assertTrue(mdt.ok("case", "list").contains(" open "));
    String shown = mdt.ok("case", "show", "25-1042");
    shown.lines().forEach(line -> assertTrue(line.length() <= 80, line));
    assertTrue(shown.lines().anyMatch(line -> line.matches("Case status +open")), shown);
    assertTrue(
        shown
            .lines()
            .anyMatch(line -> line.matches("Law enforcement agency +Hartford Police Department")),
        shown);
    assertTrue(shown.contains("Child 1 of 1"), shown);
    JsonNode json = Json.parse(mdt.ok("case", "show", "25-1042", "--format", "json"));
    assertEquals("open", json.path("caseStatus").asText());
    assertEquals("Ana", json.path("children").get(0).path("childFirstName").asText());
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    json.path("children").get(0).fieldNames().forEachRemaining(keys::add);
    keys.forEach(key -> assertTrue(key.matches("[a-z][a-zA-Z0-9]*"), key));

    // CSV is the roster row: the case's own fields (notes among them) beside the child's
    List<String> csv = mdt.ok("case", "show", "25-1042", "--format", "csv").lines().toList();
    assertEquals(2, csv.size(), String.join("\n", csv));
    List<String> header = List.of(csv.get(0).split(","));
    for (String column :
        List.of(
            "case_number",
            "team",
            "law_enforcement_agency",
            "case_status",
            "notes",
            "child_first_name",
            "referral_date")) {
      assertTrue(header.contains(column), column + " in " + header);
    }
    assertTrue(
        csv.get(1).contains("Interview scheduled with the family advocate present"), csv.get(1));
  }

  /** A person reads labels in the aligned tables; CSV and JSON keep the codes programs read. */
  @Test
  void tablesShowLabelsWhereCsvKeepsCodes() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT");
    mdt.ok("member", "add", "--name", "Dana Reyes", "--discipline", "DCF", "--agency", "DCF");
    assertTrue(mdt.ok("member", "list").contains("Child protective services"));
    assertTrue(mdt.ok("member", "list", "--format", "csv").contains(",child_protective_services,"));
    mdt.ok(
        "import",
        "roster",
        Files.writeString(
                dir.resolve("g.csv"),
                "case_number,referral_date,child_first_name,"
                    + "child_gender\nG-1,2026-02-01,Ann,female\n")
            .toString());
    String table = mdt.ok("report", "nca", "--period", "2026H1");
    assertTrue(table.contains("Female") && !table.contains(" female "), table);
    assertTrue(
        mdt.ok("report", "nca", "--period", "2026H1", "--format", "csv").contains(",female,"));
  }

  /**
   * The VOCA table names its service categories; the accreditation table has the JSON's percentages
   * and medians.
   */
  @Test
  void reportTablesNameCategoriesAndShowPercentages() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT").at("2025-04-02T12:00:00Z");
    Path roster =
        Files.writeString(
            dir.resolve("r.csv"),
            "case_number,referral_date,child_first_name,"
                + "forensic_interview_date\n25-1042,2025-01-10,Ana,2025-01-20\n");
    mdt.ok("import", "roster", roster.toString());
    String voca = mdt.ok("report", "voca", "--quarter", "FY2025Q2");
    assertTrue(voca.contains("B  Personal advocacy and accompaniment"), voca);
    String accreditation = mdt.ok("report", "accreditation", "--year", "2025");
    assertTrue(
        accreditation
            .lines()
            .anyMatch(line -> line.matches("services +forensic_interview\\.percent +100\\.0")),
        accreditation);
    assertTrue(
        accreditation
            .lines()
            .anyMatch(
                line ->
                    line.matches("services +forensic_interview\\.medianDaysFromReferral +10\\.0")),
        accreditation);
    assertTrue(accreditation.contains("percentWithin30Days"), accreditation);
  }

  /**
   * A follow-up's history and the audit trail: the reader's local time to the second, not UTC to
   * the minute.
   */
  @Test
  void timesAreLocalToTheSecond() {
    StringWriter out = new StringWriter();
    new Printer(new PrintWriter(out), OutputFormat.TABLE, ZoneId.of("America/New_York"))
        .table(
            Table.of("at", "AT", "change", "CHANGE")
                .row(OffsetDateTime.parse("2025-01-07T11:30:05Z"), "done"));
    assertTrue(out.toString().contains("2025-01-07 06:30:05  done"), out.toString());
    StringWriter json = new StringWriter();
    new Printer(new PrintWriter(json), OutputFormat.JSON, ZoneId.of("America/New_York"))
        .table(Table.of("at", "AT").row(OffsetDateTime.parse("2025-01-07T11:30:05Z")));
    assertTrue(json.toString().contains("\"2025-01-07T11:30:05Z\""), "JSON keeps ISO: " + json);
  }

  /**
   * backup and followup done said what they did on stderr only: --format json gave scripts nothing
   * to read.
   */
  @Test
  void backupAndFollowupDonePrintTheirResult() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT");
    mdt.ok("member", "add", "--name", "Dana Reyes", "--discipline", "DCF", "--agency", "DCF");
    Files.writeString(
        dir.resolve("r.csv"),
        "case_number,referral_date,child_first_name\n25-1042,2025-03-01,Ana\n");
    mdt.ok("import", "roster", dir.resolve("r.csv").toString());
    mdt.ok("followup", "add", "25-1042", "--action", "Call the family", "--owner", "Dana Reyes");
    JsonNode done = Json.parse(mdt.ok("followup", "done", "1", "--format", "json"));
    assertEquals(1, done.path("id").asInt());
    assertEquals("done", done.path("status").asText());
    Path file = dir.resolve("backup.zip");
    JsonNode backup = Json.parse(mdt.ok("backup", file.toString(), "--format", "json"));
    assertEquals(file.toString(), backup.path("file").asText());
    assertFalse(backup.path("encrypted").asBoolean());
    assertTrue(
        backup.path("rows").asInt() > 0 && backup.path("tables").asInt() > 0, backup.toString());
  }

  /**
   * examples/monthly-report.sh, for cron: every line of its log says when, mdt's error among them.
   */
  @Test
  void theMonthlyReportScriptStampsEveryLogLine() throws Exception {
    ProcessBuilder script =
        new ProcessBuilder("bash", "examples/monthly-report.sh", dir.resolve("out").toString())
            .redirectErrorStream(true);
    script.environment().put("MDT_JAR", dir.resolve("missing.jar").toString());
    script.environment().put("MDT_DB", dir.resolve("db").toString());
    Process run = script.start();
    String log =
        new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(run.waitFor() != 0, log);
    assertTrue(log.lines().count() >= 3, log);
    log.lines()
        .forEach(
            line ->
                assertTrue(
                    line.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2} .+"),
                    line));
  }
}
