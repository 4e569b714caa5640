package org.mdt.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A database file made whole elsewhere (a restore, an import's copy) put in place of the old one,
 * and the private folder it was made in removed.
 */
final class DatabaseFiles {
  private DatabaseFiles() {}

  /**
   * Moves {@code from} over {@code to} in one step, and on disk before this returns: the new file's
   * contents, then the folder's entry for it.
   */
  static void replace(Path from, Path to) throws IOException {
    try (FileChannel written = FileChannel.open(from, StandardOpenOption.WRITE)) {
      written.force(true);
    }
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
    syncDirectory(to.getParent());
  }

  /** A rename is durable only once the folder itself is on disk. */
  static void syncDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /** Removes a folder and what it holds; what cannot be removed stays, in a private folder. */
  static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.deleteIfExists(path);
                } catch (IOException e) {
                  // the command's own outcome has been reported
                }
              });
    } catch (IOException e) {
      // as above
    }
  }
}
