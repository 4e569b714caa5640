package org.mdt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;
import org.mdt.SharedData;

/** Encryption at rest and every way a passphrase arrives (or fails to), DESIGN section 7. */
class EncryptionTest {
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
    List<String> lines = Files.readAllLines(roster, java.nio.charset.Charset.forName("windows-1252"));
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
    mdt.ok("case", "show", "25-1001", "--passphrase-file", passphrase.toString()); // readable with the passphrase
    byte[] file = Files.readAllBytes(dir.resolve("mdt.mv.db"));
    String latin1 = new String(file, StandardCharsets.ISO_8859_1);
    String utf8 = new String(file, StandardCharsets.UTF_8);
    Set<String> names = namesIn(roster);
    assertTrue(names.size() > 20, "the roster has names to look for: " + names);
    for (String name : names) {
      assertFalse(latin1.contains(name) || utf8.contains(name), "found " + name + " in the encrypted file");
    }
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("mdt.mv.db"))));
  }

  @Test
  void everyPassphrasePath() throws Exception {
    Mdt mdt = encrypted();
    // from the option, and from the environment
    assertEquals("North MDT", Json.parse(mdt.ok("team", "list", "--format", "json", "--passphrase-file",
        passphrase.toString())).get(0).path("name").asText());
    Mdt fromEnv = new Mdt(dir).env("MDT_PASSPHRASE_FILE", passphrase.toString());
    assertEquals(0, fromEnv.run("team", "list").code());
    // missing: no terminal to ask at
    assertOneLine(mdt.run("team", "list"), 3, "is encrypted: give --passphrase-file FILE or set MDT_PASSPHRASE_FILE");
    // wrong
    assertOneLine(mdt.run("team", "list", "--passphrase-file", other.toString()), 3, "wrong passphrase");
    // a file that is not there, or is empty
    assertOneLine(mdt.run("team", "list", "--passphrase-file", dir.resolve("none").toString()), 3,
        "passphrase file not found");
    assertOneLine(mdt.run("team", "list", "--passphrase-file", secret("empty", "\n").toString()), 3, "is empty");
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
    assertOneLine(mdt.run("rekey", "--passphrase-file", passphrase.toString(), "--new-passphrase-file",
        secret("short", "tiny").toString()), 2, "at least 8 characters");
    assertOneLine(mdt.run("rekey", "--passphrase-file", other.toString(), "--new-passphrase-file",
        other.toString()), 3, "wrong passphrase");
    mdt.ok("rekey", "--passphrase-file", passphrase.toString(), "--new-passphrase-file", other.toString());
    assertOneLine(mdt.run("team", "list", "--passphrase-file", passphrase.toString()), 3, "wrong passphrase");
    assertEquals(0, mdt.run("team", "list", "--passphrase-file", other.toString()).code());
  }

  @Test
  void aPlainDatabaseIsEncryptedByRekeyNotByInit() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT");
    mdt.ok("import", "roster", SharedData.file("county-2025-cp1252.csv").toString());
    assertOneLine(mdt.run("init", "--encrypt", "--passphrase-file", passphrase.toString()), 1, "mdt rekey");
    mdt.ok("rekey", "--new-passphrase-file", passphrase.toString());
    assertEquals(3, mdt.run("case", "list").code());
    JsonNode cases = Json.parse(mdt.ok("case", "list", "--format", "json", "--passphrase-file", passphrase.toString()));
    assertEquals(Json.parse(new Mdt(dir).env("MDT_PASSPHRASE_FILE", passphrase.toString())
        .ok("case", "list", "--format", "json")), cases);
    assertTrue(cases.size() > 250);
    String bytes = new String(Files.readAllBytes(dir.resolve("mdt.mv.db")), StandardCharsets.ISO_8859_1);
    assertFalse(bytes.contains("Walker"), "rekey encrypted the existing rows");
  }

  static void assertOneLine(Mdt.Result result, int code, String expected) {
    assertEquals(code, result.code(), result.err());
    assertEquals(1, result.errLines().length, result.err());
    assertTrue(result.err().contains(expected), "expected '" + expected + "' in: " + result.err());
  }
}
