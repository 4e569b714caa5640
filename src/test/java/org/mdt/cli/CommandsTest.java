package org.mdt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;
import org.mdt.codes.Codes;
import org.mdt.db.Database;
import org.mdt.report.NcaStatistics;

/**
 * The command surface of docs/DESIGN.md section 1: exit codes, stdout for results, one line on
 * stderr for errors.
 */
class CommandsTest {
  @TempDir Path dir;

  @Test
  void versionAndHelpNeedNoDatabase() {
    Mdt mdt = new Mdt(dir);
    Mdt.Result version = mdt.run("--version");
    assertEquals(0, version.code());
    assertTrue(version.out().matches("(?s)mdt \\d+\\.\\d+\\.\\d+.*"), version.out());
    assertEquals(
        version.out(), mdt.run("team", "--version").out(), "the fast path says what picocli says");
    assertTrue(mdt.run("--help").out().contains("import"));
    assertFalse(Files.exists(dir.resolve("mdt.mv.db")));
  }

  @Test
  void badUsageIsExitTwoWithTheNearestCommand() {
    Mdt mdt = new Mdt(dir);
    Mdt.Result typo = mdt.run("improt", "roster", "x.csv");
    assertEquals(2, typo.code());
    assertEquals("", typo.out());
    assertTrue(typo.err().contains("Did you mean: import"), typo.err());
    Mdt.Result option = mdt.run("report", "nca", "--perod", "2025H1");
    assertEquals(2, option.code());
    assertTrue(option.err().contains("--period"), option.err());
    assertEquals(2, mdt.run().code());
    Mdt.Result group = mdt.run("team");
    assertEquals(2, group.code());
    assertTrue(
        group.err().startsWith("mdt: a command is required: one of add, list\n"), group.err());
    Mdt.Result help = mdt.run("team", "add", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--county"), help.out());
    assertEquals(2, mdt.run("case", "list", "--referred-from", "1/2/2025").code());
    Mdt.Result period = new Mdt(dir).withTeam("T").run("report", "nca", "--period", "2025Q1");
    assertEquals(2, period.code());
    assertEquals(1, period.errLines().length);
  }

  @Test
  void commandsOtherThanInitNeverCreateADatabase() {
    Mdt mdt = new Mdt(dir);
    Mdt.Result result = mdt.run("team", "list");
    assertEquals(3, result.code());
    assertEquals(
        List.of("mdt: no database at " + dir.resolve("mdt.mv.db") + ": run 'mdt init' first"),
        List.of(result.errLines()));
    assertFalse(Files.exists(dir.resolve("mdt.mv.db")));
  }

  @Test
  void initIsIdempotentAndTheDefaultDatabaseIsPrivate() throws Exception {
    Mdt mdt = new Mdt(dir);
    mdt.env("MDT_DB", "");
    JsonNode first = Json.parse(mdt.ok("init", "--format", "json"));
    Path file = dir.resolve("xdg/mdt/mdt.mv.db");
    assertEquals(file.toString(), first.path("database").asText());
    assertEquals(
        Database.SCHEMA_VERSION, first.path("migrationsApplied").asInt()); // one per version
    assertEquals(
        0, Json.parse(mdt.ok("init", "--format", "json")).path("migrationsApplied").asInt());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
  }

  @Test
  void globalOptionsWorkBeforeAndAfterTheSubcommand() {
    Path other = dir.resolve("other");
    Mdt mdt = new Mdt(dir);
    mdt.ok("--db", other.toString(), "init");
    mdt.ok("team", "add", "West", "--db", other.toString());
    assertEquals(
        "West",
        Json.parse(mdt.ok("--format", "json", "team", "list", "--db", other.toString()))
            .get(0)
            .path("name")
            .asText());
    assertEquals(3, mdt.run("team", "list").code(), "the default database was never created");
  }

  @Test
  void teamsAreUniqueIgnoringCase() {
    Mdt mdt = new Mdt(dir).withTeam("North MDT");
    Mdt.Result duplicate = mdt.run("team", "add", "north mdt");
    assertEquals(1, duplicate.code());
    assertEquals("mdt: team 'north mdt' already exists\n", duplicate.err());
    mdt.ok("team", "add", "South MDT", "--cac", "Harbor CAC", "--county", "Bay");
    JsonNode teams = Json.parse(mdt.ok("team", "list", "--format", "json"));
    assertEquals(2, teams.size());
    assertEquals("Harbor CAC", teams.get(1).path("cac").asText());
  }

  @Test
  void membersByDisciplineAndDeactivation() {
    Mdt mdt = new Mdt(dir).withTeam("North MDT");
    mdt.ok(
        "member", "add", "--name", "Dana Reyes", "--discipline", "DCF", "--agency", "DCF Region 1");
    mdt.ok(
        "member",
        "add",
        "--name",
        "Lee Park",
        "--discipline",
        "Law Enforcement",
        "--agency",
        "Town PD",
        "--email",
        "lee.park@example.org");
    Mdt.Result badDiscipline =
        mdt.run("member", "add", "--name", "X", "--discipline", "astrology", "--agency", "Y");
    assertEquals(2, badDiscipline.code());
    assertTrue(badDiscipline.err().contains("one of: law_enforcement"), badDiscipline.err());

    JsonNode members = Json.parse(mdt.ok("member", "list", "--format", "json"));
    assertEquals(2, members.size());
    assertEquals("child_protective_services", members.get(0).path("discipline").asText());
    long leeId = members.get(1).path("id").asLong();
    mdt.ok("member", "deactivate", Long.toString(leeId));
    assertEquals(1, Json.parse(mdt.ok("member", "list", "--format", "json")).size());
    assertEquals(2, Json.parse(mdt.ok("member", "list", "--all", "--format", "json")).size());
    assertEquals(1, mdt.run("member", "deactivate", Long.toString(leeId)).code());
    assertEquals(1, mdt.run("member", "deactivate", "999").code());
  }

  @Test
  void disciplineHelpNamesEveryCode() {
    String help = new Mdt(dir).run("member", "add", "--help").out().replaceAll("\\s+", " ");
    Codes.DISCIPLINE.codes().forEach(code -> assertTrue(help.contains(code), code));
  }

  @Test
  void ncaOnAnEmptyDatabaseListsEveryCodeAsZero() {
    Mdt mdt = new Mdt(dir).withTeam("North MDT");
    JsonNode nca = Json.parse(mdt.ok("report", "nca", "--period", "2026H1", "--format", "json"));
    assertEquals("2026-01-01", nca.path("period").path("start").asText());
    assertEquals("2026-06-30", nca.path("period").path("end").asText());
    assertEquals("all", nca.path("team").asText());
    assertEquals(0, nca.path("newChildren").asInt());
    assertEquals(Codes.GENDER.codes(), keys(nca.path("gender")));
    assertEquals(Codes.RACE.codes(), keys(nca.path("race")));
    assertEquals(Codes.ABUSE_TYPE.codes(), keys(nca.path("abuseTypes")));
    assertEquals(Codes.OFFENDER_RELATIONSHIP.codes(), keys(nca.path("offenderRelationship")));
    assertEquals(NcaStatistics.AGE_BANDS, keys(nca.path("ageAtFirstContact")));
    assertEquals(NcaStatistics.OFFENDER_AGE_BANDS, keys(nca.path("offenderAge")));
    assertEquals(NcaStatistics.SERVICES, keys(nca.path("services")));
    String csv =
        mdt.ok("report", "nca", "--period", "2026H1", "--format", "csv", "--team", "north mdt");
    assertTrue(csv.startsWith("measure,code,count\nnewChildren,,0\ngender,female,0\n"), csv);
    assertEquals(1, mdt.run("report", "nca", "--period", "2026H1", "--team", "Nowhere").code());
  }

  private static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void caseCommandsAndFormulaNeutralisedCsv() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT");
    Path roster = dir.resolve("r.csv");
    Files.writeString(
        roster,
        "case_number,referral_date,child_first_name,child_last_name,case_status\n"
            + "=HYPERLINK(1),2025-02-01,Ana,Lane,Open\nC-2,2025-01-01,Ben,Moss,Closed\n");
    mdt.ok("import", "roster", roster.toString());
    String csv = mdt.ok("case", "list", "--format", "csv");
    assertTrue(csv.contains("\n'=HYPERLINK(1),North MDT,2025-02-01,1,open,false\n"), csv);
    assertFalse(csv.contains("Ana") || csv.contains("Lane"), "case list shows no child name");
    assertEquals(
        "=HYPERLINK(1)",
        Json.parse(mdt.ok("case", "show", "=HYPERLINK(1)", "--format", "json"))
            .path("caseNumber")
            .asText(),
        "imports store text exactly as given");
    JsonNode closed = Json.parse(mdt.ok("case", "list", "--status", "closed", "--format", "json"));
    assertEquals(1, closed.size());
    assertEquals("C-2", closed.get(0).path("caseNumber").asText());
    assertEquals(
        1,
        Json.parse(mdt.ok("case", "list", "--referred-from", "2025-01-15", "--format", "json"))
            .size());
    Mdt.Result unknown = mdt.run("case", "show", "C-404");
    assertEquals(1, unknown.code());
    assertEquals("mdt: unknown case C-404\n", unknown.err());
    assertTrue(mdt.ok("case", "show", "C-2").contains("Moss"), "case show is for the coordinator");
  }

  @Test
  void quietSilencesNotesAndVerboseAddsAStackTrace() {
    Mdt mdt = new Mdt(dir);
    assertEquals("", mdt.run("init", "-q").err());
    Mdt.Result verbose = mdt.run("case", "show", "nope", "-v");
    assertEquals(1, verbose.code());
    assertTrue(verbose.err().startsWith("mdt: unknown case nope\n"), verbose.err());
    assertTrue(verbose.err().contains("\tat org.mdt."), "a stack trace with -v");
  }

  @Test
  void changesAreAuditedWithWhoAndWhat() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT");
    Path roster = dir.resolve("r.csv");
    Files.writeString(
        roster,
        "case_number,referral_date,child_first_name,child_race\nA-1,2025-02-01,Ana,White\n");
    mdt.ok("import", "roster", roster.toString());
    Files.writeString(
        roster,
        "case_number,referral_date,child_first_name,child_race\nA-1,2025-02-01,Ana,Asian\n");
    mdt.ok("import", "roster", roster.toString());
    try (Connection connection =
            DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("mdt"), "sa", "");
        ResultSet rs =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT os_user, command, entity, action, changes FROM audit_log ORDER BY id")) {
      List<String> entries = new ArrayList<>();
      while (rs.next()) {
        assertEquals(System.getProperty("user.name"), rs.getString(1));
        entries.add(
            rs.getString(2)
                + "|"
                + rs.getString(3)
                + "|"
                + rs.getString(4)
                + "|"
                + rs.getString(5));
      }
      assertEquals("mdt team add|team|insert|{\"name\":\"North MDT\"}", entries.get(0));
      assertTrue(
          entries.contains(
              "mdt import roster|case_child|update|{\"child_race\":[\"white\",\"asian\"]}"),
          entries.toString());
      assertEquals(
          2, entries.stream().filter(e -> e.startsWith("mdt import roster|import|insert")).count());
    }
  }
}
