package org.mdt.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * What H2 itself needs to store a roster (issue 22's floor): mdt's own H2, a fresh JVM, N case rows
 * and N child rows of the roster's width with a primary key only, JDBC batches of 1,000, a commit
 * per 10,000, WRITE_DELAY=0. An import's time is measured against this one, taken in the same run.
 * Run it as {@code java -cp target/mdt.jar:target/test-classes org.mdt.bench.H2Floor DIR ROWS
 * [indexed]}; it prints the insert seconds and the whole process's (open and close included) on one
 * line. With {@code indexed} the tables also carry the secondary indexes of mdt's schema, which
 * tells how much of an import's distance to the floor is index upkeep.
 */
public final class H2Floor {
  private static final int CASE_TEXT_COLUMNS = 16;
  private static final int CHILD_TEXT_COLUMNS = 20;
  private static final int CHILD_DATE_COLUMNS = 8;
  private static final int BATCH = 1_000;
  private static final int COMMIT_EVERY = 10_000;

  private H2Floor() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Path dir = Files.createDirectories(Path.of(args[0]));
    int rows = Integer.parseInt(args[1]);
    boolean withIndexes = args.length > 2 && args[2].equals("indexed");
    Path db = dir.resolve("floor");
    Files.deleteIfExists(Path.of(db + ".mv.db"));
    try (Connection connection =
        DriverManager.getConnection(
            "jdbc:h2:file:" + db + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0", "sa", "")) {
      try (Statement ddl = connection.createStatement()) {
        ddl.execute(
            "CREATE TABLE c (id BIGINT PRIMARY KEY"
                + columns("t", CASE_TEXT_COLUMNS, "VARCHAR(200)")
                + ")");
        ddl.execute(
            "CREATE TABLE ch (id BIGINT PRIMARY KEY, case_id BIGINT"
                + columns("t", CHILD_TEXT_COLUMNS, "VARCHAR(200)")
                + columns("d", CHILD_DATE_COLUMNS, "DATE")
                + ")");
        if (withIndexes) {
          // the secondary indexes mdt's schema keeps on the two tables (V1, V2): what the floor
          // would be if it had to maintain them
          ddl.execute("CREATE UNIQUE INDEX c_key ON c (t0, t1)");
          ddl.execute("CREATE INDEX c_team ON c (t0)");
          ddl.execute("CREATE INDEX ch_case ON ch (case_id)");
          ddl.execute("CREATE INDEX ch_first ON ch (case_id, d0, t0)");
          ddl.execute(
              "CREATE INDEX ch_report ON ch (d0, t0, case_id, d1, t1, t2, t3, t4, t5, t6, t7, t8,"
                  + " d2, d3, d4, d5)");
        }
      }
      connection.setAutoCommit(false);
      long inserts = System.nanoTime();
      try (PreparedStatement cases =
              connection.prepareStatement(
                  "INSERT INTO c VALUES (?" + ", ?".repeat(CASE_TEXT_COLUMNS) + ")");
          PreparedStatement children =
              connection.prepareStatement(
                  "INSERT INTO ch VALUES (?, ?"
                      + ", ?".repeat(CHILD_TEXT_COLUMNS + CHILD_DATE_COLUMNS)
                      + ")")) {
        LocalDate day = LocalDate.of(2020, 1, 1);
        for (int i = 1; i <= rows; i++) {
          cases.setLong(1, i);
          for (int c = 0; c < CASE_TEXT_COLUMNS; c++) {
            cases.setString(2 + c, "case value " + c + " of " + i);
          }
          cases.addBatch();
          children.setLong(1, i);
          children.setLong(2, i);
          for (int c = 0; c < CHILD_TEXT_COLUMNS; c++) {
            children.setString(3 + c, "child value " + c + " of " + i);
          }
          for (int c = 0; c < CHILD_DATE_COLUMNS; c++) {
            children.setObject(3 + CHILD_TEXT_COLUMNS + c, day.plusDays(i % 2000 + c));
          }
          children.addBatch();
          if (i % BATCH == 0 || i == rows) {
            cases.executeBatch();
            children.executeBatch();
          }
          if (i % COMMIT_EVERY == 0 || i == rows) {
            connection.commit();
          }
        }
      }
      double insertSeconds = (System.nanoTime() - inserts) / 1e9;
      connection.close();
      System.out.printf(
          java.util.Locale.ROOT,
          "H2 floor%s, %d + %d rows: inserts %.2f s, process %.2f s%n",
          withIndexes ? " with mdt's indexes" : "",
          rows,
          rows,
          insertSeconds,
          (System.nanoTime() - start) / 1e9);
    }
  }

  private static String columns(String prefix, int count, String type) {
    StringBuilder columns = new StringBuilder();
    for (int i = 0; i < count; i++) {
      columns.append(", ").append(prefix).append(i).append(' ').append(type);
    }
    return columns.toString();
  }
}
