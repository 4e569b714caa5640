package org.mdt.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Cancellation;

/** Work on a second connection beside the command's own (Database.alongside). */
class AlongsideTest {
  /** A query that would run for hours: only a cancel ends it. */
  private static final String ENDLESS =
      "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000000000) WHERE MOD(X, 2) = 2";

  /** SQLSTATE of a statement cancelled (Ctrl-C, or the work closed before its end). */
  private static final String CANCELLED = "57014";

  @TempDir Path dir;
  private DatabaseLocation location;

  @BeforeEach
  void create() {
    location = DatabaseLocation.of(dir.resolve("mdt").toString(), Map.of());
    try (Database created = Database.open(location, true, Duration.ZERO)) {
      created.migrate();
      created.inTransaction(
          c -> {
            try (Statement statement = c.createStatement()) {
              return statement.executeUpdate(
                  "INSERT INTO team (name, name_key, created_at) VALUES ('North MDT', 'north mdt',"
                      + " CURRENT_TIMESTAMP), ('South MDT', 'south mdt', CURRENT_TIMESTAMP)");
            }
          });
    }
  }

  @Test
  void readsTheSameDatabaseOnAnotherConnectionAndThread() throws Exception {
    try (Database database = Database.openToRead(location, Duration.ZERO);
        Database.Alongside<String> names =
            database.alongside(
                second -> {
                  assertTrue(second != database.connection());
                  return Thread.currentThread().getName() + ":" + count(second);
                })) {
      assertEquals("mdt-alongside:2", names.join());
      assertEquals(2, count(database.connection()), "the command's own connection still works");
    }
  }

  @Test
  void aFailureOfTheWorkIsThrownByJoin() throws Exception {
    try (Database database = Database.openToRead(location, Duration.ZERO);
        Database.Alongside<Integer> broken =
            database.alongside(second -> count(second, "SELECT COUNT(*) FROM no_such_table"))) {
      SQLException failure = assertThrows(SQLException.class, broken::join);
      assertTrue(failure.getMessage().contains("NO_SUCH_TABLE"), failure.getMessage());
    }
  }

  @Test
  void closingStopsWorkTheCommandNoLongerWaitsFor() throws Exception {
    try (Database database = Database.openToRead(location, Duration.ZERO)) {
      CountDownLatch started = new CountDownLatch(1);
      Database.Alongside<Integer> endless =
          database.alongside(
              second -> {
                started.countDown();
                return count(second, ENDLESS);
              });
      started.await();
      assertTimeoutPreemptively(Duration.ofSeconds(30), endless::close);
      assertEquals(CANCELLED, assertThrows(SQLException.class, endless::join).getSQLState());
    }
  }

  @Test
  void ctrlCCancelsTheWorkBeside() throws Exception {
    Cancellation ctrlC = new Cancellation();
    try (Database database = Database.openToRead(location, Duration.ZERO)) {
      database.stopOn(ctrlC);
      CountDownLatch started = new CountDownLatch(1);
      try (Database.Alongside<Integer> endless =
          database.alongside(
              second -> {
                started.countDown();
                return count(second, ENDLESS);
              })) {
        started.await();
        ctrlC.request();
        SQLException cancelled =
            assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> assertThrows(SQLException.class, endless::join));
        assertEquals(CANCELLED, cancelled.getSQLState());
      }
    }
  }

  private static int count(java.sql.Connection connection) throws SQLException {
    return count(connection, "SELECT COUNT(*) FROM team");
  }

  private static int count(java.sql.Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
