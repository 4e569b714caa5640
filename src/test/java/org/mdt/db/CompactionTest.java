package org.mdt.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 writes the compacted copy with the process umask: only where no other user can enter (issue
 * 11, item 4).
 */
class CompactionTest {
  @TempDir Path dir;

  @Test
  void compactsOnlyInAFolderOtherUsersCannotEnter() throws Exception {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
    DatabaseLocation open = DatabaseLocation.of(shared.resolve("mdt").toString(), Map.of());
    try (Database database = Database.open(open, true, Duration.ZERO)) {
      assertFalse(
          database.compact(), "refused: the copy would be readable by others while written");
    }
    Path closed = Files.createDirectory(dir.resolve("private"));
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
    DatabaseLocation own = DatabaseLocation.of(closed.resolve("mdt").toString(), Map.of());
    Database database = Database.open(own, true, Duration.ZERO);
    assertTrue(database.compact());
    database.close();
  }
}
