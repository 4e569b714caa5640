package org.mdt.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.mdt.crypto.KeyDerivation;
import org.mdt.crypto.SegmentedCipher;

/**
 * The container of an mdt backup (README "Backup format"), which mdt reads with its own code and
 * never hands to an interpreter: a zip of a format entry, one JSON-lines entry per table and a
 * manifest with each entry's row count and SHA-256; for an encrypted database the zip is sealed
 * with AES-256-GCM in segments under an Argon2id key from the passphrase, behind a short header.
 * Knows nothing of databases: {@link Backups} turns tables into entries and back.
 */
final class BackupFile {
  static final String FORMAT = "mdt-backup";
  static final int FORMAT_VERSION = 1;
  static final String FORMAT_ENTRY = "mdt-backup.json";
  static final String MANIFEST_ENTRY = "manifest.json";
  static final String TABLE_PREFIX = "tables/";
  static final String TABLE_SUFFIX = ".jsonl";

  private static final byte[] ENCRYPTED_MAGIC =
      "MDT-BACKUP-AES1\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

  /** How an mdt 0.1 backup began: H2's SCRIPT output, encrypted or deflated (zlib). */
  private static final byte[] LEGACY_ENCRYPTED =
      "-- H2 0.5/B --".getBytes(StandardCharsets.US_ASCII);

  private static final int MAX_HEADER_BYTES = 4096;

  /**
   * A row longer than this is not one mdt wrote (the longest text column is 100,000 characters).
   */
  static final int MAX_LINE_BYTES = 4 << 20;

  /**
   * Inflated bytes per stored byte beyond which an entry is a zip bomb, not rows (JSON rows deflate
   * ~5-10x).
   */
  private static final long MAX_INFLATION = 200;

  private static final long INFLATION_ALLOWANCE = 16 << 20;

  /** Strict: trailing text after a value, or a key twice in an object, is not what mdt writes. */
  static final ObjectMapper JSON =
      com.fasterxml.jackson.databind.json.JsonMapper.builder()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private BackupFile() {}

  /** What a file is, judged by its first bytes. */
  enum Kind {
    PLAIN,
    ENCRYPTED,
    LEGACY_H2_SCRIPT,
    UNKNOWN
  }

  static Kind kind(byte[] start) {
    if (startsWith(start, ZIP_MAGIC)) {
      return Kind.PLAIN;
    }
    if (startsWith(start, ENCRYPTED_MAGIC)) {
      return Kind.ENCRYPTED;
    }
    boolean zlib =
        start.length >= 2
            && (start[0] & 0xFF) == 0x78
            && ((start[0] & 0xFF) * 256 + (start[1] & 0xFF)) % 31 == 0;
    return startsWith(start, LEGACY_ENCRYPTED) || zlib ? Kind.LEGACY_H2_SCRIPT : Kind.UNKNOWN;
  }

  static int kindProbeLength() {
    return ENCRYPTED_MAGIC.length;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** Something in the file is not what mdt writes: a damaged, altered or foreign file. */
  static final class Damaged extends IOException {
    Damaged(String message) {
      super(message);
    }
  }

  /** The passphrase does not open this backup (its key check differs). */
  static final class WrongPassphrase extends IOException {
    WrongPassphrase() {
      super("wrong passphrase");
    }
  }

  /**
   * The zip stream a backup is written into: plain, or behind the encryption header when a
   * passphrase is given.
   */
  static ZipOutputStream writer(OutputStream sink, char[] passphrase) throws IOException {
    OutputStream body = sink;
    if (passphrase != null) {
      byte[] salt = KeyDerivation.newSalt();
      byte[] noncePrefix = KeyDerivation.randomBytes(SegmentedCipher.NONCE_PREFIX_BYTES);
      KeyDerivation.Cost cost = KeyDerivation.Cost.DEFAULT;
      byte[] key = KeyDerivation.argon2id(passphrase, salt, cost, SegmentedCipher.KEY_BYTES);
      ObjectNode header = JSON.createObjectNode();
      header.put("kdf", "argon2id");
      header.put("memoryKiB", cost.memoryKiB());
      header.put("iterations", cost.iterations());
      header.put("parallelism", cost.parallelism());
      header.put("salt", Base64.getEncoder().encodeToString(salt));
      header.put("cipher", "aes-256-gcm-segmented");
      header.put("noncePrefix", Base64.getEncoder().encodeToString(noncePrefix));
      header.put("keyCheck", Base64.getEncoder().encodeToString(SegmentedCipher.keyCheck(key)));
      byte[] headerBytes = headerBytes(JSON.writeValueAsBytes(header));
      sink.write(headerBytes);
      body = SegmentedCipher.encrypting(sink, key, noncePrefix, headerBytes);
      Arrays.fill(key, (byte) 0);
    }
    ZipOutputStream zip = new ZipOutputStream(body, StandardCharsets.UTF_8);
    zip.setLevel(Deflater.BEST_SPEED);
    return zip;
  }

  /** The magic, the header's length and the header: all of it is the segments' associated data. */
  private static byte[] headerBytes(byte[] json) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(ENCRYPTED_MAGIC);
    out.writeInt(json.length);
    out.write(json);
    return bytes.toByteArray();
  }

  /**
   * The zip inside a backup: a plain one as it is, an encrypted one opened with the passphrase
   * (null when {@code kind} is plain). Every later byte of an encrypted file is verified before it
   * is used.
   */
  static Opened reader(InputStream source, Kind kind, char[] passphrase) throws IOException {
    InputStream in = new BufferedInputStream(source, 1 << 16);
    if (kind == Kind.ENCRYPTED) {
      DataInputStream data = new DataInputStream(in);
      byte[] magic = SegmentedCipher.readExactly(data, ENCRYPTED_MAGIC.length);
      int length = data.readInt();
      if (!Arrays.equals(magic, ENCRYPTED_MAGIC) || length <= 0 || length > MAX_HEADER_BYTES) {
        throw new Damaged("its encryption header is not mdt's");
      }
      byte[] json = SegmentedCipher.readExactly(data, length);
      JsonNode header;
      try {
        header = JSON.readTree(json);
      } catch (JsonProcessingException e) {
        throw new Damaged("its encryption header is not valid JSON");
      }
      if (header == null
          || !"argon2id".equals(header.path("kdf").asText())
          || !"aes-256-gcm-segmented".equals(header.path("cipher").asText())) {
        throw new Damaged("it names a key derivation or cipher mdt does not use");
      }
      byte[] key;
      byte[] noncePrefix;
      byte[] keyCheck;
      try {
        KeyDerivation.Cost cost =
            new KeyDerivation.Cost(
                    header.path("memoryKiB").asInt(),
                    header.path("iterations").asInt(),
                    header.path("parallelism").asInt())
                .checked();
        byte[] salt = Base64.getDecoder().decode(header.path("salt").asText());
        noncePrefix = Base64.getDecoder().decode(header.path("noncePrefix").asText());
        keyCheck = Base64.getDecoder().decode(header.path("keyCheck").asText());
        if (salt.length < 16 || noncePrefix.length != SegmentedCipher.NONCE_PREFIX_BYTES) {
          throw new IllegalArgumentException("salt or nonce of the wrong length");
        }
        key = KeyDerivation.argon2id(passphrase, salt, cost, SegmentedCipher.KEY_BYTES);
      } catch (IllegalArgumentException e) {
        throw new Damaged("its encryption header is not mdt's (" + e.getMessage() + ")");
      }
      if (!MessageDigest.isEqual(keyCheck, SegmentedCipher.keyCheck(key))) {
        throw new WrongPassphrase();
      }
      in = SegmentedCipher.decrypting(data, key, noncePrefix, headerBytes(json));
      Arrays.fill(key, (byte) 0);
    }
    InflationLimit stored = new InflationLimit(in);
    return new Opened(new ZipInputStream(stored, StandardCharsets.UTF_8), stored);
  }

  /** An opened backup's zip, and the count of stored bytes it has taken so far. */
  record Opened(ZipInputStream zip, InflationLimit stored) {}

  /**
   * Counts the stored bytes a zip reader takes (for the whole file, a bound on every entry); {@link
   * EntryReader} compares them with what it inflates, so a few kilobytes that inflate to gigabytes
   * are refused long before the disk fills.
   */
  static final class InflationLimit extends FilterInputStream {
    long consumed;

    InflationLimit(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        consumed++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        consumed += n;
      }
      return n;
    }
  }

  /** Reads one entry's lines, hashing every byte, within the limits above. */
  static final class EntryReader {
    private final ZipInputStream zip;
    private final InflationLimit stored;
    private final String name;
    private final MessageDigest sha256;
    private final byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private long inflated;
    private boolean eof;

    EntryReader(Opened opened, String name) {
      this.zip = opened.zip();
      this.stored = opened.stored();
      this.name = name;
      try {
        this.sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has SHA-256", e);
      }
    }

    /** The next line without its newline, or null at the entry's end. */
    byte[] nextLine() throws IOException {
      ByteArrayOutputStream line = null;
      while (true) {
        for (int i = start; i < end; i++) {
          if (buffer[i] == '\n') {
            byte[] tail = Arrays.copyOfRange(buffer, start, i);
            start = i + 1;
            if (line == null) {
              return tail;
            }
            line.write(tail);
            return line.toByteArray();
          }
        }
        if (line == null) {
          line = new ByteArrayOutputStream();
        }
        line.write(buffer, start, end - start);
        if (line.size() > MAX_LINE_BYTES) {
          throw new Damaged(name + " has a line longer than " + (MAX_LINE_BYTES >> 20) + " MiB");
        }
        start = 0;
        end = 0;
        if (eof || !fill()) {
          if (line.size() > 0) {
            throw new Damaged(name + " does not end with a newline");
          }
          return null;
        }
      }
    }

    private boolean fill() throws IOException {
      int n = zip.read(buffer, 0, buffer.length);
      if (n < 0) {
        eof = true;
        return false;
      }
      sha256.update(buffer, 0, n);
      inflated += n;
      if (inflated > INFLATION_ALLOWANCE + MAX_INFLATION * stored.consumed) {
        throw new Damaged(
            name + " inflates more than " + MAX_INFLATION + " times: not a backup mdt wrote");
      }
      end = n;
      return true;
    }

    /** The SHA-256 of everything read, in hex; call once the entry is read to its end. */
    String sha256() {
      return HexFormat.of().formatHex(sha256.digest());
    }
  }

  /** An entry's content, hashed as it is written. */
  static final class EntryWriter {
    private final OutputStream out;
    private final MessageDigest sha256;

    EntryWriter(OutputStream out) {
      this.out = out;
      try {
        this.sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has SHA-256", e);
      }
    }

    void line(byte[] bytes) throws IOException {
      out.write(bytes);
      out.write('\n');
      sha256.update(bytes);
      sha256.update((byte) '\n');
    }

    String sha256() {
      return HexFormat.of().formatHex(sha256.digest());
    }
  }

  /** The name of a table's entry. */
  static String tableEntry(String table) {
    return TABLE_PREFIX + table + TABLE_SUFFIX;
  }

  static ZipEntry entry(String name) {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(
        0); // the same data gives the same bytes, whenever it was backed up (bar the format entry)
    return entry;
  }
}
