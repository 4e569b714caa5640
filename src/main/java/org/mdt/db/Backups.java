package org.mdt.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import org.mdt.MdtException;

/**
 * Backups as H2 SQL scripts (TECH-NOTES: the way through H2 file-format changes), deflated, and encrypted
 * with the database's own key when the database is encrypted. A backup is written to a temporary file
 * and renamed, so a failed one never leaves a half file under the real name; a restore is rebuilt and
 * checked in a temporary database first, and only then moved over the real one.
 */
public final class Backups {
  /** H2 writes this header at the start of an encrypted file store, which an encrypted script is. */
  private static final byte[] ENCRYPTED_SCRIPT = "-- H2 0.5/B --".getBytes(StandardCharsets.US_ASCII);

  private Backups() {}

  /** A consistent copy of the open database (SCRIPT reads one snapshot while others keep working). */
  public static void backup(Database database, Path file) {
    Path temporary = file.resolveSibling("." + file.getFileName() + ".partial");
    DatabaseLocation location = database.location();
    try {
      Files.deleteIfExists(temporary);
      String sql = "SCRIPT TO ? COMPRESSION DEFLATE" + (location.isEncrypted() ? " CIPHER AES PASSWORD ?" : "");
      try (PreparedStatement script = database.connection().prepareStatement(sql)) {
        script.setString(1, temporary.toAbsolutePath().toString());
        if (location.isEncrypted()) {
          script.setString(2, location.fileKey());
        }
        script.execute();
      }
      Database.ownerOnly(temporary);
      move(temporary, file);
    } catch (SQLException e) {
      throw DbErrors.translate(e, location);
    } catch (IOException e) {
      throw MdtException.data("cannot write backup " + file + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        // the backup itself succeeded or already failed with its own message
      }
    }
  }

  /** Whether a backup file was written from an encrypted database (and needs its passphrase). */
  public static boolean isEncrypted(Path backup) {
    try (InputStream in = Files.newInputStream(backup)) {
      return Arrays.equals(in.readNBytes(ENCRYPTED_SCRIPT.length), ENCRYPTED_SCRIPT);
    } catch (NoSuchFileException e) {
      throw MdtException.data("no such backup: " + backup);
    } catch (IOException e) {
      throw MdtException.data("cannot read backup " + backup + ": " + e.getMessage(), e);
    }
  }

  /**
   * Rebuilds the backup as the database at {@code target} (encrypted with the target's key if it has one).
   * The backup is verified by loading it into a new database beside the target and checking its schema;
   * only a good one replaces the target.
   */
  public static void restore(Path backup, DatabaseLocation target) {
    Path base = target.baseFile();
    if (base == null) {
      throw MdtException.usage("restore writes an H2 file database, not " + target);
    }
    target.createParentDirectory();
    DatabaseLocation staging = target.sibling("." + base.getFileName() + ".restoring");
    try {
      Files.deleteIfExists(staging.mvFile());
      try (Database database = Database.open(staging, true, Duration.ZERO)) {
        try (PreparedStatement run = database.connection().prepareStatement("RUNSCRIPT FROM ? COMPRESSION DEFLATE"
            + (target.isEncrypted() ? " CIPHER AES PASSWORD ?" : ""))) {
          run.setString(1, backup.toAbsolutePath().toString());
          if (target.isEncrypted()) {
            run.setString(2, target.fileKey());
          }
          run.execute();
        } catch (SQLException e) {
          throw MdtException.data("backup " + backup + " cannot be read: it is damaged, not an mdt backup, or"
              + " the passphrase is wrong (" + DbErrors.translate(e, backup).getMessage() + ")", e);
        }
        database.requireCurrentSchema();
      }
      if (target.exists()) {
        // Refuses while another process has the database open: that process would keep writing the old file.
        Database.open(target, false, Duration.ZERO).close();
      }
      move(staging.mvFile(), target.mvFile());
      target.restrictFilePermissions();
    } catch (IOException e) {
      throw MdtException.data("cannot restore to " + target + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(staging.mvFile());
      } catch (IOException e) {
        // nothing more to say than the restore's own outcome
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
