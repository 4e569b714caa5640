package org.mdt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mdt.security.EncryptionTest.assertOneLine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;

/**
 * Backups are hostile files (issue 11): a restore parses them as data with mdt's own code, refuses
 * anything that is not exactly what mdt writes, and leaves the database as it was.
 */
class HostileBackupTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Mdt mdt;
  private Path backup;
  private String cases;

  @BeforeEach
  void databaseWithABackup() throws IOException {
    mdt = new Mdt(dir.resolve("db")).withTeam("North MDT");
    Path roster =
        Files.writeString(
            dir.resolve("r.csv"),
            "case_number,referral_date,child_first_name,child_dob\n"
                + "A-1,2025-02-01,Ana,2015-03-04\nB-1,2025-02-03,Ben,2012-07-08\n");
    mdt.ok("import", "roster", roster.toString());
    backup = dir.resolve("good.mdtbak");
    mdt.ok("backup", backup.toString());
    cases = mdt.ok("case", "list", "--format", "json");
  }

  /**
   * A restore that must fail: exit 3, one line containing {@code expected}, the database untouched.
   */
  private void refused(Path file, String expected) {
    assertOneLine(mdt.run("restore", file.toString(), "--force"), 3, expected);
    assertEquals(cases, mdt.ok("case", "list", "--format", "json"), "the database is as it was");
    try (var left = Files.list(dir.resolve("db"))) {
      assertEquals(
          java.util.List.of("mdt.mv.db"),
          left.map(p -> p.getFileName().toString()).sorted().toList(),
          "no staging file is left behind");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aBackupNeverReplacesTheDatabaseNorCreatesAMissingFolder() throws IOException {
    Path database = dir.resolve("db").resolve("mdt.mv.db");
    assertOneLine(mdt.run("backup", database.toString(), "--force"), 3, "it is the database");
    assertEquals(cases, mdt.ok("case", "list", "--format", "json"));
    Path unmounted = dir.resolve("media").resolve("usb");
    assertOneLine(mdt.run("backup", unmounted.resolve("x.mdtbak").toString()), 3, "does not exist");
    assertFalse(Files.exists(dir.resolve("media")), "no folder is created for an output");
    try (var left = Files.list(dir)) {
      assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".partial")));
    }
  }

  @Test
  void aRefusedRestoreIntoANewFolderLeavesNoFolder() throws IOException {
    Path fresh = dir.resolve("new").resolve("sub");
    Path noManifest =
        rewritten(
            "no-manifest-new.bak",
            entries -> {
              entries.remove("manifest.json");
              return entries;
            });
    assertOneLine(new Mdt(fresh).run("restore", noManifest.toString()), 3, "no manifest");
    assertFalse(
        Files.exists(fresh), "the database's folder is made only for a restore that succeeds");
  }

  @Test
  void anH2ScriptWithJavaCodeIsRefusedAndNothingRuns() throws IOException {
    Path proof = dir.resolve("ran");
    String script =
        "CREATE ALIAS WRITE_PROOF AS $$ String write(String f) throws Exception {"
            + " java.nio.file.Files.writeString(java.nio.file.Path.of(f), \"code ran\"); return f; } $$;\n"
            + "CALL WRITE_PROOF('"
            + proof
            + "');\n";
    Path legacy = dir.resolve("legacy.bak");
    try (OutputStream out = new DeflaterOutputStream(Files.newOutputStream(legacy))) {
      out.write(script.getBytes(StandardCharsets.UTF_8));
    }
    refused(legacy, "mdt 0.1 (an H2 SQL script)");
    assertFalse(Files.exists(proof), "the script's code must never run");
    Path encryptedLegacy =
        Files.writeString(dir.resolve("legacy-encrypted.bak"), "-- H2 0.5/B -- \n" + script);
    refused(encryptedLegacy, "convert it");
    refused(Files.writeString(dir.resolve("text.bak"), "hello"), "is not an mdt backup");
    Path fifo = dir.resolve("fifo.bak");
    try {
      assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    refused(fifo, "not a regular file"); // and does not block reading it
    Files.delete(fifo);
  }

  @Test
  void aTableOrColumnMdtDoesNotHaveIsRefused() throws IOException {
    refused(
        rewritten(
            "extra-table.bak",
            entries -> {
              entries.put("tables/evil.jsonl", "[\"x\"]\n[1]\n");
              entries.put("manifest.json", entries.remove("manifest.json")); // still last
              return entries;
            }),
        "no table of mdt's");
    refused(
        rewritten(
            "extra-column.bak",
            entries -> {
              entries.put(
                  "tables/team.jsonl",
                  entries.get("tables/team.jsonl").replaceFirst("\\[", "[\"evil\","));
              return resealed(entries);
            }),
        "columns mdt's schema does not: evil");
  }

  @Test
  void aChangedRowOrCountOrManifestIsRefused() throws IOException {
    refused(
        rewritten(
            "changed-row.bak",
            entries -> {
              entries.put(
                  "tables/case_child.jsonl",
                  entries.get("tables/case_child.jsonl").replace("Ana", "Eve"));
              return entries;
            }),
        "does not match its SHA-256");
    refused(
        rewritten(
            "dropped-row.bak",
            entries -> {
              String rows = entries.get("tables/case_child.jsonl");
              entries.put(
                  "tables/case_child.jsonl",
                  rows.substring(0, rows.lastIndexOf('\n', rows.length() - 2) + 1));
              return entries;
            }),
        "rows; its manifest says");
    refused(
        rewritten(
            "no-manifest.bak",
            entries -> {
              entries.remove("manifest.json");
              return entries;
            }),
        "no manifest");
    refused(
        rewritten(
            "newer.bak",
            entries -> {
              entries.put(
                  "mdt-backup.json",
                  entries
                      .get("mdt-backup.json")
                      .replaceFirst("\"schemaVersion\":\\d+", "\"schemaVersion\":99"));
              return entries;
            }),
        "newer mdt");
    refused(
        rewritten(
            "bad-value.bak",
            entries -> {
              entries.put(
                  "tables/case_child.jsonl",
                  entries
                      .get("tables/case_child.jsonl")
                      .replace("\"2015-03-04\"", "\"not a date\""));
              return resealed(entries);
            }),
        "column child_dob");
  }

  @Test
  void aMissingTableATrailingTokenOrAFalseAuditHeadIsRefused() throws IOException {
    refused(
        rewritten(
            "no-audit.bak",
            entries -> {
              entries.remove("tables/audit_log.jsonl");
              entries.put(
                  "manifest.json",
                  entries
                      .get("manifest.json")
                      .replaceAll(",?\\{\"name\":\"audit_log\"[^}]*\\}", ""));
              return resealed(entries);
            }),
        "no table audit_log");
    refused(
        rewritten(
            "trailing.bak",
            entries -> {
              entries.put(
                  "tables/team.jsonl",
                  entries.get("tables/team.jsonl").replaceFirst("\n", " [\"junk\"]\n"));
              return resealed(entries);
            }),
        "damaged or was altered");
    refused(
        rewritten(
            "false-head.bak",
            entries -> {
              entries.put(
                  "manifest.json",
                  entries.get("manifest.json").replaceFirst("\"lastId\":\\d+", "\"lastId\":999"));
              return entries;
            }),
        "does not end where its manifest says");
    refused(
        rewritten(
            "string-version.bak",
            entries -> {
              entries.put(
                  "mdt-backup.json",
                  entries
                      .get("mdt-backup.json")
                      .replaceFirst("\"formatVersion\":1", "\"formatVersion\":\"1\""));
              return entries;
            }),
        "not a whole number");
  }

  @Test
  void aZipBombIsRefusedBeforeItFillsTheDisk() throws IOException {
    Path bomb = dir.resolve("bomb.bak");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
      zip.putNextEntry(new ZipEntry("mdt-backup.json"));
      zip.write(entriesOf(backup).get("mdt-backup.json").getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("manifest.json"));
      byte[] newlines = new byte[1 << 20];
      java.util.Arrays.fill(newlines, (byte) '\n');
      for (int i = 0; i < 1024; i++) { // 1 GiB inflated, about 1 MB stored
        zip.write(newlines);
      }
    }
    assertTrue(Files.size(bomb) < 4 << 20);
    refused(bomb, "inflates more than");
  }

  @Test
  void anEncryptedBackupRefusesAChangedByteAndAWrongPassphrase() throws IOException {
    Path passphrase = Files.writeString(dir.resolve("pass"), "correct horse battery staple");
    Files.setPosixFilePermissions(passphrase, PosixFilePermissions.fromString("rw-------"));
    mdt = new Mdt(dir.resolve("enc")).env("MDT_PASSPHRASE_FILE", passphrase.toString());
    mdt.ok("init", "--encrypt");
    mdt.ok("team", "add", "North MDT");
    mdt.ok("import", "roster", dir.resolve("r.csv").toString());
    Path encrypted = dir.resolve("enc.mdtbak");
    mdt.ok("backup", encrypted.toString());
    assertTrue(
        new String(Files.readAllBytes(encrypted), StandardCharsets.ISO_8859_1)
            .startsWith("MDT-BACKUP-AES1"));
    cases = mdt.ok("case", "list", "--format", "json");

    byte[] bytes = Files.readAllBytes(encrypted);
    for (int at : new int[] {bytes.length / 2, bytes.length - 1}) {
      byte[] flipped = bytes.clone();
      flipped[at] ^= 1;
      Path tampered = Files.write(dir.resolve("tampered-" + at + ".bak"), flipped);
      Mdt restoreInto =
          new Mdt(dir.resolve("fresh-" + at)).env("MDT_PASSPHRASE_FILE", passphrase.toString());
      assertOneLine(restoreInto.run("restore", tampered.toString()), 3, "damaged or was altered");
      assertFalse(
          Files.exists(dir.resolve("fresh-" + at).resolve("mdt.mv.db")), "nothing is restored");
    }
    Path cut =
        Files.write(dir.resolve("cut.bak"), java.util.Arrays.copyOf(bytes, bytes.length - 20));
    assertOneLine(
        new Mdt(dir.resolve("fresh-cut"))
            .env("MDT_PASSPHRASE_FILE", passphrase.toString())
            .run("restore", cut.toString()),
        3,
        "was not restored");

    Path other = Files.writeString(dir.resolve("other"), "a different long passphrase entirely");
    Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-------"));
    assertOneLine(
        new Mdt(dir.resolve("fresh-wrong"))
            .env("MDT_PASSPHRASE_FILE", other.toString())
            .run("restore", encrypted.toString()),
        3,
        "wrong passphrase for backup");

    Mdt elsewhere = new Mdt(dir.resolve("fresh")).env("MDT_PASSPHRASE_FILE", passphrase.toString());
    elsewhere.ok("restore", encrypted.toString());
    assertEquals(cases, elsewhere.ok("case", "list", "--format", "json"));
  }

  @Test
  void aPlainBackupOverAnEncryptedDatabaseStaysEncrypted() throws IOException {
    Path passphrase = Files.writeString(dir.resolve("pass"), "correct horse battery staple");
    Files.setPosixFilePermissions(passphrase, PosixFilePermissions.fromString("rw-------"));
    Mdt encrypted = new Mdt(dir.resolve("enc")).env("MDT_PASSPHRASE_FILE", passphrase.toString());
    encrypted.ok("init", "--encrypt");
    encrypted.ok("restore", backup.toString(), "--force");
    assertEquals(cases, encrypted.ok("case", "list", "--format", "json"));
    assertEquals(
        3, new Mdt(dir.resolve("enc")).run("case", "list").code(), "still needs its passphrase");
  }

  @Test
  void theAuditChainFindsADeletedOrChangedRowAndARestoreRecordsWhatItDropped() throws Exception {
    JsonNode verified = Json.parse(mdt.ok("audit", "verify", "--format", "json"));
    assertTrue(verified.path("intact").asBoolean());
    long rowsAtBackup = verified.path("rows").asLong();

    mdt.ok("team", "add", "South MDT");
    mdt.ok("team", "add", "East MDT");
    mdt.ok("restore", backup.toString(), "--force");
    JsonNode trail = Json.parse(mdt.ok("audit", "--format", "json"));
    JsonNode restore = trail.get(trail.size() - 1);
    String dropped =
        JSON.readTree(restore.path("changes").asText()).path("droppedAuditRows").get(1).asText();
    assertTrue(
        dropped.startsWith(
            "2 written since the backup: ids " + (rowsAtBackup + 1) + "-" + (rowsAtBackup + 2)),
        dropped);
    assertTrue(
        Json.parse(mdt.ok("audit", "verify", "--format", "json")).path("intact").asBoolean());

    String url = "jdbc:h2:file:" + dir.resolve("db").resolve("mdt");
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement st = connection.createStatement()) {
      st.execute("UPDATE audit_log SET changes = '{}' WHERE id = 2");
    }
    assertOneLine(mdt.run("audit", "verify"), 3, "row 2 was changed");
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement st = connection.createStatement()) {
      st.execute("DELETE FROM audit_log WHERE id = 2");
    }
    assertOneLine(mdt.run("audit", "verify"), 3, "row 3 does not follow row 1");
  }

  /** The backup's entries, changed by {@code change}, written again as a plain backup. */
  private Path rewritten(String name, UnaryOperator<Map<String, String>> change)
      throws IOException {
    Map<String, String> entries = change.apply(entriesOf(backup));
    Path file = dir.resolve(name);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    return file;
  }

  /** The manifest made to agree with the entries again, as a careful forger would. */
  private static Map<String, String> resealed(Map<String, String> entries) {
    try {
      ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get("manifest.json"));
      for (JsonNode table : (ArrayNode) manifest.path("tables")) {
        String content = entries.get("tables/" + table.path("name").asText() + ".jsonl");
        ((ObjectNode) table)
            .put(
                "sha256",
                HexFormat.of()
                    .formatHex(
                        MessageDigest.getInstance("SHA-256")
                            .digest(content.getBytes(StandardCharsets.UTF_8))));
      }
      Map<String, String> copy = new LinkedHashMap<>(entries);
      copy.remove("manifest.json");
      copy.put("manifest.json", JSON.writeValueAsString(manifest) + "\n");
      return copy;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Map<String, String> entriesOf(Path backup) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        zip.transferTo(bytes);
        entries.put(entry.getName(), bytes.toString(StandardCharsets.UTF_8));
      }
    }
    return entries;
  }
}
