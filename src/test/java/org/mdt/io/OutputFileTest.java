package org.mdt.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.MdtException;

/**
 * OutputFile: owner-only from the first byte, whole or nothing, never over what it must not
 * replace.
 */
class OutputFileTest {
  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  private static OutputFile.Content text(String text) {
    return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theTemporaryFileIsOwnerOnlyWhileItIsWritten() throws Exception {
    Path target = dir.resolve("report.pdf");
    List<String> seen = new ArrayList<>();
    OutputFile.write(
        target,
        false,
        List.of(),
        out -> {
          try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
              seen.add(
                  file.getFileName()
                      + " "
                      + PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
          }
          out.write('x');
        });
    assertEquals(1, seen.size(), seen.toString());
    assertTrue(seen.get(0).matches("\\.report\\.pdf\\..+\\.partial rw-------"), seen.get(0));
    assertEquals(List.of("report.pdf"), names());
    assertEquals("x", Files.readString(target));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
  }

  @Test
  void aFailedWriteLeavesNoFileAndSaysSoInOneLine() throws Exception {
    Path target = dir.resolve("report.pdf");
    MdtException failed =
        assertThrows(
            MdtException.class,
            () ->
                OutputFile.write(
                    target,
                    false,
                    List.of(),
                    out -> {
                      out.write("half".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("No space left on device");
                    }));
    assertEquals(MdtException.DATA, failed.exitCode());
    assertEquals("cannot write " + target + ": No space left on device", failed.getMessage());
    assertThrows(
        IllegalStateException.class,
        () ->
            OutputFile.write(
                target,
                false,
                List.of(),
                out -> {
                  throw new IllegalStateException("a bug");
                }));
    assertThrows(
        OutOfMemoryError.class,
        () ->
            OutputFile.write(
                target,
                false,
                List.of(),
                out -> {
                  throw new OutOfMemoryError();
                }));
    assertEquals(List.of(), names());
  }

  @Test
  void anExistingFileIsReplacedOnlyWithForce() throws Exception {
    Path target = Files.writeString(dir.resolve("report.csv"), "theirs");
    MdtException refused =
        assertThrows(
            MdtException.class, () -> OutputFile.write(target, false, List.of(), text("mine")));
    assertEquals(MdtException.DOMAIN, refused.exitCode());
    assertEquals(target + " exists: add --force to replace it", refused.getMessage());
    assertEquals("theirs", Files.readString(target));
    OutputFile.write(target, true, List.of(), text("mine"));
    assertEquals("mine", Files.readString(target));
    assertEquals(List.of("report.csv"), names());
  }

  @Test
  void aFileThatAppearsWhileWritingIsNotReplacedWithoutForce() throws Exception {
    Path target = dir.resolve("report.csv");
    try (OutputFile.Pending pending = OutputFile.open(target, false, List.of())) {
      pending.stream().write('x');
      Files.writeString(target, "theirs");
      assertEquals(
          MdtException.DOMAIN, assertThrows(MdtException.class, pending::commit).exitCode());
    }
    assertEquals("theirs", Files.readString(target));
    assertEquals(List.of("report.csv"), names());
  }

  @Test
  void aPendingFileClosedWithoutCommitLeavesNothing() throws Exception {
    Path target = dir.resolve("rejects.csv");
    try (OutputFile.Pending pending = OutputFile.open(target, false, List.of())) {
      pending.stream().write("row,column".getBytes(StandardCharsets.UTF_8));
      pending.stream().close(); // what a CSV writer does: the file stays open for commit
    }
    assertEquals(List.of(), names());

    try (OutputFile.Pending pending = OutputFile.open(target, false, List.of())) {
      pending.stream().write("row,column".getBytes(StandardCharsets.UTF_8));
      pending.stream().close();
      pending.commit();
    }
    assertEquals("row,column", Files.readString(target));
  }

  @Test
  void protectedPathsAreNeverReplacedEvenWithForce() throws Exception {
    Path database = Files.writeString(dir.resolve("mdt.mv.db"), "database");
    Path roster = Files.writeString(dir.resolve("roster.csv"), "roster");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), roster);
    List<Path> guarded = List.of(database, roster, dir.resolve("mdt.trace.db"));
    for (Path target :
        List.of(database, dir.resolve(".").resolve("mdt.mv.db"), dir.resolve("mdt.trace.db"))) {
      MdtException refused =
          assertThrows(MdtException.class, () -> OutputFile.check(target, true, guarded));
      assertEquals(MdtException.DATA, refused.exitCode());
      assertEquals(
          "refusing to write over " + target + ": it is the database", refused.getMessage());
    }
    assertEquals(
        "refusing to write over " + link + ": it is an input of this command",
        assertThrows(MdtException.class, () -> OutputFile.write(link, true, guarded, text("x")))
            .getMessage());
    assertEquals("database", Files.readString(database));
    assertEquals("roster", Files.readString(roster));
  }

  @Test
  void foldersAreNeitherCreatedNorReplaced() throws Exception {
    Path missing = dir.resolve("missing").resolve("report.pdf");
    assertEquals(
        "cannot write " + missing + ": folder " + missing.getParent() + " does not exist",
        assertThrows(
                MdtException.class, () -> OutputFile.write(missing, true, List.of(), text("x")))
            .getMessage());
    Path folder = Files.createDirectory(dir.resolve("reports"));
    assertEquals(
        MdtException.DATA,
        assertThrows(MdtException.class, () -> OutputFile.write(folder, true, List.of(), text("x")))
            .exitCode());
    assertFalse(Files.exists(missing.getParent()));
    assertEquals(List.of("reports"), names());
  }
}
