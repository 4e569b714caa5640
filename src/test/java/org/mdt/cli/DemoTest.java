package org.mdt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;
import org.mdt.Pdfs;

/** mdt demo runs the main job end to end and writes every report, none of which names a child. */
class DemoTest {
  @TempDir Path dir;

  @Test
  void writesEveryReportFromTheExampleRosterAndCanRunAgain() throws Exception {
    Path out = dir.resolve("demo");
    Mdt mdt = new Mdt(dir);
    JsonNode files = Json.parse(mdt.ok("--format", "json", "demo", "--out", out.toString()));
    Set<String> names = new HashSet<>();
    for (JsonNode file : files) {
      Path path = Path.of(file.path("file").asText());
      assertTrue(
          Files.size(path) > 0 && Files.size(path) == file.path("bytes").asLong(), path.toString());
      names.add(path.getFileName().toString());
    }
    assertTrue(
        names.containsAll(
            List.of(
                "demo.mv.db",
                "roster-county2-2025.xlsx",
                "nca-2025H1.pdf",
                "voca-FY2025Q2.pdf",
                "monthly-2025-06.pdf",
                "accreditation-2025.pdf",
                "evaluation-2025.xlsx",
                "evaluation-records-2025.csv",
                "agenda-2025-01-07.pdf",
                "agenda-2025-01-07.ics")),
        names.toString());
    assertFalse(
        Files.exists(dir.resolve("mdt.mv.db")), "the demo never touches the user's database");

    // the demo did the job: meetings recorded with reviews and follow-ups, some closed
    Mdt demoDb = new Mdt(dir).env("MDT_DB", out.resolve("demo").toString());
    JsonNode meetings = Json.parse(demoDb.ok("--format", "json", "review", "list"));
    assertEquals(6, meetings.size()); // Tuesdays fortnightly from January 7th to March 18th 2025
    JsonNode followups = Json.parse(demoDb.ok("--format", "json", "followup", "list"));
    assertTrue(followups.size() > 0, "open follow-ups remain");
    assertTrue(Pdfs.text(out.resolve("accreditation-2025.pdf")).contains("Case review"));
    assertTrue(
        Pdfs.text(out.resolve("nca-2025H1.pdf"))
            .contains("NCA semi-annual statistics 2025H1 - All teams"));

    Set<String> childNames = new HashSet<>();
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:h2:file:" + out.resolve("demo") + ";IFEXISTS=TRUE", "sa", "");
        ResultSet rs =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT child_first_name, child_last_name, CAST(child_dob AS VARCHAR) FROM case_child")) {
      while (rs.next()) {
        for (int column = 1; column <= 3; column++) {
          if (rs.getString(column) != null && rs.getString(column).length() > 3) {
            childNames.add(rs.getString(column));
          }
        }
      }
    }
    assertTrue(childNames.size() > 100, "the roster has children: " + childNames.size());
    for (String pdf :
        List.of(
            "nca-2025H1.pdf",
            "voca-FY2025Q2.pdf",
            "monthly-2025-06.pdf",
            "accreditation-2025.pdf",
            "agenda-2025-01-07.pdf")) {
      String text = Pdfs.text(out.resolve(pdf));
      for (String name : childNames) {
        assertFalse(
            text.matches("(?s).*\\b" + java.util.regex.Pattern.quote(name) + "\\b.*"),
            pdf + " names " + name);
      }
    }

    // again into the same folder: a fresh database, the same reports
    assertEquals(0, mdt.run("demo", "--out", out.toString()).code());
    assertEquals(6, Json.parse(demoDb.ok("--format", "json", "review", "list")).size());
  }

  @Test
  void refusesAFolderThatHoldsSomethingElse() throws Exception {
    Path other = Files.createDirectories(dir.resolve("work"));
    Files.writeString(other.resolve("notes.txt"), "mine");
    Mdt.Result result = new Mdt(dir).run("demo", "--out", other.toString());
    assertEquals(2, result.code());
    assertTrue(result.err().contains("is not empty and holds no earlier demo"), result.err());
    assertEquals(
        List.of("notes.txt"), Files.list(other).map(p -> p.getFileName().toString()).toList());
  }
}
