package org.mdt.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import org.mdt.MdtException;

/**
 * Files and folders no one but their owner may read, for everything mdt keeps or writes holds
 * children's records: the one place that knows the permissions (rw------- for a file, rwx------ for
 * a folder), and that they apply only where the file system has POSIX permissions.
 */
public final class OwnerOnly {
  private static final String FILE = "rw-------";
  private static final String FOLDER = "rwx------";

  private OwnerOnly() {}

  /** Restricts an existing file or folder to its owner; nothing to do when it does not exist. */
  public static void restrict(Path path) {
    try {
      if (Files.exists(path) && posix(path)) {
        Files.setPosixFilePermissions(
            path, PosixFilePermissions.fromString(Files.isDirectory(path) ? FOLDER : FILE));
      }
    } catch (IOException e) {
      throw MdtException.data("cannot restrict permissions of " + path + ": " + e.getMessage(), e);
    }
  }

  /** What makes a new file in {@code folder} owner-only from its first byte. */
  static FileAttribute<?>[] newFile(Path folder) {
    if (!posix(folder)) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(FILE))
    };
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
