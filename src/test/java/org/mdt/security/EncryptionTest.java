package org.mdt.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;
import org.mdt.MdtException;
import org.mdt.SharedData;
import org.mdt.db.Database;
import org.mdt.db.DatabaseLocation;
import org.mdt.db.Encryption;

/**
 * Encryption at rest and every way a passphrase arrives (or fails to), docs/DESIGN.md section 7.
 */
public class EncryptionTest {
  @TempDir Path dir;
  private Path passphrase;
  private Path other;

  @BeforeEach
  void passphrases() throws Exception {
    passphrase = secret("pass.txt", "correct horse battery staple\n");
    other = secret("other.txt", "a different long secret");
  }

  private Path secret(String name, String text) throws Exception {
    Path file = Files.writeString(dir.resolve(name), text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  private Mdt encrypted() {
    Mdt mdt = new Mdt(dir);
    mdt.ok("init", "--encrypt", "--passphrase-file", passphrase.toString());
    mdt.ok("team", "add", "North MDT", "--passphrase-file", passphrase.toString());
    return mdt;
  }

  /** Every child's first and last name in the roster, read from the CSV itself. */
  private static Set<String> namesIn(Path roster) throws Exception {
    Set<String> names = new TreeSet<>();
    List<String> lines =
        Files.readAllLines(roster, java.nio.charset.Charset.forName("windows-1252"));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      names.add(cells[3]);
      names.add(cells[4]);
    }
    names.removeIf(name -> name.length() < 4); // too short to be told from random bytes
    return names;
  }

  @Test
  void noNameFromTheRosterIsInTheFileBytes() throws Exception {
    Mdt mdt = encrypted();
    Path roster = SharedData.file("county-2025-cp1252.csv");
    mdt.ok("import", "roster", roster.toString(), "--passphrase-file", passphrase.toString());
    mdt.ok(
        "case",
        "show",
        "25-1001",
        "--passphrase-file",
        passphrase.toString()); // readable with the passphrase
    byte[] file = Files.readAllBytes(dir.resolve("mdt.mv.db"));
    String latin1 = new String(file, StandardCharsets.ISO_8859_1);
    String utf8 = new String(file, StandardCharsets.UTF_8);
    Set<String> names = namesIn(roster);
    assertTrue(names.size() > 20, "the roster has names to look for: " + names);
    for (String name : names) {
      assertFalse(
          latin1.contains(name) || utf8.contains(name), "found " + name + " in the encrypted file");
    }
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("mdt.mv.db"))));
  }

  @Test
  void everyPassphrasePath() throws Exception {
    Mdt mdt = encrypted();
    // from the option, and from the environment
    assertEquals(
        "North MDT",
        Json.parse(
                mdt.ok(
                    "team", "list", "--format", "json", "--passphrase-file", passphrase.toString()))
            .get(0)
            .path("name")
            .asText());
    Mdt fromEnv = new Mdt(dir).env("MDT_PASSPHRASE_FILE", passphrase.toString());
    assertEquals(0, fromEnv.run("team", "list").code());
    // missing: no terminal to ask at
    assertOneLine(
        mdt.run("team", "list"),
        3,
        "is encrypted: give --passphrase-file FILE or set MDT_PASSPHRASE_FILE");
    // wrong
    assertOneLine(
        mdt.run("team", "list", "--passphrase-file", other.toString()), 3, "wrong passphrase");
    // a file that is not there, or is empty
    assertOneLine(
        mdt.run("team", "list", "--passphrase-file", dir.resolve("none").toString()),
        3,
        "passphrase file not found");
    assertOneLine(
        mdt.run("team", "list", "--passphrase-file", secret("empty", "\n").toString()),
        3,
        "is empty");
    // never on the command line
    assertEquals(2, mdt.run("team", "list", "--passphrase", "correct horse battery staple").code());
    // a file others can read still works, with a warning
    Path loose = Files.writeString(dir.resolve("loose.txt"), "correct horse battery staple");
    Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rw-r--r--"));
    Mdt.Result warned = mdt.run("team", "list", "--passphrase-file", loose.toString());
    assertEquals(0, warned.code());
    assertTrue(warned.err().contains("can be read by other users"), warned.err());
  }

  @Test
  void rekeyChangesThePassphrase() throws Exception {
    Mdt mdt = encrypted();
    assertOneLine(
        mdt.run(
            "rekey",
            "--passphrase-file",
            passphrase.toString(),
            "--new-passphrase-file",
            secret("short", "tiny").toString()),
        2,
        "at least 8 characters");
    assertOneLine(
        mdt.run(
            "rekey",
            "--passphrase-file",
            other.toString(),
            "--new-passphrase-file",
            other.toString()),
        3,
        "wrong passphrase");
    mdt.ok(
        "rekey",
        "--passphrase-file",
        passphrase.toString(),
        "--new-passphrase-file",
        other.toString());
    assertOneLine(
        mdt.run("team", "list", "--passphrase-file", passphrase.toString()), 3, "wrong passphrase");
    assertEquals(0, mdt.run("team", "list", "--passphrase-file", other.toString()).code());
  }

  @Test
  void aPlainDatabaseIsEncryptedByRekeyNotByInit() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT");
    mdt.ok("import", "roster", SharedData.file("county-2025-cp1252.csv").toString());
    assertOneLine(
        mdt.run("init", "--encrypt", "--passphrase-file", passphrase.toString()), 1, "mdt rekey");
    mdt.ok("rekey", "--new-passphrase-file", passphrase.toString());
    assertEquals(3, mdt.run("case", "list").code());
    JsonNode cases =
        Json.parse(
            mdt.ok("case", "list", "--format", "json", "--passphrase-file", passphrase.toString()));
    assertEquals(
        Json.parse(
            new Mdt(dir)
                .env("MDT_PASSPHRASE_FILE", passphrase.toString())
                .ok("case", "list", "--format", "json")),
        cases);
    assertTrue(cases.size() > 250);
    String bytes =
        new String(Files.readAllBytes(dir.resolve("mdt.mv.db")), StandardCharsets.ISO_8859_1);
    assertFalse(bytes.contains("Walker"), "rekey encrypted the existing rows");
  }

  /**
   * A new database's key is Argon2id, its salt recorded in the file: the file alone moves to
   * another machine.
   */
  @Test
  void theKeyIsArgon2idWithItsSaltInTheFileItself() throws Exception {
    encrypted();
    Path file = dir.resolve("mdt.mv.db");
    assertTrue(hasKeyRecord(file), "the key record follows H2's header");
    assertFalse(
        opensWithOldKey(dir.resolve("mdt"), "correct horse battery staple"),
        "not the unsalted SHA-256 key");
    DatabaseLocation location =
        DatabaseLocation.of(dir.resolve("mdt").toString(), Map.of())
            .encryptedWith("correct horse battery staple".toCharArray());
    Database.open(location, false, Duration.ZERO).compact(); // H2 rewrites the whole file
    assertTrue(hasKeyRecord(file), "compaction keeps the record");
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.copy(file, elsewhere.resolve("mdt.mv.db"));
    assertTrue(
        new Mdt(elsewhere)
            .ok("team", "list", "--passphrase-file", passphrase.toString())
            .contains("North MDT"));
  }

  @Test
  void aDatabaseWithTheOldKeyStillOpensAndRekeyMovesItToArgon2id() throws Exception {
    Path base = dir.resolve("mdt");
    DriverManager.getConnection(
            "jdbc:h2:file:" + base + ";CIPHER=AES",
            "sa",
            oldKey("correct horse battery staple") + " ")
        .close();
    Mdt mdt = new Mdt(dir).env("MDT_PASSPHRASE_FILE", passphrase.toString());
    mdt.ok("init");
    Mdt.Result opened = mdt.run("team", "list");
    assertEquals(0, opened.code(), opened.err());
    assertTrue(
        opened.err().contains("encrypted with the old key derivation; run 'mdt rekey'"),
        opened.err());
    Mdt.Result rekeyed = mdt.run("rekey", "--new-passphrase-file", other.toString());
    assertEquals(0, rekeyed.code(), rekeyed.err());
    assertFalse(rekeyed.err().contains("old key derivation"), rekeyed.err());
    assertTrue(hasKeyRecord(dir.resolve("mdt.mv.db")));
    assertFalse(opensWithOldKey(base, "a different long secret"));
    Mdt.Result migrated = new Mdt(dir).run("team", "list", "--passphrase-file", other.toString());
    assertEquals(0, migrated.code(), migrated.err());
    assertEquals("", migrated.err());
  }

  @Test
  void aGuessableNewPassphraseIsRefused() throws Exception {
    Path weak = secret("weak.txt", "password1234");
    assertOneLine(
        new Mdt(dir).run("init", "--encrypt", "--passphrase-file", weak.toString()),
        2,
        "several unrelated words");
    assertFalse(Files.exists(dir.resolve("mdt.mv.db")));
    Mdt mdt = encrypted();
    assertOneLine(
        mdt.run(
            "rekey",
            "--passphrase-file",
            passphrase.toString(),
            "--new-passphrase-file",
            secret("date.txt", "1999-12-31").toString()),
        2,
        "passphrase refused");
    assertEquals(0, mdt.run("team", "list", "--passphrase-file", passphrase.toString()).code());
  }

  /**
   * H2's own rekey tool worked through a fixed temp.db in the folder, deleting whatever file had
   * that name.
   */
  @Test
  void rekeyLeavesOtherFilesInTheFolderAlone() throws Exception {
    byte[] users = "the user's own temp.db".getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("temp.db"), users);
    Mdt mdt = encrypted();
    mdt.ok(
        "rekey",
        "--passphrase-file",
        passphrase.toString(),
        "--new-passphrase-file",
        other.toString());
    assertArrayEquals(users, Files.readAllBytes(dir.resolve("temp.db")));
    try (var files = Files.list(dir)) {
      assertEquals(
          List.of("mdt.mv.db", "other.txt", "pass.txt", "temp.db"),
          files.map(file -> file.getFileName().toString()).sorted().toList(),
          "no temporary file is left");
    }
  }

  @Test
  void twoDatabasesInOneFolderRekeyAtOnce() throws Exception {
    List<Mdt> databases = new ArrayList<>();
    for (String name : List.of("a", "b")) {
      Mdt mdt = new Mdt(dir).env("MDT_DB", dir.resolve(name).toString());
      mdt.ok("init", "--encrypt", "--passphrase-file", passphrase.toString());
      mdt.ok("team", "add", "Team " + name, "--passphrase-file", passphrase.toString());
      mdt.ok(
          "import",
          "roster",
          SharedData.file("county-2025-cp1252.csv").toString(),
          "--team",
          "Team " + name,
          "--passphrase-file",
          passphrase.toString());
      databases.add(mdt);
    }
    CyclicBarrier start = new CyclicBarrier(2);
    List<Future<Mdt.Result>> rekeys = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (Mdt mdt : databases) {
        rekeys.add(
            threads.submit(
                () -> {
                  start.await();
                  return mdt.run(
                      "rekey",
                      "--passphrase-file",
                      passphrase.toString(),
                      "--new-passphrase-file",
                      other.toString());
                }));
      }
      for (Future<Mdt.Result> rekey : rekeys) {
        assertEquals(0, rekey.get().code(), rekey.get().err());
      }
    } finally {
      threads.shutdown();
    }
    for (String name : List.of("a", "b")) {
      Mdt mdt = databases.get(name.equals("a") ? 0 : 1);
      JsonNode cases =
          Json.parse(
              mdt.ok(
                  "case",
                  "list",
                  "--team",
                  "Team " + name,
                  "--format",
                  "json",
                  "--passphrase-file",
                  other.toString()));
      assertTrue(cases.size() > 250, name + ": " + cases.size());
    }
  }

  /**
   * Rekeying copies the file: a process writing to it meanwhile would lose its writes, so it is
   * refused.
   */
  @Test
  void rekeyRefusesADatabaseInUse() throws Exception {
    encrypted();
    Path file = dir.resolve("mdt.mv.db");
    DatabaseLocation location =
        DatabaseLocation.of(dir.resolve("mdt").toString(), Map.of())
            .encryptedWith("correct horse battery staple".toCharArray());
    try (Database open = Database.open(location, false, Duration.ZERO)) {
      byte[] before = Files.readAllBytes(file);
      MdtException refused =
          assertThrows(
              MdtException.class,
              () -> Encryption.rekey(location, "a different long secret".toCharArray()));
      assertEquals(MdtException.DATA, refused.exitCode());
      assertTrue(refused.getMessage().contains("in use"), refused.getMessage());
      assertArrayEquals(before, Files.readAllBytes(file));
    }
    assertEquals(
        0, new Mdt(dir).run("team", "list", "--passphrase-file", passphrase.toString()).code());
  }

  /** Whether mdt's Argon2id record follows H2's encryption header in the file's first block. */
  private static boolean hasKeyRecord(Path file) throws Exception {
    byte[] block = Arrays.copyOf(Files.readAllBytes(file), 4096);
    return new String(block, 256, 8, StandardCharsets.US_ASCII).equals("mdt key\n");
  }

  /** The key of the old scheme: the passphrase's SHA-256 in hex, no salt. */
  private static String oldKey(String passphrase) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256")
                .digest(passphrase.getBytes(StandardCharsets.UTF_8)));
  }

  private static boolean opensWithOldKey(Path base, String passphrase) throws Exception {
    try (Connection connection =
        DriverManager.getConnection(
            "jdbc:h2:file:" + base + ";CIPHER=AES;IFEXISTS=TRUE", "sa", oldKey(passphrase) + " ")) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  public static void assertOneLine(Mdt.Result result, int code, String expected) {
    assertEquals(code, result.code(), result.err());
    assertEquals(1, result.errLines().length, result.err());
    assertTrue(result.err().contains(expected), "expected '" + expected + "' in: " + result.err());
  }
}
