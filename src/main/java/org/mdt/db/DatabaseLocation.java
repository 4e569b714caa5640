package org.mdt.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.mdt.MdtException;

/**
 * Where the database is: an H2 file (the usual case) or a JDBC URL given as is. The file form gets the
 * settings this data needs: every commit on disk before it is reported (WRITE_DELAY=0), no trace file
 * (H2 would write failing SQL, with children's names in it, beside the database), and no silent creation
 * of an empty database by a command that expected one.
 */
public final class DatabaseLocation {
  private static final String H2_SUFFIX = ".mv.db";
  private static final String FILE_SETTINGS = ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0";

  private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final Path file; // without the .mv.db suffix; null for a JDBC URL
  private final String url;
  private final String fileKey; // null for a file that is not encrypted

  private DatabaseLocation(Path file, String url) {
    this(file, url, null);
  }

  private DatabaseLocation(Path file, String url, String fileKey) {
    this.file = file;
    this.url = url;
    this.fileKey = fileKey;
  }

  /** From {@code --db} (or {@code MDT_DB}): a JDBC URL, a path, or blank for the default. */
  public static DatabaseLocation of(String spec, Map<String, String> env) {
    if (spec == null || spec.isBlank()) {
      return new DatabaseLocation(defaultPath(env), null);
    }
    if (spec.startsWith("jdbc:")) {
      return new DatabaseLocation(null, spec);
    }
    String path = spec.endsWith(H2_SUFFIX) ? spec.substring(0, spec.length() - H2_SUFFIX.length()) : spec;
    return new DatabaseLocation(Path.of(path).toAbsolutePath().normalize(), null);
  }

  /** {@code ${XDG_DATA_HOME:-~/.local/share}/mdt/mdt}, as DESIGN section 1 says. */
  static Path defaultPath(Map<String, String> env) {
    String dataHome = env.get("XDG_DATA_HOME");
    Path base = dataHome != null && !dataHome.isBlank()
        ? Path.of(dataHome)
        : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("mdt").resolve("mdt").toAbsolutePath().normalize();
  }

  String jdbcUrl(boolean create) {
    if (url != null) {
      return url;
    }
    return "jdbc:h2:file:" + file + FILE_SETTINGS + (fileKey == null ? "" : ";CIPHER=AES")
        + (create ? "" : ";IFEXISTS=TRUE");
  }

  String user() {
    return "sa";
  }

  /** H2 takes "filePassword userPassword" for an encrypted file; the user password stays empty. */
  String password() {
    return fileKey == null ? "" : fileKey + " ";
  }

  /**
   * The same file opened with AES encryption (H2 CIPHER=AES) under a key derived from the passphrase.
   * The key is the passphrase's SHA-256 in hex: H2 splits its password at the first space, and people's
   * passphrases have spaces.
   */
  public DatabaseLocation encryptedWith(char[] passphrase) {
    if (file == null) {
      throw MdtException.usage("encryption applies to an H2 file database, not " + url);
    }
    return new DatabaseLocation(file, null, fileKey(passphrase));
  }

  static String fileKey(char[] passphrase) {
    try {
      java.nio.ByteBuffer bytes = java.nio.charset.StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(passphrase));
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
          java.util.Arrays.copyOf(bytes.array(), bytes.limit()));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Another database file in the same folder, with the same key. */
  DatabaseLocation sibling(String name) {
    return new DatabaseLocation(file.resolveSibling(name), null, fileKey);
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

  /** Whether the database file exists and is H2-encrypted (it starts with H2's encryption header). */
  public boolean isEncryptedFile() {
    if (!exists()) {
      return false;
    }
    try (java.io.InputStream in = Files.newInputStream(mvFile())) {
      return java.util.Arrays.equals(in.readNBytes(ENCRYPTED_HEADER.length), ENCRYPTED_HEADER);
    } catch (IOException e) {
      throw MdtException.data("cannot read " + mvFile() + ": " + e.getMessage(), e);
    }
  }

  public boolean isEncrypted() {
    return fileKey != null;
  }

  Path mvFile() {
    return Path.of(file + H2_SUFFIX);
  }

  /** The file without the .mv.db suffix, as H2's tools name a database; null for a JDBC URL. */
  public Path baseFile() {
    return file;
  }

  String fileKey() {
    return fileKey;
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
        Database.ownerOnly(dir);
      }
    } catch (IOException e) {
      throw MdtException.data("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The database file is readable by its owner only: it holds children's names and allegations. */
  void restrictFilePermissions() {
    if (file != null) {
      Database.ownerOnly(mvFile());
    }
  }

  /**
   * Whether no other user can enter the database's folder (no group or other execute bit), so a file H2
   * writes there with the process umask cannot be opened by them. True where permissions are not POSIX.
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

  /** The folder mdt keeps its own files in when no --db says otherwise (the shell's history too). */
  public static Path defaultDirectory(Map<String, String> env) {
    return defaultPath(env).getParent();
  }

  @Override
  public String toString() {
    return file != null ? file + H2_SUFFIX : url;
  }
}
