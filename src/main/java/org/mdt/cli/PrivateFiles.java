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

  private static FileAttribute<?>[] ownerOnly() {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
  }
}
