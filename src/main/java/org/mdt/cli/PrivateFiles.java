package org.mdt.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mdt.MdtException;
import org.mdt.io.OutputFile;

/**
 * The shell's history file, created empty and owner-only; every other output goes through {@link Outputs}.
 * Kept for {@code Shell}, which another change is rewriting: it can call {@link OutputFile} itself.
 */
final class PrivateFiles {
  private PrivateFiles() {}

  /** A new empty owner-only file (never one that exists), open for writing. */
  static OutputStream newOutputStream(Path path) {
    OutputFile.write(path, false, List.of(), out -> {});
    try {
      return Files.newOutputStream(path);
    } catch (IOException e) {
      throw MdtException.data("cannot write " + path + ": " + e.getMessage(), e);
    }
  }
}
