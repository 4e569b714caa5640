package org.mdt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Mdt;

/** Issue 15, items 2, 4 and 5: what a coordinator reads on a terminal: errors, help, case show, times. */
class TerminalOutputTest {
  @TempDir Path dir;

  /** Picocli's parse errors were three lines: message, "Did you mean", "Try --help". Now one, still exit 2. */
  @Test
  void everyUsageErrorIsOneLine() {
    Mdt mdt = new Mdt(dir);
    for (String[] line : new String[][] {{"imprt"}, {"report", "nca", "--perod", "2025H1"}, {"team", "list", "--format"},
        {"case", "list", "--referred-from", "1/2/2025"}, {"team"}}) {
      Mdt.Result result = mdt.run(line);
      assertEquals(2, result.code(), String.join(" ", line));
      assertEquals(1, result.errLines().length, result.err());
      assertTrue(result.err().startsWith("mdt: "), result.err());
    }
    assertTrue(mdt.run("imprt").err().contains("Did you mean: import"));
  }

  /** Picocli checks required options first: "--owner is missing" hid the real mistake, an option it lacks. */
  @Test
  void anUnknownOptionIsNamedBeforeAMissingOne() {
    Mdt.Result result = new Mdt(dir).run("followup", "reassign", "2", "--to", "X");
    assertEquals(2, result.code());
    assertEquals("mdt: Unknown option: '--to'\n", result.err());
    Mdt.Result near = new Mdt(dir).run("followup", "reassign", "2", "--ownr", "X");
    assertTrue(near.err().contains("'--ownr'") && near.err().contains("Did you mean: --owner?"), near.err());
  }

  /** A subcommand's help lists its own options; the global ones are named once, with a pointer to mdt --help. */
  @Test
  void subcommandHelpListsItsOwnOptionsAndPointsToTheGlobalOnes() {
    Mdt mdt = new Mdt(dir);
    String reassign = mdt.ok("followup", "reassign", "--help");
    assertTrue(reassign.contains("--owner=MEMBER"), reassign);
    assertFalse(reassign.contains("--passphrase-file=FILE") || reassign.contains("--db=PATH"), reassign);
    assertTrue(reassign.contains("see 'mdt --help'") && reassign.contains("--passphrase-file"), reassign);
    assertTrue(reassign.contains("130   cancelled (Ctrl-C)"), reassign);
    String root = mdt.ok("--help");
    assertTrue(root.contains("--passphrase-file=FILE") && !root.contains("see 'mdt --help'"), root);
    // the global options still parse after the subcommand
    assertEquals(3, mdt.run("followup", "reassign", "2", "--owner", "X", "--db", dir.resolve("none").toString(),
        "-q").code());
  }
}
