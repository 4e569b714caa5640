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

  private final Path file; // without the .mv.db suffix; null for a JDBC URL
  private final String url;

  private DatabaseLocation(Path file, String url) {
    this.file = file;
    this.url = url;
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
    return "jdbc:h2:file:" + file + FILE_SETTINGS + (create ? "" : ";IFEXISTS=TRUE");
  }

  String user() {
    return "sa";
  }

  String password() {
    return "";
  }

  boolean isFile() {
    return file != null;
  }

  void createParentDirectory() {
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
      Database.ownerOnly(Path.of(file + H2_SUFFIX));
    }
  }

  @Override
  public String toString() {
    return file != null ? file + H2_SUFFIX : url;
  }
}
