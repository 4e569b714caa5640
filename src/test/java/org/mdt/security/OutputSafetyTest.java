package org.mdt.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mdt.security.EncryptionTest.assertOneLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;

/**
 * No output option destroys a file (docs/DESIGN.md section 7): not the database, not the command's
 * own input, not an existing file without --force; no folder is created; a failed import leaves no
 * rejects file.
 */
class OutputSafetyTest {
  private static final String ROSTER =
      String.join(
              "\n",
              "case_number,referral_date,child_first_name,child_last_name,child_dob,case_status",
              "S-1,2026-10-01,Ana,Lane,2015-02-03,Open",
              "S-2,2026-10-02,Ben,Moss,2016-03-04,Open",
              ",2026-10-03,Cal,Nash,2017-04-05,Open")
          + "\n"; // rejected: no case number
  private static final byte[] PARTNERS_FILE =
      "the partner's roster: not mdt's to replace\n".getBytes();

  @TempDir Path dir;
  private Mdt mdt;
  private Path roster;

  @BeforeEach
  void database() throws Exception {
    mdt = new Mdt(dir).withTeam("North MDT");
    roster = Files.writeString(dir.resolve("roster.csv"), ROSTER);
  }

  private int cases() {
    return Json.parse(mdt.ok("case", "list", "--format", "json")).size();
  }

  private Path existing(String name) throws Exception {
    return Files.write(dir.resolve(name), PARTNERS_FILE);
  }

  private static String[] with(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void rejectsNeverReplaceTheDatabase() throws Exception {
    mdt.ok("import", "roster", roster.toString());
    Path database = dir.resolve("mdt.mv.db");
    for (String force : List.of("--quiet", "--force")) {
      assertOneLine(
          mdt.run("import", "roster", roster.toString(), "--rejects", database.toString(), force),
          3,
          "refusing to write over " + database + ": it is the database");
    }
    assertEquals(2, cases(), "the database still opens and has its cases");
  }

  @Test
  void rejectsNeverReplaceTheRosterTheMappingOrThePassphraseFile() throws Exception {
    byte[] before = Files.readAllBytes(roster);
    Path mapping = Files.writeString(dir.resolve("mapping.json"), "{}");
    Path passphrase =
        Files.writeString(dir.resolve("passphrase.txt"), "correct horse battery staple\n");
    for (Path input : List.of(roster, mapping, passphrase)) {
      assertOneLine(
          mdt.run(
              "import",
              "roster",
              roster.toString(),
              "--mapping",
              mapping.toString(),
              "--passphrase-file",
              passphrase.toString(),
              "--rejects",
              input.toString(),
              "--force"),
          3,
          "refusing to write over " + input + ": it is an input of this command");
    }
    // the same file by another name
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), roster);
    assertOneLine(
        mdt.run("import", "roster", roster.toString(), "--rejects", link.toString(), "--force"),
        3,
        "it is an input");
    assertArrayEquals(before, Files.readAllBytes(roster));
    assertEquals("{}", Files.readString(mapping));
    assertEquals(0, cases(), "a refused --rejects costs nothing: the roster was not imported");
  }

  @Test
  void rejectsOverAnExistingFileNeedForce() throws Exception {
    Path rejects = existing("rejects.csv");
    assertOneLine(
        mdt.run("import", "roster", roster.toString(), "--rejects", rejects.toString()),
        1,
        rejects + " exists: add --force to replace it");
    assertArrayEquals(PARTNERS_FILE, Files.readAllBytes(rejects));
    assertEquals(0, cases(), "refused before the import read anything");
    mdt.ok("import", "roster", roster.toString(), "--rejects", rejects.toString(), "--force");
    assertEquals("row,column,header,reason", Files.readAllLines(rejects).get(0));
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(rejects)));
  }

  @Test
  void aFailedImportLeavesNoRejectsFileAndADryRunWritesOne() throws Exception {
    Path rejects = dir.resolve("rejects.csv");
    Path bad = Files.writeString(dir.resolve("bad.csv"), "nothing,like,a,roster\n1,2,3,4\n");
    assertEquals(
        3, mdt.run("import", "roster", bad.toString(), "--rejects", rejects.toString()).code());
    assertFalse(Files.exists(rejects));
    assertEquals(List.of(), partials());

    mdt.ok("import", "roster", roster.toString(), "--rejects", rejects.toString(), "--dry-run");
    assertEquals(2, Files.readAllLines(rejects).size(), "the header and the rejected row");
  }

  @Test
  void reportOutReplacesAnExistingFileOnlyWithForce() throws Exception {
    mdt.ok("import", "roster", roster.toString());
    Path xlsx = existing("partner.xlsx");
    for (List<String> report :
        List.of(
            List.of("report", "nca", "--period", "2026H2"),
            List.of("report", "voca", "--quarter", "FY2027Q1"),
            List.of("report", "accreditation", "--year", "2026"),
            List.of("report", "monthly", "--month", "2026-10"),
            List.of("export", "evaluation", "--from", "2026-01", "--to", "2026-10"))) {
      assertOneLine(
          mdt.run(with(report, "--out", xlsx.toString())),
          1,
          xlsx + " exists: add --force to replace it");
      assertArrayEquals(PARTNERS_FILE, Files.readAllBytes(xlsx), report.toString());
    }
    mdt.ok("report", "nca", "--period", "2026H2", "--out", xlsx.toString(), "--force");
    byte[] replaced = Files.readAllBytes(xlsx);
    assertEquals("PK", new String(replaced, 0, 2), "an xlsx (zip) now");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(xlsx)));
    assertEquals(List.of(), partials());
  }

  @Test
  void reportOutNeverReplacesTheDatabaseEvenWithForce() {
    Path database = dir.resolve("mdt.mv.db");
    assertOneLine(
        mdt.run(
            "report",
            "nca",
            "--period",
            "2026H2",
            "--out",
            dir.resolve("mdt.lock.db").toString(),
            "--force"),
        3,
        "it is the database");
    assertOneLine(
        mdt.run(
            "export",
            "evaluation",
            "--from",
            "2026-01",
            "--to",
            "2026-10",
            "--records",
            database.toString(),
            "--force"),
        3,
        "it is the database");
    assertEquals(0, cases());
  }

  @Test
  void agendaAndInvitationReplaceAnExistingFileOnlyWithForce() throws Exception {
    mdt.ok(
        "review", "schedule", "--from", "2026-12-01", "--to", "2026-12-01", "--rule", "weekly:TUE");
    Path pdf = existing("agenda.pdf");
    Path ics = existing("invite.ics");
    assertOneLine(
        mdt.run("review", "agenda", "1", "--out", pdf.toString()), 1, pdf + " exists: add --force");
    assertOneLine(
        mdt.run("review", "agenda", "1", "--ics", ics.toString()), 1, ics + " exists: add --force");
    assertArrayEquals(PARTNERS_FILE, Files.readAllBytes(pdf));
    assertArrayEquals(PARTNERS_FILE, Files.readAllBytes(ics));
    assertOneLine(
        mdt.run(
            "review", "agenda", "1", "--out", pdf.toString(), "--ics", pdf.toString(), "--force"),
        2,
        "named as two outputs");
    assertArrayEquals(PARTNERS_FILE, Files.readAllBytes(pdf));

    mdt.ok("review", "agenda", "1", "--out", pdf.toString(), "--ics", ics.toString(), "--force");
    assertEquals("%PDF", new String(Files.readAllBytes(pdf), 0, 4));
    assertTrue(Files.readString(ics).startsWith("BEGIN:VCALENDAR"));
  }

  @Test
  void evaluationRecordsReplaceAnExistingFileOnlyWithForce() throws Exception {
    mdt.ok("import", "roster", roster.toString());
    Path records = existing("records.csv");
    List<String> export = List.of("export", "evaluation", "--from", "2026-01", "--to", "2026-10");
    assertOneLine(
        mdt.run(with(export, "--records", records.toString())),
        1,
        records + " exists: add --force");
    assertArrayEquals(PARTNERS_FILE, Files.readAllBytes(records));
    assertOneLine(
        mdt.run(
            with(export, "--out", records.toString(), "--records", records.toString(), "--force")),
        2,
        "named as two outputs");
    mdt.ok(with(export, "--records", records.toString(), "--force"));
    assertTrue(Files.readString(records).startsWith("study_id,"), Files.readString(records));
  }

  @Test
  void aMissingFolderIsRefusedAndNotCreated() {
    Path nowhere = dir.resolve("missing").resolve("out.csv");
    for (List<String> command :
        List.of(
            List.of("import", "roster", roster.toString(), "--rejects"),
            List.of("report", "nca", "--period", "2026H2", "--out"),
            List.of("review", "agenda", "1", "--ics"),
            List.of("export", "evaluation", "--from", "2026-01", "--to", "2026-10", "--records"))) {
      assertOneLine(
          mdt.run(with(command, nowhere.toString(), "--force")),
          3,
          "folder " + nowhere.getParent() + " does not exist");
      assertFalse(Files.exists(nowhere.getParent()), command.toString());
    }
    assertOneLine(
        mdt.run("report", "nca", "--period", "2026H2", "--out", dir.toString(), "--force"),
        3,
        "it is a folder");
    assertEquals(0, cases());
  }

  private List<Path> partials() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".partial")).toList();
    }
  }
}
