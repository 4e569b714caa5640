package org.mdt.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.mdt.MdtException;
import org.mdt.crypto.KeyDerivation;
import org.mdt.io.OutputFile;

/**
 * How an encrypted database's key is derived (Argon2id: salt, cost, format version), kept in the
 * file itself so that the file alone and its passphrase open it anywhere. The record lives in the
 * unused part of H2's 4096-byte encryption header block ("H2encrypt\n", H2's 8-byte salt, then
 * nothing): H2 2.5's FileEncrypt writes that block only when the file is empty, reads only its
 * salt, keeps all data after it, and copies the whole block when SHUTDOWN COMPACT rewrites the
 * file. mdt writes the block itself before H2 first opens a new file; H2 then takes the file as an
 * empty encrypted store.
 */
record KeyHeader(byte[] salt, KeyDerivation.Cost cost) {
  static final int BLOCK_SIZE = 4096;
  private static final byte[] H2_MAGIC = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);
  private static final int H2_SALT_LENGTH = 8;
  private static final int RECORD_OFFSET = 256; // well clear of H2's magic and salt
  private static final byte[] MAGIC = "mdt key\n".getBytes(StandardCharsets.US_ASCII);
  private static final int FORMAT_VERSION = 1;
  private static final int KEY_BYTES = 32;

  /** A new random salt at the default cost. */
  static KeyHeader fresh() {
    return new KeyHeader(KeyDerivation.newSalt(), KeyDerivation.Cost.DEFAULT);
  }

  /**
   * What the file's first block says: not encrypted, encrypted by the old scheme, or with this
   * record.
   */
  static Found read(Path mvFile) {
    byte[] block;
    try (InputStream in = Files.newInputStream(mvFile)) {
      block = in.readNBytes(BLOCK_SIZE);
    } catch (IOException e) {
      throw MdtException.data("cannot read " + mvFile + ": " + e.getMessage(), e);
    }
    if (block.length < H2_MAGIC.length
        || !Arrays.equals(block, 0, H2_MAGIC.length, H2_MAGIC, 0, H2_MAGIC.length)) {
      return new Found(false, null);
    }
    if (block.length < BLOCK_SIZE
        || !Arrays.equals(
            block, RECORD_OFFSET, RECORD_OFFSET + MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return new Found(true, null);
    }
    ByteBuffer record =
        ByteBuffer.wrap(
            block, RECORD_OFFSET + MAGIC.length, BLOCK_SIZE - RECORD_OFFSET - MAGIC.length);
    int version = record.get() & 0xff;
    if (version != FORMAT_VERSION) {
      throw MdtException.data(
          "database "
              + mvFile
              + " has key format "
              + version
              + ", this mdt knows "
              + FORMAT_VERSION
              + ": upgrade mdt");
    }
    KeyDerivation.Cost cost =
        new KeyDerivation.Cost(record.getInt(), record.getInt(), record.getInt());
    byte[] salt = new byte[record.get() & 0xff];
    record.get(salt);
    try {
      return new Found(true, new KeyHeader(salt, cost.checked()));
    } catch (IllegalArgumentException e) {
      throw MdtException.data(
          "database " + mvFile + " has a damaged key record: " + e.getMessage(), e);
    }
  }

  /**
   * The first block of the file: whether it is encrypted, and its key record (null: the old
   * scheme).
   */
  record Found(boolean encrypted, KeyHeader header) {}

  /**
   * The file's H2 password: the hex of the Argon2id key (H2 cuts its password at the first space).
   */
  String h2Key(char[] passphrase) {
    return java.util.HexFormat.of()
        .formatHex(KeyDerivation.argon2id(passphrase, salt, cost, KEY_BYTES));
  }

  /** H2's header block with a fresh H2 salt and this record after it. */
  ByteBuffer block() {
    ByteBuffer block = ByteBuffer.allocate(BLOCK_SIZE);
    block.put(H2_MAGIC).put(KeyDerivation.randomBytes(H2_SALT_LENGTH));
    block.position(RECORD_OFFSET);
    block
        .put(MAGIC)
        .put((byte) FORMAT_VERSION)
        .putInt(cost.memoryKiB())
        .putInt(cost.iterations())
        .putInt(cost.parallelism())
        .put((byte) salt.length)
        .put(salt);
    return block.clear();
  }

  /**
   * Writes the header block as the start of a new file, which H2 then opens as an empty encrypted
   * store. The channel must be new and empty.
   */
  void writeTo(FileChannel channel) throws IOException {
    ByteBuffer block = block();
    while (block.hasRemaining()) {
      channel.write(
          block, block.position()); // the block starts the file: buffer and file positions agree
    }
  }

  /** Creates a new database file holding only the header block, owner-only from its first byte. */
  void createFile(Path mvFile) throws IOException {
    try (FileChannel channel = OutputFile.createOwnerOnly(mvFile)) {
      writeTo(channel);
      channel.force(true);
    }
  }
}
