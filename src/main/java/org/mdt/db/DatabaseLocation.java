package org.mdt.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import org.mdt.MdtException;
import org.mdt.io.OwnerOnly;

/**
 * Where the database is: an H2 file (the usual case) or a JDBC URL given as is. The file form gets
 * the settings this data needs: every commit on disk before it is reported (WRITE_DELAY=0), no
 * trace file (H2 would write failing SQL, with children's names in it, beside the database), and no
 * silent creation of an empty database by a command that expected one.
 */
public final class DatabaseLocation {
  private static final String H2_SUFFIX = ".mv.db";
  private static final String FILE_SETTINGS = ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0";
  private static final String H2_URL = "jdbc:h2:";

  /** H2's URL kinds other than a plain file: in memory, over the network, inside archives, ... */
  private static final Pattern H2_URL_KIND = Pattern.compile("[A-Za-z][A-Za-z0-9]+:.*");

  private final Path file; // without the .mv.db suffix; null for a JDBC URL
  private final String url;
  private final String h2Key; // H2's file password; null for a file that is not encrypted
  private final KeyHeader
      keyHeader; // how h2Key was derived; null when not encrypted or by the old scheme
  private final String shownAs; // the name in messages; null for the file's own

  private DatabaseLocation(Path file, String url) {
    this(file, url, null, null);
  }

  private DatabaseLocation(Path file, String url, String h2Key, KeyHeader keyHeader) {
    this(file, url, h2Key, keyHeader, null);
  }

  private DatabaseLocation(
      Path file, String url, String h2Key, KeyHeader keyHeader, String shownAs) {
    this.file = file;
    this.url = url;
    this.h2Key = h2Key;
    this.keyHeader = keyHeader;
    this.shownAs = shownAs;
  }

  /**
   * From {@code --db} (or {@code MDT_DB}): a path, the same as a {@code jdbc:h2:file:} URL, a
   * {@code jdbc:postgresql:} URL given as is, or blank for the default. H2 settings after a ';' are
   * refused: they would run at every open (INIT=RUNSCRIPT ...) or drop the settings this data
   * needs.
   */
  public static DatabaseLocation of(String spec, Map<String, String> env) {
    if (spec == null || spec.isBlank()) {
      return new DatabaseLocation(defaultPath(env), null);
    }
    if (spec.startsWith("jdbc:postgresql:")) {
      return new DatabaseLocation(null, spec);
    }
    if (spec.startsWith("jdbc:") && !spec.startsWith(H2_URL)) {
      throw MdtException.usage(
          "--db takes a path, a jdbc:h2:file: URL or a jdbc:postgresql: URL, not " + spec);
    }
    String path = spec.startsWith(H2_URL) ? h2FilePath(spec) : spec;
    if (path.contains(";")) {
      throw MdtException.usage(
          "--db takes a path without ';' settings (mdt chooses the database's settings): " + spec);
    }
    if (path.isBlank()) {
      throw MdtException.usage("--db has no path: " + spec);
    }
    if (path.endsWith(H2_SUFFIX)) {
      path = path.substring(0, path.length() - H2_SUFFIX.length());
    }
    return new DatabaseLocation(Path.of(path).toAbsolutePath().normalize(), null);
  }

  /**
   * The file a {@code jdbc:h2:file:PATH} or {@code jdbc:h2:PATH} URL names, with H2's '~' for home.
   */
  private static String h2FilePath(String url) {
    String path = url.substring(H2_URL.length());
    if (path.startsWith("file:")) {
      path = path.substring("file:".length());
    } else if (H2_URL_KIND.matcher(path).matches()) {
      throw MdtException.usage("--db takes an H2 file (jdbc:h2:file:PATH or a path), not " + url);
    }
    if (path.equals("~") || path.startsWith("~/")) {
      path = System.getProperty("user.home") + path.substring(1);
    }
    return path;
  }

  /** {@code ${XDG_DATA_HOME:-~/.local/share}/mdt/mdt}, as docs/DESIGN.md section 1 says. */
  static Path defaultPath(Map<String, String> env) {
    String dataHome = env.get("XDG_DATA_HOME");
    Path base =
        dataHome != null && !dataHome.isBlank()
            ? Path.of(dataHome)
            : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("mdt").resolve("mdt").toAbsolutePath().normalize();
  }

  String jdbcUrl(boolean create) {
    if (url != null) {
      return url;
    }
    return "jdbc:h2:file:"
        + file
        + FILE_SETTINGS
        + (h2Key == null ? "" : ";CIPHER=AES")
        + (create ? "" : ";IFEXISTS=TRUE");
  }

  /**
   * The URL for a roster import; a JDBC URL as given. H2's background compaction is off: during an
   * import it rewrote chunks the import only read (a re-import of 100,000 unchanged rows grew the
   * file by up to 24 MB, 40%, and took a fifth longer), and a large import is compacted at its end.
   */
  String importJdbcUrl() {
    return url != null ? url : jdbcUrl(false) + ";AUTO_COMPACT_FILL_RATE=0";
  }

  /** The URL that opens the file for reading only; a JDBC URL as given. */
  String readOnlyJdbcUrl() {
    return url != null ? url : jdbcUrl(false) + ";ACCESS_MODE_DATA=r";
  }

  String user() {
    return "sa";
  }

  /** H2 takes "filePassword userPassword" for an encrypted file; the user password stays empty. */
  String password() {
    return h2Key == null ? "" : h2Key + " ";
  }

  /**
   * The same file opened with AES encryption (H2 CIPHER=AES) under a key derived from the
   * passphrase: Argon2id with the salt and cost recorded in the file, or a new salt for a file not
   * yet encrypted (written into it when it is created). A file encrypted by the old scheme (no
   * record) gets its old key.
   */
  public DatabaseLocation encryptedWith(char[] passphrase) {
    requireFile();
    KeyHeader.Found found = exists() ? KeyHeader.read(mvFile()) : new KeyHeader.Found(false, null);
    if (found.encrypted() && found.header() == null) {
      return new DatabaseLocation(file, null, sha256Hex(passphrase), null);
    }
    return keyed(passphrase, found.encrypted() ? found.header() : KeyHeader.fresh());
  }

  /** The same file under a new key: a fresh salt, the current cost. */
  DatabaseLocation withNewKey(char[] passphrase) {
    requireFile();
    return keyed(passphrase, KeyHeader.fresh());
  }

  private DatabaseLocation keyed(char[] passphrase, KeyHeader header) {
    return new DatabaseLocation(file, null, header.h2Key(passphrase), header);
  }

  private void requireFile() {
    if (file == null) {
      throw MdtException.usage("encryption applies to an H2 file database, not " + url);
    }
  }

  /**
   * The passphrase's SHA-256 in hex: the whole key of the old scheme (before the salted Argon2id
   * key).
   */
  private static String sha256Hex(char[] passphrase) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
    byte[] utf8 = Arrays.copyOf(encoded.array(), encoded.limit());
    Arrays.fill(encoded.array(), (byte) 0);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    } finally {
      Arrays.fill(utf8, (byte) 0);
    }
  }

  /**
   * Another database file in the same folder with the same key: created by {@link Database#open},
   * it gets this one's key record, so it opens with the same passphrase and can be moved over this
   * file.
   */
  DatabaseLocation sibling(String name) {
    return new DatabaseLocation(file.resolveSibling(name), null, h2Key, keyHeader);
  }

  /**
   * A copy of this file in {@code folder} ({@link ImportCopy}): the same key, and named in messages
   * as this file, which it stands for.
   */
  DatabaseLocation copyIn(Path folder) {
    return new DatabaseLocation(
        folder.resolve(file.getFileName()), null, h2Key, keyHeader, toString());
  }

  long fileSize() {
    try {
      return exists() ? Files.size(mvFile()) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /** Whether the database file exists. */
  public boolean exists() {
    return file != null && Files.exists(mvFile());
  }

  /**
   * Whether the database file exists and is H2-encrypted (it starts with H2's encryption header).
   */
  public boolean isEncryptedFile() {
    return exists() && KeyHeader.read(mvFile()).encrypted();
  }

  public boolean isEncrypted() {
    return h2Key != null;
  }

  /** Whether the key is the old scheme's (an unsalted SHA-256): {@code mdt rekey} replaces it. */
  public boolean isLegacyKey() {
    return h2Key != null && keyHeader == null;
  }

  Path mvFile() {
    return Path.of(file + H2_SUFFIX);
  }

  /** The file without the .mv.db suffix, as H2's tools name a database; null for a JDBC URL. */
  public Path baseFile() {
    return file;
  }

  String h2Key() {
    return h2Key;
  }

  /**
   * The key record a new file at this location starts with; null when not encrypted or by the old
   * scheme.
   */
  KeyHeader keyHeader() {
    return keyHeader;
  }

  boolean isFile() {
    return file != null;
  }

  /** Creates the folder the file goes in, readable by its owner only. */
  public void createParentDirectory() {
    if (file == null) {
      return;
    }
    Path dir = file.getParent();
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        OwnerOnly.restrict(dir);
      }
    } catch (IOException e) {
      throw MdtException.data("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The database file is readable by its owner only: it holds children's names and allegations. */
  void restrictFilePermissions() {
    if (file != null) {
      OwnerOnly.restrict(mvFile());
    }
  }

  /**
   * Whether no other user can enter the database's folder (no group or other execute bit), so a
   * file H2 writes there with the process umask cannot be opened by them. True where permissions
   * are not POSIX.
   */
  boolean inPrivateFolder() {
    if (file == null) {
      return false;
    }
    try {
      java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions =
          Files.getPosixFilePermissions(file.getParent());
      return !permissions.contains(java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE)
          && !permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
    } catch (UnsupportedOperationException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A short name for a prompt: the file's name, or the JDBC URL. */
  public String displayName() {
    return file != null ? file.getFileName() + H2_SUFFIX : url;
  }

  /**
   * Where {@code mdt shell} keeps this database's history: beside the file; null for a JDBC URL.
   */
  public Path historyFile() {
    return file == null ? null : Path.of(file + ".history");
  }

  @Override
  public String toString() {
    if (shownAs != null) {
      return shownAs;
    }
    return file != null ? file + H2_SUFFIX : url;
  }
}
