package org.mdt.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Mdt;

/**
 * Member names: one active name per team, found ignoring case, with the nearest names for a slip.
 */
class MemberNamesTest {
  @TempDir Path dir;

  private Mdt mdtWithDana() {
    Mdt mdt = new Mdt(dir).withTeam("North MDT");
    mdt.ok("member", "add", "--name", "Dana Reyes", "--discipline", "cps", "--agency", "DCF");
    return mdt;
  }

  @Test
  void aSecondActiveMemberOfTheSameNameIsRefusedWithoutForce() {
    Mdt mdt = mdtWithDana();
    Mdt.Result again =
        mdt.run(
            "member", "add", "--name", " dana reyes ", "--discipline", "police", "--agency", "PD");
    assertEquals(1, again.code(), again.err());
    assertTrue(
        again.err().contains("already has an active member named 'Dana Reyes'"), again.err());
    assertTrue(again.err().contains("--force"), again.err());
    assertEquals(
        1, mdt.ok("member", "list", "--format", "csv").lines().count() - 1, "nothing was stored");

    mdt.ok(
        "member",
        "add",
        "--name",
        "Dana Reyes",
        "--discipline",
        "police",
        "--agency",
        "PD",
        "--force");
    assertEquals(2, mdt.ok("member", "list", "--format", "csv").lines().count() - 1);
  }

  @Test
  void anInactiveNamesakeDoesNotBlockANewMember() {
    Mdt mdt = mdtWithDana();
    mdt.ok("member", "deactivate", "1");
    mdt.ok("member", "add", "--name", "Dana Reyes", "--discipline", "cps", "--agency", "DCF");
  }

  @Test
  void namesMatchIgnoringCaseAndANearMissIsAnsweredWithTheNearestName() throws IOException {
    Mdt mdt = mdtWithDana();
    mdt.ok("member", "add", "--name", "Sam Ortiz", "--discipline", "police", "--agency", "PD");
    Files.writeString(
        dir.resolve("roster.csv"),
        "case_number,referral_date,child_first_name,child_last_name,child_dob\n"
            + "N-1,2026-10-01,Nora,Quill,2016-01-01\n");
    mdt.ok("import", "roster", dir.resolve("roster.csv").toString());
    mdt.ok(
        "review", "schedule", "--from", "2026-11-03", "--to", "2026-11-10", "--rule", "weekly:TUE");
    mdt.ok("review", "record", "1", "--attended", "dana REYES", " sam ortiz", "--reviewed", "N-1");

    Mdt.Result typo =
        mdt.run("review", "record", "2", "--attended", "Dana Reyse", "--reviewed", "N-1");
    assertEquals(1, typo.code(), typo.err());
    assertTrue(typo.err().contains("did you mean 'Dana Reyes'?"), typo.err());

    Mdt.Result unknown =
        mdt.run("review", "record", "2", "--attended", "Pat Quinlan", "--reviewed", "N-1");
    assertEquals(1, unknown.code(), unknown.err());
    assertTrue(!unknown.err().contains("did you mean"), "no name is near: " + unknown.err());
  }
}
