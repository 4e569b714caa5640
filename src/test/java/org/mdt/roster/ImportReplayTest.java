package org.mdt.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mdt.Json;
import org.mdt.Mdt;
import org.mdt.SharedData;

/**
 * Importing the latest import's file again gives its recorded outcome without reading a row
 * (docs/DESIGN.md section 3.11). Each test checks that outcome against a second copy of the
 * database whose recorded outcome was deleted, so that the same import there reads every row: the
 * two must print the same summary, the same problems and the same rejects file, and leave the same
 * cases.
 */
class ImportReplayTest {
  private static final String NOTE = SameFileAgain.NOTE;
  private static final String HEADER =
      "case_number,referral_date,child_first_name,child_last_name,child_dob,child_race,"
          + "abuse_types,law_enforcement_agency,case_status,forensic_interview_date";

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      value = {
        "canonical-2025.xlsx, -",
        "county-2025.xlsx, -",
        "county-2025-cp1252.csv, -",
        "county2-2025.xlsx, county2.mapping.json",
        "risk-2025.xlsx, -"
      })
  void aSharedRosterAgainGivesWhatReadingItGives(String roster, String mapping) throws Exception {
    Mdt mdt = new Mdt(dir.resolve("a")).withTeam("Test MDT");
    List<String> options =
        mapping == null ? List.of() : List.of("--mapping", SharedData.file(mapping).toString());
    mdt.ok(importArgs(SharedData.file(roster), "first", options));
    SameFileAgain.assertAsReading(mdt, dir.resolve("a"), dir, SharedData.file(roster), options);
  }

  /**
   * Every kind of problem: what the file says of itself comes again (rejections, duplicates,
   * unknown words, a date in the future, a sibling's conflicting value), what it said of the rows
   * stored before it does not (a value another file set, a revert, a possible DOB correction).
   */
  @Test
  void onlyTheFilesOwnProblemsComeAgain() throws Exception {
    Mdt mdt = new Mdt(dir.resolve("a")).withTeam("North MDT");
    Path older =
        csv(
            "older.csv",
            "R-1,2025-01-10,Ana,Lane,2015-02-03,White,SA,Town PD,open,",
            "R-2,2025-01-11,Ben,Moss,2014-02-03,Black,PA,Town PD,open,",
            "R-3,2025-01-12,Cal,Nash,2013-02-03,Asian,SA,Town PD,open,");
    Path newer =
        csv(
            "newer.csv",
            "R-1,2025-01-10,Ana,Lane,2015-02-03,White,SA,County SO,open,",
            "R-2,2025-01-11,Ben,Moss,2014-02-03,Black,PA,Town PD,closed,");
    Path latest =
        csv(
            "latest.csv",
            // R-1 goes back to Town PD (a revert of newer.csv), R-2's status replaces closed
            "R-1,2025-01-10,Ana,Lane,2015-02-03,White,SA,Town PD,open,",
            "R-2,2025-01-11,Ben,Moss,2014-02-03,Black,PA,Town PD,open,",
            // the same name with another DOB: a possible correction, stored as a new child; the
            // case's status replaces the one older.csv set
            "R-3,2025-01-12,Cal,Nash,2013-02-13,Asian,SA,Town PD,closed,",
            // a sibling whose case-level value conflicts with the first row's, and a duplicate
            "R-4,2025-02-01,Dee,Ore,2016-05-05,Zorblax,SA;Hex,Town PD,open,",
            "R-4,2025-02-01,Eve,Ore,2017-06-06,White,SA,City PD,open,",
            "R-4,2025-02-01,Dee,Ore,2016-05-05,White,SA,Town PD,open,",
            // rejected: no case number; a DOB after the referral
            ",2025-02-02,Fay,Pike,2016-01-01,White,SA,Town PD,open,",
            "R-5,2025-02-03,Gus,Quay,2026-01-01,White,SA,Town PD,open,",
            // a forensic interview in the future of the test clock, and a two-digit year
            "R-6,2025-02-04,Hal,Ray,3/4/15,White,SA,Town PD,open,2027-01-05");
    mdt.ok(importArgs(older, "older", List.of()));
    mdt.ok(importArgs(newer, "newer", List.of()));
    Mdt.Result first = mdt.run(importArgs(latest, "first", List.of()));
    assertEquals(0, first.code(), first.err());
    for (String told :
        List.of("goes back to", "was 'open'", "possible DOB correction", "differs from")) {
      assertTrue(first.err().contains(told), "the first import says " + told + ": " + first.err());
    }

    Mdt.Result again = SameFileAgain.assertAsReading(mdt, dir.resolve("a"), dir, latest, List.of());
    for (String settled : List.of("goes back to", "was 'open'", "possible DOB correction")) {
      assertFalse(again.err().contains(settled), again.err());
    }
    for (String repeated :
        List.of(
            "differs from", "unknown word 'Zorblax'", "in the future", "duplicate", "rejected")) {
      assertTrue(again.err().contains(repeated), repeated + ": " + again.err());
    }
  }

  @Test
  void anythingWrittenSinceMeansReadingTheRows() throws Exception {
    Mdt mdt = new Mdt(dir.resolve("a")).withTeam("North MDT");
    Path roster = csv("r.csv", "W-1,2025-01-10,Ana,Lane,2015-02-03,White,SA,Town PD,open,");
    List<String> north = List.of("--team", "North MDT");
    mdt.ok(importArgs(roster, "first", north));
    mdt.ok("team", "add", "South MDT");
    Mdt.Result read = mdt.run(importArgs(roster, "after a team", north));
    assertEquals(0, read.code(), read.err());
    assertFalse(read.err().contains(NOTE), read.err());
    assertEquals(1, Json.parse(read.out()).path("unchanged").asInt());

    // and then nothing was: the same options give the recorded outcome
    Mdt.Result replayed = mdt.run(importArgs(roster, "again", north));
    assertTrue(replayed.err().contains(NOTE), replayed.err());
    // another spelling of the team is another option: read again, to the same effect
    Mdt.Result otherOption =
        mdt.run(importArgs(roster, "other option", List.of("--team", "north mdt")));
    assertFalse(otherOption.err().contains(NOTE), otherOption.err());
    assertEquals(Json.parse(replayed.out()), Json.parse(otherOption.out()));
  }

  @Test
  void aChangedByteOrMappingMeansReadingTheRows() throws Exception {
    Mdt mdt = new Mdt(dir.resolve("a")).withTeam("North MDT");
    Path roster = csv("r.csv", "B-1,2025-01-10,Ana,Lane,2015-02-03,White,SA,Town PD,open,");
    mdt.ok(importArgs(roster, "first", List.of()));
    // the same size, one letter changed
    Files.writeString(roster, Files.readString(roster).replace("Town PD", "Town PE"));
    Mdt.Result changed = mdt.run(importArgs(roster, "changed", List.of()));
    assertFalse(changed.err().contains(NOTE), changed.err());
    assertEquals(1, Json.parse(changed.out()).path("updated").asInt());

    Path mapping =
        Files.writeString(
            dir.resolve("m.json"), "{\"values\": {\"child_race\": {\"W\": \"white\"}}}");
    Mdt.Result mapped =
        mdt.run(importArgs(roster, "mapped", List.of("--mapping", mapping.toString())));
    assertFalse(mapped.err().contains(NOTE), mapped.err());
    assertTrue(
        mdt.run(importArgs(roster, "mapped again", List.of("--mapping", mapping.toString())))
            .err()
            .contains(NOTE));
  }

  /**
   * A date in the future of the import, or a two-digit year kept out of it, reads otherwise once
   * that day has come: such an outcome holds on its own day only.
   */
  @Test
  void anOutcomeThatDependsOnTheDayHoldsThatDayOnly() throws Exception {
    Mdt mdt = new Mdt(dir.resolve("a")).withTeam("North MDT");
    Path steady = csv("steady.csv", "D-1,2025-01-10,Ana,Lane,2015-02-03,White,SA,Town PD,open,");
    mdt.ok(importArgs(steady, "first", List.of()));
    mdt.at("2027-03-01T09:00:00Z");
    assertTrue(mdt.run(importArgs(steady, "a later day", List.of())).err().contains(NOTE));

    for (String dated :
        List.of(
            "D-2,2025-01-10,Bo,Lane,2015-02-03,White,SA,Town PD,open,2027-03-05",
            "D-3,2025-01-10,Cy,Lane,2015-02-03,White,SA,Town PD,open,4/5/27")) {
      Path roster = csv("dated.csv", dated);
      mdt.at("2027-03-01T09:00:00Z");
      mdt.ok(importArgs(roster, "first", List.of()));
      assertTrue(mdt.run(importArgs(roster, "same day", List.of())).err().contains(NOTE));
      mdt.at("2027-03-02T09:00:00Z");
      Mdt.Result nextDay = mdt.run(importArgs(roster, "next day", List.of()));
      assertEquals(0, nextDay.code(), nextDay.err());
      assertFalse(nextDay.err().contains(NOTE), dated + ": " + nextDay.err());
    }
  }

  @Test
  void aDryRunGivesTheOutcomeAndWritesNothing() throws Exception {
    Mdt mdt = new Mdt(dir.resolve("a")).withTeam("North MDT");
    Path roster = csv("r.csv", "Y-1,2025-01-10,Ana,Lane,2015-02-03,White,SA,Town PD,open,");
    mdt.ok(importArgs(roster, "first", List.of()));
    String trail = mdt.ok("audit", "--format", "json");
    Mdt.Result dry = mdt.run(importArgs(roster, "dry", List.of("--dry-run")));
    assertTrue(dry.err().contains(NOTE), dry.err());
    assertEquals(1, Json.parse(dry.out()).path("unchanged").asInt());
    assertEquals(trail, mdt.ok("audit", "--format", "json"));

    // the replayed import is recorded as any import is, naming the one it repeats
    Mdt.Result replayed = mdt.run(importArgs(roster, "again", List.of()));
    assertTrue(replayed.err().contains(NOTE + "1,"), replayed.err());
    JsonNode entries = Json.parse(mdt.ok("audit", "--format", "json"));
    JsonNode last = entries.get(entries.size() - 1);
    assertEquals("import", last.path("entity").asText());
    assertEquals("1", Json.parse(last.path("changes").asText()).path("sameAs").asText());
    assertTrue(mdt.ok("audit", "verify").contains("true"));
    // and the next import repeats that one
    String repeated = NOTE + last.path("entityId").asText() + ",";
    assertTrue(mdt.run(importArgs(roster, "third", List.of())).err().contains(repeated));
  }

  @Test
  void aRestoredDatabaseReadsTheRowsOfItsNextImport() throws Exception {
    Mdt mdt = new Mdt(dir.resolve("a")).withTeam("North MDT");
    Path roster = SharedData.file("county-2025.xlsx");
    String first = mdt.ok(importArgs(roster, "first", List.of()));
    Path backup = dir.resolve("mdt.bak");
    mdt.ok("backup", backup.toString());
    Mdt restored = new Mdt(dir.resolve("b"));
    restored.ok("restore", backup.toString());
    Mdt.Result read = restored.run(importArgs(roster, "after restore", List.of()));
    assertEquals(0, read.code(), read.err());
    assertFalse(read.err().contains(NOTE), read.err());
    JsonNode summary = Json.parse(read.out());
    assertEquals(Json.parse(first).path("inserted").asInt(), summary.path("unchanged").asInt());
  }

  @Test
  void aDamagedOutcomeIsNeverReplayed() {
    ImportReplay.Recorder recorder = new ImportReplay.Recorder(new Discard());
    recorder.rejected(new Problem(4, "case_number", "Case #", "missing"));
    recorder.warning(new Problem(5, "child_race", "Race", "unknown word 'x', stored as unknown"));
    ImportSummary summary = new ImportSummary(3, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0);
    byte[] outcome = recorder.finish(summary, List.of("Extra"), List.of());
    assertNotNull(outcome);
    assertEquals(summary, ImportReplay.check(outcome).summary());
    assertEquals(List.of("Extra"), ImportReplay.check(outcome).ignoredHeaders());
    for (int cut = 0; cut < outcome.length; cut++) {
      assertNull(ImportReplay.check(Arrays.copyOf(outcome, cut)), "cut at " + cut);
    }
    byte[] noise = new byte[outcome.length];
    new Random(7).nextBytes(noise);
    assertNull(ImportReplay.check(noise));
  }

  @Test
  void anOutcomeTooLargeToKeepIsNotKept() {
    ImportReplay.Recorder recorder = new ImportReplay.Recorder(new Discard());
    Random random = new Random(11);
    byte[] word = new byte[2_000];
    for (int row = 2; row < 10_000; row++) {
      random.nextBytes(word);
      recorder.warning(
          new Problem(
              row,
              "notes",
              "Notes",
              new String(word, java.nio.charset.StandardCharsets.ISO_8859_1)));
    }
    assertNull(
        recorder.finish(new ImportSummary(1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0), List.of(), List.of()));
  }

  private String[] importArgs(Path roster, String label, List<String> options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "import",
                "roster",
                roster.toString(),
                "--format",
                "json",
                "-v",
                "--force",
                "--rejects",
                dir.resolve("rejects-" + label + ".csv").toString()));
    args.addAll(options);
    return args.toArray(String[]::new);
  }

  private Path csv(String name, String... rows) {
    return RosterFiles.csvWithHeader(dir.resolve(name), HEADER, rows);
  }

  private static final class Discard implements ProblemSink {
    @Override
    public void rejected(Problem problem) {}

    @Override
    public void warning(Problem problem) {}

    @Override
    public void duplicate(Problem problem) {}
  }
}
