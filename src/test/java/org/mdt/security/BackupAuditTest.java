package org.mdt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mdt.security.EncryptionTest.assertOneLine;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;
import org.mdt.SharedData;

/** Backup and restore, and reading the audit trail. */
class BackupAuditTest {
  @TempDir Path dir;

  @Test
  void backupAndRestoreRoundTrip() throws Exception {
    Mdt mdt = new Mdt(dir.resolve("a")).withTeam("North MDT");
    mdt.ok("import", "roster", SharedData.file("county-2025.xlsx").toString());
    String before = mdt.ok("case", "list", "--format", "json");
    Path backup = dir.resolve("mdt.bak");
    mdt.ok("backup", backup.toString());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));
    assertOneLine(mdt.run("backup", backup.toString()), 1, "add --force");

    // into a new place
    Mdt elsewhere = new Mdt(dir.resolve("b"));
    elsewhere.ok("restore", backup.toString());
    assertEquals(before, elsewhere.ok("case", "list", "--format", "json"));

    // over the existing database: refused without --force; a damaged backup never replaces it
    Path roster =
        Files.writeString(dir.resolve("more.csv"), "case_number,referral_date\nZ-1,2026-01-01\n");
    mdt.ok("import", "roster", roster.toString());
    assertOneLine(mdt.run("restore", backup.toString()), 1, "add --force");
    byte[] bytes = Files.readAllBytes(backup);
    Path damaged =
        Files.write(dir.resolve("damaged.bak"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertOneLine(mdt.run("restore", damaged.toString(), "--force"), 3, "was not restored");
    assertTrue(mdt.ok("case", "list").contains("Z-1"), "the database is as it was");
    mdt.ok("restore", backup.toString(), "--force");
    assertEquals(before, mdt.ok("case", "list", "--format", "json"));
  }

  @Test
  void encryptedBackupNeedsThePassphraseAndStaysEncrypted() throws Exception {
    Path passphrase = Files.writeString(dir.resolve("pass"), "correct horse battery staple");
    Files.setPosixFilePermissions(passphrase, PosixFilePermissions.fromString("rw-------"));
    Mdt mdt = new Mdt(dir.resolve("a")).env("MDT_PASSPHRASE_FILE", passphrase.toString());
    mdt.ok("init", "--encrypt");
    mdt.ok("team", "add", "North MDT");
    mdt.ok("import", "roster", SharedData.file("county-2025-cp1252.csv").toString());
    Path backup = dir.resolve("mdt.bak");
    mdt.ok("backup", backup.toString());
    assertFalse(
        new String(Files.readAllBytes(backup), StandardCharsets.ISO_8859_1).contains("Walker"));

    Mdt noPassphrase = new Mdt(dir.resolve("b"));
    assertOneLine(noPassphrase.run("restore", backup.toString()), 3, "give --passphrase-file");
    Mdt restored = new Mdt(dir.resolve("b")).env("MDT_PASSPHRASE_FILE", passphrase.toString());
    restored.ok("restore", backup.toString());
    assertEquals(
        mdt.ok("case", "list", "--format", "json"),
        restored.ok("case", "list", "--format", "json"));
    assertEquals(
        3, noPassphrase.run("case", "list").code(), "the restored database is encrypted too");
  }

  @Test
  void auditListsChangesByDayAndByCase() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT");
    Path roster = dir.resolve("r.csv");
    Files.writeString(
        roster,
        "case_number,referral_date,child_first_name,child_race\nA-1,2025-02-01,Ana,White\n"
            + "B-1,2025-02-01,Ben,Black\n");
    mdt.ok("import", "roster", roster.toString());
    mdt.at("2026-11-23T10:00:00Z");
    Files.writeString(
        roster,
        "case_number,referral_date,child_first_name,child_race\nA-1,2025-02-01,Ana,Asian\n"
            + "B-1,2025-02-01,Ben,Asian\n");
    mdt.ok("import", "roster", roster.toString());
    mdt.ok("member", "add", "--name", "Dana Reyes", "--discipline", "DCF", "--agency", "DCF");
    mdt.ok("followup", "add", "A-1", "--action", "Call", "--owner", "Dana Reyes");

    JsonNode all = Json.parse(mdt.ok("audit", "--format", "json"));
    JsonNode recent = Json.parse(mdt.ok("audit", "--since", "2026-11-22", "--format", "json"));
    assertEquals(all.size() - 2, recent.size(), "the team and the first import were on the 21st");
    JsonNode a1 = Json.parse(mdt.ok("audit", "--case", "A-1", "--format", "json"));
    List<String> entries = new ArrayList<>();
    a1.forEach(
        e ->
            entries.add(
                e.path("entity").asText()
                    + " "
                    + e.path("action").asText()
                    + " "
                    + e.path("changes").asText()));
    assertEquals(2, entries.size(), entries.toString());
    assertEquals("case_child update {\"child_race\":[\"white\",\"asian\"]}", entries.get(0));
    assertTrue(entries.get(1).startsWith("followup insert"), entries.toString());
    assertEquals(System.getProperty("user.name"), a1.get(0).path("user").asText());
  }
}
