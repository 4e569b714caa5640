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
 * Run it as {@code java -cp target/mdt.jar:target/test-classes org.mdt.bench.H2Floor DIR ROWS}; it
 * prints the insert seconds and the whole process's (open and close included) on one line.
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
          "H2 floor, %d + %d rows: inserts %.2f s, process %.2f s%n",
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
