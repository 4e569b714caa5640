package org.mdt.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import org.mdt.MdtException;

/** Files mdt writes hold children's data: they are created readable by their owner only. */
final class PrivateFiles {
  private PrivateFiles() {}

  static Writer newWriter(Path path) {
    return new java.io.BufferedWriter(new java.io.OutputStreamWriter(newOutputStream(path),
        java.nio.charset.StandardCharsets.UTF_8));
  }

  static java.io.OutputStream newOutputStream(Path path) {
    try {
      Files.deleteIfExists(path);
      return new java.io.BufferedOutputStream(Files.newOutputStream(Files.createFile(path, ownerOnly())));
    } catch (IOException e) {
      throw MdtException.data("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  /** What writes a file's content. */
  interface Content {
    void writeTo(java.io.OutputStream out) throws IOException;
  }

  /**
   * Writes a file whole or not at all: into a temporary file beside it, then renamed over it, so that a
   * cron job that fails part-way never leaves a truncated report under the real name.
   */
  static void writeAtomically(Path path, Content content) {
    Path temporary = path.toAbsolutePath().resolveSibling("." + path.getFileName() + ".partial");
    try {
      try (java.io.OutputStream out = newOutputStream(temporary)) {
        content.writeTo(out);
      }
      java.nio.file.Files.move(temporary, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw MdtException.data("cannot write " + path + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        // the write's own outcome has been reported
      }
    }
  }

  private static FileAttribute<?>[] ownerOnly() {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
  }
}
