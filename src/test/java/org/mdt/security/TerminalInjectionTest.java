package org.mdt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;

/**
 * A partner's roster (or a user) may put terminal control sequences in any text: erase the screen,
 * set the title or the clipboard, forge a table row with a line break, reorder text with a bidi
 * override. Nothing mdt writes to a terminal carries them raw; JSON keeps the value as escapes, and
 * the database keeps it.
 */
class TerminalInjectionTest {
  /**
   * Clear the screen; set the clipboard (OSC 52); a line break; a C1 CSI; a right-to-left override.
   */
  private static final String HOSTILE = "\u001b[2J\u001b]52;c;cHduZWQ=\u0007\r\nX\u009b31m\u202e";

  private static final List<String> RAW = List.of("\u001b", "\u0007", "\r", "\u009b", "\u202e");
  private static final String CASE = "24-001" + HOSTILE;
  private static final String TEAM = "North" + HOSTILE;

  @TempDir Path dir;
  private Mdt mdt;

  @BeforeEach
  void hostileRoster() throws Exception {
    mdt = new Mdt(dir);
    mdt.ok("init");
    mdt.ok("team", "add", TEAM);
    mdt.ok(
        "member",
        "add",
        "--name",
        "Ann" + HOSTILE,
        "--discipline",
        "medical",
        "--agency",
        "Clinic" + HOSTILE);
    Path roster = dir.resolve("roster.csv");
    Files.writeString(
        roster,
        "Case Number,Date Referred,First Name,Last Name,LE Agency,Notes,Gender\n"
            + String.join(
                ",",
                csv(CASE),
                "2026-10-01",
                csv("Ana" + HOSTILE),
                csv("Lee" + HOSTILE),
                csv("County PD" + HOSTILE),
                csv("note" + HOSTILE),
                csv("girl" + HOSTILE))
            + "\n",
        StandardCharsets.UTF_8);
    Mdt.Result imported = mdt.run("import", "roster", roster.toString());
    assertEquals(0, imported.code(), imported.err());
    assertTrue(
        imported.err().contains("unknown word"),
        imported.err()); // the warning quotes the roster word
    assertSafe(imported.out() + imported.err());
    mdt.ok("followup", "add", CASE, "--action", "call" + HOSTILE, "--owner", "Ann" + HOSTILE);
  }

  private static String csv(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }

  private static void assertSafe(String output) {
    for (String raw : RAW) {
      assertFalse(
          output.contains(raw),
          () -> "raw U+" + String.format("%04X", (int) raw.charAt(0)) + " in:\n" + output);
    }
  }

  @Test
  void tablesCsvAndRecordsShowControlsAsAStandIn() {
    for (String format : List.of("table", "csv")) {
      String list = mdt.ok("case", "list", "--format", format);
      assertSafe(list);
      assertEquals(2, list.split("\n").length, list); // the header and one case: no forged row
      assertSafe(mdt.ok("case", "show", CASE, "--format", format));
      String followups = mdt.ok("followup", "list", "--format", format);
      assertSafe(followups);
      assertEquals(2, followups.split("\n").length, followups);
    }
    assertTrue(mdt.ok("case", "list").contains("24-001\uFFFD[2J"));
  }

  @Test
  void jsonKeepsTheStoredValueAsEscapes() throws Exception {
    String out = mdt.ok("case", "show", CASE, "--format", "json");
    assertSafe(out);
    JsonNode json = Json.parse(out);
    assertEquals(CASE, json.get("caseNumber").asText());
    assertTrue(out.contains("\\u202E"), out);
  }

  @Test
  void errorsQuoteTheCaseNumberSafely() {
    Mdt.Result unknown = mdt.run("case", "show", "NO-SUCH" + HOSTILE);
    assertEquals(1, unknown.code(), unknown.err());
    assertEquals(1, unknown.errLines().length, unknown.err());
    assertSafe(unknown.err());
    Mdt.Result traced = mdt.run("case", "show", "NO-SUCH" + HOSTILE, "-v");
    assertTrue(traced.errLines().length > 1, traced.err());
    assertSafe(traced.err());
    Mdt.Result badUsage = mdt.run("case", "list", "--status", "open" + HOSTILE);
    assertEquals(2, badUsage.code(), badUsage.err());
    assertSafe(badUsage.err());
  }

  @Test
  void agendaAndInvitationCarryNoControls() throws Exception {
    mdt.ok(
        "review",
        "schedule",
        "--team",
        TEAM,
        "--from",
        "2026-11-24",
        "--to",
        "2026-11-30",
        "--rule",
        "weekly:TUE",
        "--location",
        "Room 1" + HOSTILE);
    Path ics = dir.resolve("invite.ics");
    Mdt.Result agenda = mdt.run("review", "agenda", "1", "--ics", ics.toString());
    assertEquals(0, agenda.code(), agenda.err());
    assertSafe(agenda.out() + agenda.err());
    String invite = Files.readString(ics, StandardCharsets.UTF_8);
    // RFC 5545 lines end in CRLF; inside a value a line break is written "\n", and nothing else is
    // a control
    for (String line : invite.split("\r\n")) {
      assertSafe(line);
      assertFalse(line.contains("\n"), line);
    }
    assertTrue(invite.contains("North"), invite);
  }
}
