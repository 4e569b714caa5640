package org.mdt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Mdt;
import org.mdt.roster.ImportListener;

/**
 * An import that takes over a second draws a progress line on a terminal's stderr, and nothing
 * elsewhere.
 */
class ProgressTest {
  @TempDir Path dir;

  /** Holds the import at its first row for 1.6 s: past the second after which progress appears. */
  private static final ImportListener SLOW =
      (rowsRead, rowNumber) -> {
        if (rowsRead == 1) {
          try {
            Thread.sleep(1600);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      };

  private Mdt.Result slowImport(Mdt mdt) throws Exception {
    mdt.withTeam("North MDT");
    Path roster =
        Files.writeString(
            dir.resolve("r.csv"),
            "case_number,referral_date,child_first_name\n"
                + "C1,2025-03-01,Ana\nC2,2025-03-02,Bo\nC3,2025-13-02,Cy\n");
    return mdt.importListener(SLOW).run("import", "roster", roster.toString());
  }

  @Test
  void aTerminalSeesTheLineAndItIsErasedAfterwards() throws Exception {
    Mdt.Result result = slowImport(new Mdt(dir).stderrIsTerminal());
    assertEquals(0, result.code());
    assertTrue(result.err().contains("\rimporting r.csv ["), result.err());
    assertTrue(result.err().contains("<=>") && result.err().contains(" rows  "), result.err());
    // the rejected row's warning is a line of its own, not appended to the progress line
    assertTrue(result.err().contains("\r\033[Krejected: row 4"), result.err());
    assertFalse(result.out().contains("\r"), "stdout has results only: " + result.out());
  }

  @Test
  void aPipeOrCronLogSeesNone() throws Exception {
    Mdt.Result result = slowImport(new Mdt(dir));
    assertEquals(0, result.code());
    assertFalse(result.err().contains("\r") || result.err().contains("<=>"), result.err());
  }
}
