package org.mdt.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import org.mdt.MdtException;
import org.mdt.crypto.SegmentedCipher;
import org.mdt.text.TerminalText;

/**
 * Backups as data, never code (docs/DESIGN.md section 7): every table's rows as JSON lines in a zip
 * with a manifest ({@link BackupFile}), engine-neutral so the same file moves a database between H2
 * and PostgreSQL. A restore builds a new database with mdt's own migrations in a private folder
 * beside the target, inserts the rows with prepared statements, checks every count, hash and the
 * audit chain, and only then moves it over the target. Nothing in a backup is ever handed to an SQL
 * interpreter.
 */
public final class Backups {
  /**
   * Every table of the schema, parents before children (the order rows are inserted in). A test
   * fails when a migration adds a table that is missing here, so no table is ever left out of a
   * backup.
   */
  static final List<String> TABLES =
      List.of(
          "team",
          "member",
          "roster_import",
          "mdt_case",
          "case_child",
          "meeting",
          "meeting_attendance",
          "meeting_case",
          "review_request",
          "recommendation",
          "followup",
          "followup_history",
          "setting",
          "review_baseline",
          "audit_log");

  /**
   * Tables a backup leaves out: Flyway's own, and import_replay, a cache of what the latest
   * import's file would give again, which holds only while the trail's head is that import's.
   */
  private static final List<String> NOT_BACKED_UP =
      List.of("flyway_schema_history", "import_replay");

  /** Tables whose identity column continues after the highest restored id. */
  private static final String IDENTITY = "id";

  private static final int BATCH = 1000;
  private static final int MAX_JSON_ENTRY_BYTES = 1 << 20;
  private static final long MAX_BATCH_BYTES = 16 << 20;
  private static final int COMMIT_EVERY = 50_000;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Backups() {}

  /** Rows per table, in {@link #TABLES} order: what a backup holds, or what a restore loaded. */
  public record RowCounts(Map<String, Long> perTable) {
    public long total() {
      return perTable.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * Writes a consistent copy of the database (one read transaction) to {@code out}, encrypted under
   * the passphrase when one is given (the database's own, when it is encrypted).
   */
  public static RowCounts write(
      Database database, char[] passphrase, OutputStream out, String mdtVersion) {
    Connection connection = database.connection();
    try {
      int isolation = connection.getTransactionIsolation();
      // a snapshot on PostgreSQL; on an H2 file no other process can write meanwhile
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setAutoCommit(false);
      try (ZipOutputStream zip = BackupFile.writer(out, passphrase)) {
        int schemaVersion = database.schemaVersion();
        ObjectNode format = formatNode(schemaVersion);
        format.put("mdtVersion", mdtVersion);
        zip.putNextEntry(BackupFile.entry(BackupFile.FORMAT_ENTRY));
        new BackupFile.EntryWriter(zip).line(BackupFile.JSON.writeValueAsBytes(format));
        zip.closeEntry();

        requireEveryTableKnown(connection);
        ObjectNode manifest = formatNode(schemaVersion);
        ArrayNode tables = manifest.putArray("tables");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
          zip.putNextEntry(BackupFile.entry(BackupFile.tableEntry(table)));
          BackupFile.EntryWriter entry = new BackupFile.EntryWriter(zip);
          long rows = writeTable(connection, table, entry);
          zip.closeEntry();
          tables.addObject().put("name", table).put("rows", rows).put("sha256", entry.sha256());
          counts.put(table, rows);
        }
        AuditLog.Head audit = AuditLog.head(connection);
        manifest.putObject("audit").put("lastId", audit.id()).put("lastHash", audit.hash());
        zip.putNextEntry(BackupFile.entry(BackupFile.MANIFEST_ENTRY));
        new BackupFile.EntryWriter(zip).line(BackupFile.JSON.writeValueAsBytes(manifest));
        zip.closeEntry();
        return new RowCounts(counts);
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
        connection.setTransactionIsolation(isolation);
      }
    } catch (SQLException e) {
      throw DbErrors.translate(e, database.location());
    } catch (IOException e) {
      throw MdtException.data("cannot write the backup: " + e.getMessage(), e);
    }
  }

  private static ObjectNode formatNode(int schemaVersion) {
    ObjectNode node = NODES.objectNode();
    node.put("format", BackupFile.FORMAT);
    node.put("formatVersion", BackupFile.FORMAT_VERSION);
    node.put("schemaVersion", schemaVersion);
    return node;
  }

  private static long writeTable(Connection connection, String table, BackupFile.EntryWriter entry)
      throws SQLException, IOException {
    List<String> columns = columns(connection, table);
    List<String> key = primaryKey(connection, table);
    entry.line(BackupFile.JSON.writeValueAsBytes(columns));
    long rows = 0;
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT "
                    + String.join(", ", columns)
                    + " FROM "
                    + table
                    + " ORDER BY "
                    + String.join(", ", key))) {
      ResultSetMetaData meta = rs.getMetaData();
      int[] types = new int[columns.size()];
      for (int i = 0; i < types.length; i++) {
        types[i] = meta.getColumnType(i + 1);
      }
      while (rs.next()) {
        ArrayNode row = NODES.arrayNode(types.length);
        for (int i = 0; i < types.length; i++) {
          row.add(value(rs, i + 1, types[i]));
        }
        entry.line(BackupFile.JSON.writeValueAsBytes(row));
        rows++;
      }
    }
    return rows;
  }

  /**
   * A column's value as JSON: numbers and booleans as such, dates and times as ISO text, null as
   * null.
   */
  private static JsonNode value(ResultSet rs, int column, int type) throws SQLException {
    JsonNode node =
        switch (type) {
          case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT ->
              NODES.numberNode(rs.getLong(column));
          case Types.BOOLEAN, Types.BIT -> NODES.booleanNode(rs.getBoolean(column));
          case Types.DATE -> text(rs.getObject(column, LocalDate.class));
          case Types.TIME -> text(rs.getObject(column, LocalTime.class));
          case Types.TIMESTAMP_WITH_TIMEZONE -> text(rs.getObject(column, OffsetDateTime.class));
          case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB ->
              NODES.textNode(rs.getString(column));
          default -> throw new IllegalStateException("backups do not know column type " + type);
        };
    return rs.wasNull() ? NODES.nullNode() : node;
  }

  private static JsonNode text(Object value) {
    return value == null ? NODES.nullNode() : NODES.textNode(value.toString());
  }

  /**
   * What the file is: a plain or an encrypted mdt backup; anything else is refused, saying what it
   * is.
   */
  private static BackupFile.Kind backupKind(Path backup) {
    return switch (kind(backup)) {
      case ENCRYPTED -> BackupFile.Kind.ENCRYPTED;
      case PLAIN -> BackupFile.Kind.PLAIN;
      case LEGACY_H2_SCRIPT ->
          throw MdtException.data(
              backup
                  + " is a backup from mdt 0.1 (an H2 SQL script), which"
                  + " mdt no longer runs because a script can carry code; convert it: restore it with mdt 0.1 into a new"
                  + " database file, then write a new backup of that file with this mdt ('mdt --db FILE init',"
                  + " 'mdt --db FILE backup NEW')");
      case UNKNOWN -> throw MdtException.data(backup + " is not an mdt backup");
    };
  }

  private static BackupFile.Kind kind(Path backup) {
    if (Files.exists(backup) && !Files.isRegularFile(backup)) {
      // a folder, or a FIFO that would block the read below forever
      throw MdtException.data(backup + " is not a regular file, so not an mdt backup");
    }
    try (InputStream in = Files.newInputStream(backup)) {
      return BackupFile.kind(in.readNBytes(BackupFile.kindProbeLength()));
    } catch (NoSuchFileException e) {
      throw MdtException.data("no such backup: " + backup);
    } catch (IOException e) {
      throw MdtException.data("cannot read backup " + backup + ": " + e.getMessage(), e);
    }
  }

  /** What a restore did: the rows restored, whether they are encrypted, and any warning. */
  public record Restored(RowCounts rows, boolean encrypted, List<String> warnings) {}

  /**
   * Rebuilds the backup as the database at {@code target}, which it replaces only when {@code
   * replace} is given. The result is encrypted when the backup or the database it replaces was,
   * under the passphrase {@code passphrase} supplies (asked for only then). Everything is checked
   * in a staging database in a private folder beside the target; only a backup that loads whole
   * replaces it. {@code audit} makes the trail of the restored database, which records the restore
   * and the audit rows of the replaced one it dropped.
   */
  public static Restored restore(
      Path backup,
      DatabaseLocation target,
      boolean replace,
      Supplier<char[]> passphrase,
      Function<Connection, AuditLog> audit) {
    Path base = target.baseFile();
    if (base == null) {
      throw MdtException.usage("restore writes an H2 file database, not " + target);
    }
    BackupFile.Kind kind = backupKind(backup);
    if (target.exists() && !replace) {
      throw MdtException.domain(
          "database " + target + " exists: add --force to replace it with " + backup);
    }
    boolean encryptedBackup = kind == BackupFile.Kind.ENCRYPTED;
    char[] key = encryptedBackup || target.isEncryptedFile() ? passphrase.get() : null;
    DatabaseLocation unlocked = key == null ? target : target.encryptedWith(key);
    Path folder = base.getParent();
    boolean newFolder = !Files.isDirectory(folder);
    target.createParentDirectory(); // the database's own folder, as 'mdt init' makes it (0700)
    try {
      return restoreInto(backup, kind, encryptedBackup ? key : null, unlocked, folder, audit);
    } catch (RuntimeException e) {
      if (newFolder) {
        try {
          Files.deleteIfExists(folder); // only when empty: a refused restore leaves nothing behind
        } catch (IOException ignored) {
          // not empty, or not ours to remove
        }
      }
      throw e;
    }
  }

  private static Restored restoreInto(
      Path backup,
      BackupFile.Kind kind,
      char[] passphrase,
      DatabaseLocation target,
      Path folder,
      Function<Connection, AuditLog> audit) {
    Path base = target.baseFile();
    Path privateFolder = null;
    // the target is opened first (its passphrase proven, its lock held) and kept open until it is
    // replaced,
    // so nothing written to it meanwhile is lost and no other process opens it half-way
    try (Database replaced = target.exists() ? Database.open(target, false, Duration.ZERO) : null) {
      // H2 creates the staging file with the process umask: in a 0700 folder nobody else can open
      // it
      privateFolder = Files.createTempDirectory(folder, "." + base.getFileName() + ".restoring-");
      DatabaseLocation staging =
          target.sibling(folder.relativize(privateFolder).resolve(base.getFileName()).toString());
      Loaded loaded;
      try (Database database = Database.open(staging, true, Duration.ZERO)) {
        loaded = load(backup, kind, passphrase, database);
        Map<String, AuditLog.Change> change = new LinkedHashMap<>();
        change.put("restored", new AuditLog.Change(null, backup.getFileName().toString()));
        change.put(
            "backupAuditHead",
            new AuditLog.Change(null, loaded.auditHead().id() + ":" + loaded.auditHead().hash()));
        if (!loaded.warnings().isEmpty()) {
          change.put("warnings", new AuditLog.Change(null, String.join("; ", loaded.warnings())));
        }
        if (replaced != null) {
          change.put(
              "droppedAuditRows",
              new AuditLog.Change(
                  null, droppedAuditRows(replaced.connection(), loaded.auditHead())));
        }
        database.inTransaction(
            connection -> {
              audit.apply(connection).updated("database", 0, change);
              return null;
            });
      }
      staging.restrictFilePermissions();
      DatabaseFiles.replace(staging.mvFile(), target.mvFile());
      target.restrictFilePermissions();
      return new Restored(loaded.rows(), target.isEncrypted(), loaded.warnings());
    } catch (IOException e) {
      throw MdtException.data("cannot restore to " + target + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw DbErrors.translate(e, target);
    } finally {
      DatabaseFiles.deleteQuietly(privateFolder);
    }
  }

  private record Loaded(RowCounts rows, AuditLog.Head auditHead, List<String> warnings) {}

  /**
   * Reads the whole backup into the empty staging database, checking everything the manifest says.
   */
  private static Loaded load(
      Path backup, BackupFile.Kind kind, char[] passphrase, Database staging) {
    String what = "backup " + backup;
    try (InputStream file = Files.newInputStream(backup)) {
      BackupFile.Opened opened = BackupFile.reader(file, kind, passphrase);
      ZipEntry first = opened.zip().getNextEntry();
      if (first == null || !first.getName().equals(BackupFile.FORMAT_ENTRY)) {
        throw new BackupFile.Damaged("it does not begin with " + BackupFile.FORMAT_ENTRY);
      }
      JsonNode format = readJson(opened, BackupFile.FORMAT_ENTRY);
      int schemaVersion = checkFormat(format);
      staging.migrateTo(schemaVersion);
      Map<String, String> hashes = new LinkedHashMap<>();
      Map<String, Long> counts = new LinkedHashMap<>();
      JsonNode manifest = null;
      Connection connection = staging.connection();
      connection.setAutoCommit(false);
      ZipEntry entry;
      while ((entry = opened.zip().getNextEntry()) != null) {
        String name = entry.getName();
        if (manifest != null) {
          throw new BackupFile.Damaged("it has " + name + " after its manifest");
        }
        if (name.equals(BackupFile.MANIFEST_ENTRY)) {
          manifest = readJson(opened, name);
          continue;
        }
        String table = tableOf(name);
        if (counts.containsKey(table)) {
          throw new BackupFile.Damaged("it has " + name + " twice");
        }
        BackupFile.EntryReader reader = new BackupFile.EntryReader(opened, name);
        counts.put(table, loadTable(connection, table, reader));
        hashes.put(table, reader.sha256());
      }
      connection.commit();
      connection.setAutoCommit(true);
      if (manifest == null) {
        throw new BackupFile.Damaged("it has no manifest (the file is cut short)");
      }
      checkManifest(manifest, schemaVersion, counts, hashes);
      for (String table : TABLES) {
        if (!counts.containsKey(table) && !columns(connection, table).isEmpty()) {
          throw new BackupFile.Damaged(
              "it has no table " + table + ", which every backup of its schema holds");
        }
      }
      continueIdentities(connection);
      if (schemaVersion < Database.SCHEMA_VERSION) {
        staging.migrate();
      }
      staging.requireCurrentSchema();
      List<String> warnings = new ArrayList<>();
      AuditLog.Verification chain = AuditLog.verify(connection);
      if (!chain.intact()) {
        warnings.add(
            "the audit trail in " + backup.getFileName() + " is broken: " + chain.problem());
      }
      JsonNode audit = manifest.path("audit");
      AuditLog.Head named =
          new AuditLog.Head(
              audit.path("lastId").isIntegralNumber() ? audit.path("lastId").asLong() : null,
              audit.path("lastHash").asText(null));
      // the head the restore record names must be the last row as stored, even where the chain is
      // broken
      if (!named.equals(AuditLog.head(connection))) {
        throw new BackupFile.Damaged("its audit trail does not end where its manifest says");
      }
      return new Loaded(new RowCounts(counts), named, warnings);
    } catch (BackupFile.WrongPassphrase e) {
      throw MdtException.data("wrong passphrase for " + what);
    } catch (BackupFile.Damaged
        | SegmentedCipher.Tampered
        | ZipException
        | JsonProcessingException e) {
      throw MdtException.data(
          what + " is damaged or was altered, and was not restored: " + e.getMessage(), e);
    } catch (java.io.EOFException e) {
      throw MdtException.data(what + " is cut short, and was not restored", e);
    } catch (IOException e) {
      throw MdtException.data("cannot read " + what + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      if (DbErrors.isRowData(e)) {
        throw MdtException.data(
            what
                + " is damaged or was altered, and was not restored: its rows do not fit the"
                + " schema ("
                + DbErrors.firstLine(e.getMessage())
                + ")",
            e);
      }
      // a full disk or an I/O error of the staging database: the backup may be fine
      throw MdtException.data(
          "could not restore "
              + what
              + "; the database is unchanged: "
              + DbErrors.translate(e, staging.location()).getMessage(),
          e);
    }
  }

  private static int checkFormat(JsonNode format) throws BackupFile.Damaged {
    if (format == null || !BackupFile.FORMAT.equals(format.path("format").asText())) {
      throw new BackupFile.Damaged("it is not an mdt backup");
    }
    if (!format.path("formatVersion").isInt() || !format.path("schemaVersion").isInt()) {
      throw new BackupFile.Damaged("its format or schema version is not a whole number");
    }
    if (format.path("formatVersion").asInt() != BackupFile.FORMAT_VERSION) {
      throw new BackupFile.Damaged(
          "it has backup format "
              + format.path("formatVersion")
              + "; this mdt reads "
              + BackupFile.FORMAT_VERSION);
    }
    int schemaVersion = format.path("schemaVersion").asInt();
    if (schemaVersion > Database.SCHEMA_VERSION) {
      throw new BackupFile.Damaged(
          "it was written by a newer mdt (schema version " + schemaVersion + "); upgrade mdt");
    }
    if (schemaVersion < Database.FIRST_BACKUP_SCHEMA) {
      throw new BackupFile.Damaged(
          "it names schema version " + schemaVersion + ", older than any mdt backup");
    }
    return schemaVersion;
  }

  private static void checkManifest(
      JsonNode manifest, int schemaVersion, Map<String, Long> counts, Map<String, String> hashes)
      throws BackupFile.Damaged {
    checkFormat(manifest);
    if (manifest.path("schemaVersion").asInt() != schemaVersion) {
      throw new BackupFile.Damaged(
          "its manifest and its format entry name different schema versions");
    }
    Set<String> listed = new HashSet<>();
    for (JsonNode table : manifest.path("tables")) {
      String name = table.path("name").asText();
      if (!listed.add(name) || !counts.containsKey(name)) {
        throw new BackupFile.Damaged(
            "its manifest lists table '" + name + "' that it does not hold");
      }
      if (table.path("rows").asLong(-1) != counts.get(name)) {
        throw new BackupFile.Damaged(
            "table "
                + name
                + " has "
                + counts.get(name)
                + " rows; its manifest says "
                + table.path("rows"));
      }
      if (!hashes.get(name).equals(table.path("sha256").asText())) {
        throw new BackupFile.Damaged(
            "table " + name + " does not match its SHA-256 in the manifest");
      }
    }
    if (!listed.equals(counts.keySet())) {
      throw new BackupFile.Damaged("its manifest does not list every table it holds");
    }
  }

  private static String tableOf(String entryName) throws BackupFile.Damaged {
    for (String table : TABLES) {
      if (entryName.equals(BackupFile.tableEntry(table))) {
        return table;
      }
    }
    throw new BackupFile.Damaged(
        "it holds '"
            + TerminalText.quoted(TerminalText.safe(entryName))
            + "', which is no table of mdt's");
  }

  private static JsonNode readJson(BackupFile.Opened opened, String name) throws IOException {
    BackupFile.EntryReader reader = new BackupFile.EntryReader(opened, name);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    byte[] line;
    while ((line = reader.nextLine()) != null) {
      bytes.write(line);
      if (bytes.size() > MAX_JSON_ENTRY_BYTES) {
        throw new BackupFile.Damaged(name + " is larger than any manifest mdt writes");
      }
    }
    return BackupFile.JSON.readTree(bytes.toByteArray());
  }

  /**
   * Inserts one table's rows; its first line names the columns, which must be exactly the schema's.
   */
  private static long loadTable(Connection connection, String table, BackupFile.EntryReader reader)
      throws IOException, SQLException {
    byte[] first = reader.nextLine();
    if (first == null) {
      throw new BackupFile.Damaged("table " + table + " has no column line");
    }
    JsonNode named = BackupFile.JSON.readTree(first);
    Map<String, Integer> types = columnTypes(connection, table);
    Set<String> schema = types.keySet();
    List<String> given = new ArrayList<>();
    for (JsonNode column : named) {
      given.add(column.asText());
    }
    if (!named.isArray()
        || !new HashSet<>(given).equals(new HashSet<>(schema))
        || given.size() != schema.size()) {
      List<String> unknown = new ArrayList<>(given);
      unknown.removeAll(schema);
      throw new BackupFile.Damaged(
          "table "
              + table
              + " has columns mdt's schema does not: "
              + TerminalText.quoted(
                  TerminalText.safe(
                      unknown.isEmpty()
                          ? "(a column is missing or repeated)"
                          : String.join(", ", unknown))));
    }
    // the names are mdt's own (the file's equal them exactly), in the order the file gives them
    int[] columnTypes = given.stream().mapToInt(types::get).toArray();
    long rows = 0;
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO "
                + table
                + " ("
                + String.join(", ", given)
                + ") VALUES ("
                + "?, ".repeat(given.size() - 1)
                + "?)")) {
      byte[] line;
      long batchedBytes = 0;
      while ((line = reader.nextLine()) != null) {
        JsonNode row = BackupFile.JSON.readTree(line);
        rows++;
        batchedBytes += line.length;
        if (row == null || !row.isArray() || row.size() != given.size()) {
          throw new BackupFile.Damaged(
              "table " + table + " row " + rows + " does not have " + given.size() + " values");
        }
        for (int i = 0; i < columnTypes.length; i++) {
          bind(insert, i + 1, columnTypes[i], row.get(i), table, rows, given.get(i));
        }
        insert.addBatch();
        // rows of up to 4 MiB each: a batch is bounded by bytes too, or 1,000 of them would fill
        // the heap
        if (rows % BATCH == 0 || batchedBytes > MAX_BATCH_BYTES) {
          insert.executeBatch();
          batchedBytes = 0;
        }
        if (rows % COMMIT_EVERY == 0) {
          connection.commit();
        }
      }
      insert.executeBatch();
    }
    return rows;
  }

  private static void bind(
      PreparedStatement insert,
      int index,
      int type,
      JsonNode value,
      String table,
      long row,
      String column)
      throws SQLException, BackupFile.Damaged {
    if (value.isNull()) {
      insert.setNull(index, type);
      return;
    }
    try {
      switch (type) {
        case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
          if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("not a whole number");
          }
          insert.setLong(index, value.asLong());
        }
        case Types.BOOLEAN, Types.BIT -> {
          if (!value.isBoolean()) {
            throw new IllegalArgumentException("not true or false");
          }
          insert.setBoolean(index, value.asBoolean());
        }
        case Types.DATE -> insert.setObject(index, LocalDate.parse(textOf(value)));
        case Types.TIME -> insert.setObject(index, LocalTime.parse(textOf(value)));
        case Types.TIMESTAMP_WITH_TIMEZONE ->
            insert.setObject(index, OffsetDateTime.parse(textOf(value)));
        case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB ->
            insert.setString(index, textOf(value));
        default -> throw new IllegalStateException("backups do not know column type " + type);
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new BackupFile.Damaged(
          "table " + table + " row " + row + " column " + column + ": " + e.getMessage());
    }
  }

  private static String textOf(JsonNode value) {
    if (!value.isTextual()) {
      throw new IllegalArgumentException("not text");
    }
    return value.asText();
  }

  /** New rows after a restore get ids after the restored ones. */
  private static void continueIdentities(Connection connection) throws SQLException {
    for (String table : TABLES) {
      if (!columns(connection, table).contains(IDENTITY)) {
        continue;
      }
      long next;
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
        rs.next();
        next = rs.getLong(1);
      }
      try (Statement st = connection.createStatement()) {
        st.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
      }
    }
  }

  /**
   * The audit rows of the database being replaced that the backup does not hold: those written
   * after the backup (ids past its last), or all of them when its chain is not the backup's
   * (another database).
   */
  private static String droppedAuditRows(Connection replaced, AuditLog.Head backupHead)
      throws SQLException {
    boolean descendant = backupHead.id() == null;
    if (!descendant) {
      try (PreparedStatement query =
          replaced.prepareStatement("SELECT row_hash FROM audit_log WHERE id = ?")) {
        query.setLong(1, backupHead.id());
        try (ResultSet rs = query.executeQuery()) {
          descendant = rs.next() && backupHead.hash().equals(rs.getString(1));
        }
      }
    }
    long after = descendant && backupHead.id() != null ? backupHead.id() : Long.MIN_VALUE;
    List<long[]> ranges = new ArrayList<>();
    long count = 0;
    try (PreparedStatement query =
        replaced.prepareStatement("SELECT id FROM audit_log WHERE id > ? ORDER BY id")) {
      query.setLong(1, after);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          count++;
          long[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
          if (last != null && last[1] == id - 1) {
            last[1] = id;
          } else {
            ranges.add(new long[] {id, id});
          }
        }
      }
    }
    StringBuilder text =
        new StringBuilder(
            count
                + (descendant
                    ? " written since the backup"
                    : " (the replaced" + " database's trail does not continue the backup's)"));
    for (int i = 0; i < ranges.size(); i++) {
      long[] range = ranges.get(i);
      text.append(i == 0 ? ": ids " : ", ")
          .append(range[0])
          .append(range[0] == range[1] ? "" : "-" + range[1]);
    }
    return text.toString();
  }

  private static void requireEveryTableKnown(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    try (ResultSet rs = meta.getTables(null, connection.getSchema(), "%", null)) {
      while (rs.next()) {
        if (!rs.getString("TABLE_TYPE").toUpperCase(Locale.ROOT).endsWith("TABLE")) {
          continue;
        }
        String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (!TABLES.contains(table) && !NOT_BACKED_UP.contains(table)) {
          throw new IllegalStateException("table " + table + " is missing from Backups.TABLES");
        }
      }
    }
  }

  /** A table's columns in the schema's order, lower-case. */
  static List<String> columns(Connection connection, String table) throws SQLException {
    return new ArrayList<>(columnTypes(connection, table).keySet());
  }

  private static Map<String, Integer> columnTypes(Connection connection, String table)
      throws SQLException {
    Map<String, Integer> columns = new LinkedHashMap<>();
    DatabaseMetaData meta = connection.getMetaData();
    for (String name : new String[] {table.toUpperCase(Locale.ROOT), table}) {
      try (ResultSet rs = meta.getColumns(null, connection.getSchema(), name, "%")) {
        while (rs.next()) {
          columns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE"));
        }
      }
      if (!columns.isEmpty()) {
        break;
      }
    }
    return columns;
  }

  private static List<String> primaryKey(Connection connection, String table) throws SQLException {
    Map<Short, String> key = new java.util.TreeMap<>();
    DatabaseMetaData meta = connection.getMetaData();
    for (String name : new String[] {table.toUpperCase(Locale.ROOT), table}) {
      try (ResultSet rs = meta.getPrimaryKeys(null, connection.getSchema(), name)) {
        while (rs.next()) {
          key.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        }
      }
      if (!key.isEmpty()) {
        break;
      }
    }
    return key.isEmpty() ? columns(connection, table) : new ArrayList<>(key.values());
  }
}
