package org.mdt.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.stream.Stream;
import org.mdt.MdtException;
import org.mdt.io.OutputFile;

/**
 * A copy of the database file that a roster import writes to, and that replaces the file only once
 * the import is committed and the copy closed: so the import is all or none on disk, whatever
 * happens on the way. H2 alone did not make a large import so:
 *
 * <ul>
 *   <li>a process killed while H2 committed a large transaction left part of it committed (kill -9
 *       in the last second of a 150,000-row import: 7,000 to 97,405 of its rows, after H2's own
 *       recovery);
 *   <li>a disk that filled while H2's background threads wrote could leave a file that no longer
 *       opened ("Chunk 113 not found").
 * </ul>
 *
 * <p>The original stays open, its lock held, until the copy has replaced it, so no other process
 * writes to it meanwhile or opens it half-way, as for a restore; this closes it. The copy is made
 * in a folder of its own beside the file, readable by its owner only (H2 creates files with the
 * process umask). On PostgreSQL the transaction alone is all or none, and the import writes to the
 * database itself.
 */
public final class ImportCopy implements AutoCloseable {
  private static final String FOLDER_PREFIX = ".importing-";

  /**
   * An import that grew the file by more than this leaves it compacted: H2 keeps the free space of
   * a large transaction (a 1,000,000-row import left 1.47 GB that compacts to 193 MB).
   */
  private static final long COMPACT_AFTER_GROWTH = 64L << 20;

  private final Database original;
  private final FileChannel source; // null when the import writes to the original
  private final Path folder;
  private final Database target;
  private final long sizeBefore;

  private ImportCopy(Database original, FileChannel source, Path folder, Database target) {
    this.original = original;
    this.source = source;
    this.folder = folder;
    this.target = target;
    this.sizeBefore = target.fileSize();
  }

  /**
   * Copies the open database's file for an import, which Ctrl-C stops as it stops the original's
   * statements; any copy a killed import left is removed first.
   */
  public static ImportCopy of(Database original) {
    DatabaseLocation location = original.location();
    if (!location.isFile()) {
      return new ImportCopy(original, null, null, original);
    }
    Path base = location.baseFile();
    Path parent = base.getParent();
    removeLeftovers(parent, base);
    FileChannel source = null;
    Path folder = null;
    try {
      source = FileChannel.open(location.mvFile(), StandardOpenOption.READ);
      folder = Files.createTempDirectory(parent, leftoverPrefix(base));
      DatabaseLocation copy = location.copyIn(folder);
      try (FileChannel to = OutputFile.createOwnerOnly(copy.mvFile())) {
        long size = source.size();
        for (long done = 0; done < size; ) {
          done += source.transferTo(done, size - done, to);
        }
      }
      Database target = Database.openForImport(copy, Duration.ZERO);
      target.stopOn(original.cancellation());
      return new ImportCopy(original, source, folder, target);
    } catch (IOException | RuntimeException e) {
      DatabaseFiles.deleteQuietly(folder);
      closeAfter(original, source);
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw MdtException.data(
          "cannot copy database " + location + " to import into: " + e.getMessage(), e);
    }
  }

  /**
   * Closes the original database, then the channel the copy was read through. In that order: a
   * process holds its lock on a file only until it closes any channel to it (POSIX locks), and H2
   * may still write to the original as it closes.
   */
  private static void closeAfter(Database original, FileChannel source) {
    try {
      original.close();
    } finally {
      if (source != null) {
        try {
          source.close();
        } catch (IOException e) {
          // it was only read
        }
      }
    }
  }

  /** The database the import writes to: the copy, or on PostgreSQL the database itself. */
  public Database database() {
    return target;
  }

  /**
   * Compacts the copy if the import grew it by more than {@value #COMPACT_AFTER_GROWTH} bytes (in
   * its private folder, where H2 writes the compacted file), closes it and moves it over the
   * original file, on disk before this returns; returns whether it compacted. Nothing to do, and
   * false, when the import wrote to the original.
   */
  public boolean replaceOriginal() {
    if (folder == null) {
      return false;
    }
    boolean compacted = target.fileSize() - sizeBefore > COMPACT_AFTER_GROWTH && target.compact();
    DatabaseLocation copy = target.location();
    Path file = original.location().mvFile();
    try {
      target.close();
      DatabaseFiles.replace(copy.mvFile(), file);
    } catch (IOException e) {
      throw MdtException.data(
          "cannot write database " + original.location() + ": " + e.getMessage(), e);
    }
    return compacted;
  }

  /**
   * Closes the copy, and removes it unless it has replaced the original; then closes the original
   * database, which the command cannot use after this.
   */
  @Override
  public void close() {
    if (folder == null) {
      return;
    }
    try {
      target.close();
    } catch (RuntimeException e) {
      // a copy that failed to write (a full disk) may fail to close; it is removed either way
    } finally {
      DatabaseFiles.deleteQuietly(folder);
      closeAfter(original, source);
    }
  }

  private static String leftoverPrefix(Path base) {
    return "." + base.getFileName() + FOLDER_PREFIX;
  }

  /**
   * The copies of imports that were killed before they finished: only a process holding the
   * database's lock, as the importing one does, may remove them.
   */
  private static void removeLeftovers(Path parent, Path base) {
    String prefix = leftoverPrefix(base);
    try (Stream<Path> siblings = Files.list(parent)) {
      siblings
          .filter(path -> path.getFileName().toString().startsWith(prefix))
          .forEach(DatabaseFiles::deleteQuietly);
    } catch (IOException e) {
      // a leftover only takes room; the import goes on
    }
  }
}
