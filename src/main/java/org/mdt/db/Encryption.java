package org.mdt.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import org.h2.store.fs.encrypt.FileEncrypt;
import org.h2.store.fs.encrypt.FilePathEncrypt;
import org.mdt.MdtException;
import org.mdt.crypto.KeyDerivation;
import org.mdt.io.OutputFile;

/**
 * Encrypting a database file, or changing its key, while no connection is open. The file is copied
 * block by block, decrypted with the old key and encrypted with the new one by H2's own FileEncrypt
 * (as H2's ChangeFileEncryption does), into a uniquely named file beside it, which is then renamed
 * over it. The database file stays locked the whole time, so no other mdt process opens it
 * half-way.
 */
public final class Encryption {
  /** An MVStore file starts with its header block, "H:2,..." in plain text once decrypted. */
  private static final byte[] STORE_HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);

  private static final int COPY_BUFFER = 64 * 1024;

  private Encryption() {}

  /**
   * Rewrites the file under a new key from the passphrase (fresh salt, current Argon2id cost);
   * {@code from} is the file as it is (encrypted, by either scheme, or not). Returns where it now
   * is.
   */
  public static DatabaseLocation rekey(DatabaseLocation from, char[] newPassphrase) {
    DatabaseLocation to = from.withNewKey(newPassphrase);
    Path file = from.mvFile();
    Path temporary =
        file.resolveSibling(
            "."
                + file.getFileName()
                + ".rekey-"
                + HexFormat.of().formatHex(KeyDerivation.randomBytes(8)));
    try (FileChannel source =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = lock(source, from);
      try {
        FileChannel plain = from.isEncrypted() ? encrypted(file, from.h2Key(), source) : source;
        requireStoreHeader(plain, from);
        try (FileChannel target = OutputFile.createOwnerOnly(temporary)) {
          to.keyHeader().writeTo(target);
          copy(plain, encrypted(temporary, to.h2Key(), target));
          target.force(true);
        }
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        DatabaseFiles.syncDirectory(file.getParent());
        if (!from.isEncrypted()) {
          Files.deleteIfExists(
              from.historyFile()); // the shell's plain-text history would outlive the encryption
        }
      } finally {
        lock.release();
      }
    } catch (IOException e) {
      throw MdtException.data("cannot rekey " + from + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        // the rekey's own outcome has been reported
      }
    }
    return to;
  }

  /**
   * The exclusive lock H2 itself takes on an open database: refused while any process has it open.
   */
  private static FileLock lock(FileChannel channel, DatabaseLocation location) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // this JVM has it open
    }
    if (lock == null) {
      throw MdtException.data(DbErrors.inUse(location));
    }
    return lock;
  }

  /**
   * The file as H2 sees it under the key: reads decrypt, writes encrypt. Closing it closes {@code
   * base}.
   */
  private static FileChannel encrypted(Path file, String h2Key, FileChannel base) {
    return new FileEncrypt(
        file.toString(), FilePathEncrypt.getPasswordBytes(h2Key.toCharArray()), base);
  }

  /** A wrong old key decrypts to noise: refuse it before anything is written. */
  private static void requireStoreHeader(FileChannel plain, DatabaseLocation location)
      throws IOException {
    ByteBuffer start = ByteBuffer.allocate(STORE_HEADER.length);
    plain.read(start, 0);
    if (!Arrays.equals(start.array(), STORE_HEADER)) {
      throw MdtException.data(
          location.isEncrypted()
              ? "wrong passphrase for database " + location
              : "database file is corrupt: " + location);
    }
  }

  private static void copy(FileChannel from, FileChannel to) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(COPY_BUFFER);
    long size = from.size();
    for (long position = 0; position < size; position += buffer.limit()) {
      buffer.clear().limit((int) Math.min(COPY_BUFFER, size - position));
      while (buffer.hasRemaining()) {
        if (from.read(buffer, position + buffer.position()) < 0) {
          throw new IOException("the file ended early");
        }
      }
      buffer.flip();
      while (buffer.hasRemaining()) {
        to.write(buffer, position + buffer.position());
      }
    }
  }
}
