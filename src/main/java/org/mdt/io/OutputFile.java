package org.mdt.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import org.mdt.MdtException;

/**
 * Every file mdt writes: owner-only from its first byte, written to a uniquely named temporary
 * sibling and moved into place whole, never over the database, an input of the command, or (without
 * force) an existing file; never into a folder that does not exist. Any output path may be a slip
 * of the hand.
 */
public final class OutputFile {
  private static final String[] DATABASE_SUFFIXES = {".mv.db", ".trace.db", ".lock.db"};

  /** Keeps the temporary file's name within the 255 bytes file systems allow. */
  private static final int NAME_IN_TEMPORARY = 100;

  private OutputFile() {}

  /** What writes a file's content. */
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Refuses, before anything is written: a target that is one of {@code protectedPaths} even with
   * force (exit 3; a path named like an H2 database file is "the database", any other "an input of
   * this command"), a target that is a folder or whose folder does not exist (exit 3: folders are
   * never created), and an existing target without force (exit 1).
   */
  public static void check(Path target, boolean force, Collection<Path> protectedPaths) {
    for (Path guarded : protectedPaths) {
      if (sameFile(target, guarded)) {
        throw MdtException.data(
            "refusing to write over " + target + ": it is " + describe(guarded));
      }
    }
    if (Files.isDirectory(target)) {
      throw MdtException.data("cannot write " + target + ": it is a folder");
    }
    Path folder = folder(target);
    if (!Files.isDirectory(folder)) {
      throw MdtException.data("cannot write " + target + ": folder " + folder + " does not exist");
    }
    if (!force && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw exists(target);
    }
  }

  /** check(), then writes the file whole or not at all. */
  public static void write(
      Path target, boolean force, Collection<Path> protectedPaths, Content content) {
    try (Pending pending = open(target, force, protectedPaths)) {
      try {
        content.writeTo(pending.stream());
      } catch (IOException e) {
        throw pending.failed(e);
      } catch (UncheckedIOException e) {
        throw pending.failed(e.getCause());
      }
      pending.commit();
    }
  }

  /**
   * check(), then a file for a writer that streams as it goes; it appears only on {@link
   * Pending#commit}.
   */
  public static Pending open(Path target, boolean force, Collection<Path> protectedPaths) {
    check(target, force, protectedPaths);
    return new Pending(target, force);
  }

  /**
   * Whether two paths name one file: the same file when both exist, else the same absolute path.
   */
  public static boolean sameFile(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException e) {
      // unreadable: compare the names
    }
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  private static String describe(Path guarded) {
    String name = String.valueOf(guarded.getFileName());
    for (String suffix : DATABASE_SUFFIXES) {
      if (name.endsWith(suffix)) {
        return "the database";
      }
    }
    return "an input of this command";
  }

  private static Path folder(Path target) {
    return target.toAbsolutePath().normalize().getParent();
  }

  private static MdtException exists(Path target) {
    return MdtException.domain(target + " exists: add --force to replace it");
  }

  /**
   * A file being written: in place after {@link #commit}, gone after {@link #close} without one.
   */
  public static final class Pending implements AutoCloseable {
    private final Path target;
    private final boolean force;
    private final Path temporary;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean done;

    private Pending(Path target, boolean force) {
      this.target = target;
      this.force = force;
      Path folder = folder(target);
      String name = target.getFileName().toString();
      try {
        temporary =
            Files.createTempFile(
                folder,
                "." + name.substring(0, Math.min(name.length(), NAME_IN_TEMPORARY)) + ".",
                ".partial",
                OwnerOnly.newFile(folder));
      } catch (IOException e) {
        throw new MdtException(MdtException.DATA, "cannot write " + target + ": " + reason(e), e);
      }
      try {
        channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
      } catch (IOException e) {
        deleteTemporary();
        throw new MdtException(MdtException.DATA, "cannot write " + target + ": " + reason(e), e);
      }
      // closing it (a CSV writer closes what it wraps) only flushes: commit and close own the file
      stream =
          new BufferedOutputStream(
              new FilterOutputStream(Channels.newOutputStream(channel)) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                  out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                  flush();
                }
              });
    }

    /** Where the content goes (buffered); closing it only flushes. */
    public OutputStream stream() {
      return stream;
    }

    /**
     * Flushes, syncs to disk and moves the file into place; a failure leaves no temporary file
     * behind.
     */
    public void commit() {
      if (done) {
        throw new IllegalStateException("committed or closed already");
      }
      try {
        stream.flush();
        channel.force(true);
        channel.close();
        place();
        done = true;
      } catch (IOException e) {
        throw failed(e);
      } finally {
        close();
      }
    }

    /**
     * Without force, a hard link puts the file in place only if nothing is there yet (rename would
     * replace a file that appeared meanwhile); a file system without hard links gets a check just
     * before the rename, a window of microseconds.
     */
    private void place() throws IOException {
      if (force) {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return;
      }
      try {
        Files.createLink(target, temporary);
      } catch (FileAlreadyExistsException e) {
        throw exists(target);
      } catch (IOException | UnsupportedOperationException e) {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          throw exists(target);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        return;
      }
      Files.delete(temporary);
    }

    /** Deletes the temporary file unless it was committed. */
    @Override
    public void close() {
      if (channel.isOpen()) {
        try {
          channel.close();
        } catch (IOException e) {
          // the file is deleted below all the same
        }
      }
      if (!done) {
        done = true;
        deleteTemporary();
      }
    }

    /** The one-line error of a failed write; the temporary file goes. */
    MdtException failed(IOException e) {
      close();
      return new MdtException(MdtException.DATA, "cannot write " + target + ": " + reason(e), e);
    }

    private void deleteTemporary() {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        // the write's own outcome has been reported
      }
    }

    /**
     * Why an IOException happened, without the temporary file's name, which means nothing to
     * anyone.
     */
    private String reason(IOException e) {
      String reason;
      if (e instanceof AccessDeniedException) {
        reason = "permission denied";
      } else if (e instanceof FileSystemException fs) {
        reason = fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
      } else {
        reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      }
      return temporary == null ? reason : reason.replace(temporary.toString(), target.toString());
    }
  }

  /**
   * A new file (never one that exists), readable and writable by its owner only from its first
   * byte: for files that are not outputs of a command (a database's key header, a rekey's copy,
   * shell history).
   */
  public static FileChannel createOwnerOnly(Path path) throws IOException {
    return FileChannel.open(
        path,
        java.util.EnumSet.of(
            StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE),
        OwnerOnly.newFile(folder(path)));
  }
}
