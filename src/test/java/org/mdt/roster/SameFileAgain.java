package org.mdt.roster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.mdt.Json;
import org.mdt.Mdt;

/**
 * Checks the recorded outcome of importing the latest import's file again (docs/DESIGN.md section
 * 3.11) against the same import reading every row: in a copy of the database without that outcome.
 */
public final class SameFileAgain {
  /** How stderr says an import gave a recorded outcome. */
  public static final String NOTE = "the same file as import ";

  private SameFileAgain() {}

  /**
   * Imports {@code roster} again into the database in {@code dbDir} (which must give the recorded
   * outcome) and into a copy of it without that outcome (which reads the rows), with {@code
   * options}, and checks that both print the same summary, problems and rejects file and leave the
   * same cases and import records. Files go under {@code scratch}. Returns the first import.
   */
  public static Mdt.Result assertAsReading(
      Mdt mdt, Path dbDir, Path scratch, Path roster, List<String> options)
      throws IOException, SQLException {
    Path work = Files.createTempDirectory(scratch, "again-");
    Path copy = Files.createDirectories(work.resolve("db"));
    Files.copy(dbDir.resolve("mdt.mv.db"), copy.resolve("mdt.mv.db"));
    try (Connection connection = connect(copy);
        Statement statement = connection.createStatement()) {
      assertEquals(1, statement.executeUpdate("DELETE FROM import_replay"), "a recorded outcome");
    }
    Mdt reading = new Mdt(copy);

    Mdt.Result replayed = mdt.run(args(roster, work.resolve("replayed"), options));
    Mdt.Result read = reading.run(args(roster, work.resolve("read"), options));
    assertEquals(read.code(), replayed.code(), replayed.err());
    assertEquals(0, read.code(), read.err());
    assertTrue(replayed.err().contains(NOTE), replayed.err());
    assertFalse(read.err().contains(NOTE), read.err());
    assertEquals(read.out(), replayed.out());
    assertEquals(
        stderr(read.err(), work.resolve("read")), stderr(replayed.err(), work.resolve("replayed")));
    assertArrayEquals(
        Files.readAllBytes(work.resolve("read").resolve("rejects.csv")),
        Files.readAllBytes(work.resolve("replayed").resolve("rejects.csv")));
    JsonNode summary = Json.parse(read.out());
    assertEquals(
        0, summary.path("inserted").asInt(), "reading the same file again inserts nothing");
    assertEquals(0, summary.path("updated").asInt(), "nor updates anything");
    assertEquals(
        reading.ok("case", "list", "--format", "json"), mdt.ok("case", "list", "--format", "json"));
    assertEquals(imports(copy), imports(dbDir));
    return replayed;
  }

  private static String[] args(Path roster, Path out, List<String> options) throws IOException {
    Files.createDirectories(out);
    List<String> args =
        new ArrayList<>(
            List.of(
                "import",
                "roster",
                roster.toString(),
                "--format",
                "json",
                "-v",
                "--rejects",
                out.resolve("rejects.csv").toString()));
    args.addAll(options);
    return args.toArray(String[]::new);
  }

  /** What an import said on stderr, but the note that it gave a recorded outcome and its folder. */
  private static String stderr(String err, Path out) {
    return Arrays.stream(err.split("\n"))
        .filter(line -> !line.startsWith(NOTE))
        .map(line -> line.replace(out.toString(), "OUT"))
        .collect(Collectors.joining("\n"));
  }

  /** The counts each import recorded, oldest first. */
  private static List<String> imports(Path dbDir) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = connect(dbDir);
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT file_name, read_rows, inserted, updated, unchanged, duplicates, rejected,"
                    + " warnings FROM roster_import ORDER BY id")) {
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
          row.add(rs.getString(i));
        }
        rows.add(String.join(",", row));
      }
    }
    return rows;
  }

  private static Connection connect(Path dbDir) throws SQLException {
    return DriverManager.getConnection("jdbc:h2:file:" + dbDir.resolve("mdt"), "sa", "");
  }
}
