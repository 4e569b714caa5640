package org.mdt.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mdt.Json;
import org.mdt.Mdt;
import org.mdt.SharedData;

/**
 * Each synthetic roster of shared/data, imported alone into an empty database with one team, gives
 * the import counts and NCA numbers of its truth.json; importing it again changes nothing. (The
 * risk roster's {@code risk} figures wait for the risk report.)
 */
class TruthFilesTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      value = {
        "canonical-2025.xlsx, canonical-2025.truth.json, -",
        "county-2025.xlsx, county-2025.truth.json, -",
        "county-2025-cp1252.csv, county-2025-cp1252.truth.json, -",
        "county2-2025.xlsx, county2-2025.truth.json, county2.mapping.json",
        // its risk columns are DESIGN section 9's; its import counts and NCA figures hold already
        "risk-2025.xlsx, risk-2025.truth.json, -"
      })
  void importAndNcaMatchTruth(String roster, String truthFile, String mapping) {
    JsonNode truth = Json.read(SharedData.file(truthFile));
    Mdt mdt = new Mdt(dir).withTeam("Test MDT");
    List<String> args =
        new ArrayList<>(
            List.of("import", "roster", SharedData.file(roster).toString(), "--format", "json"));
    if (mapping != null) {
      args.addAll(List.of("--mapping", SharedData.file(mapping).toString()));
    }

    JsonNode first = Json.parse(mdt.ok(args.toArray(String[]::new)));
    for (String count : List.of("inserted", "duplicates", "rejected")) {
      assertEquals(truth.path("import").path(count).asInt(), first.path(count).asInt(), count);
    }
    assertEquals(
        first.path("read").asInt(),
        first.path("inserted").asInt()
            + first.path("updated").asInt()
            + first.path("unchanged").asInt()
            + first.path("duplicates").asInt()
            + first.path("rejected").asInt(),
        "every row read ends in exactly one outcome");

    Iterator<Map.Entry<String, JsonNode>> periods = truth.path("nca").fields();
    while (periods.hasNext()) {
      Map.Entry<String, JsonNode> period = periods.next();
      JsonNode nca =
          Json.parse(mdt.ok("report", "nca", "--period", period.getKey(), "--format", "json"));
      assertNca(period.getKey(), period.getValue(), nca);
    }

    JsonNode again = Json.parse(mdt.ok(args.toArray(String[]::new)));
    assertEquals(0, again.path("inserted").asInt(), "re-import inserts nothing");
    assertEquals(0, again.path("updated").asInt(), "re-import updates nothing");
    assertEquals(first.path("inserted").asInt(), again.path("unchanged").asInt());
    assertEquals(first.path("duplicates").asInt(), again.path("duplicates").asInt());
    assertEquals(first.path("rejected").asInt(), again.path("rejected").asInt());
  }

  /**
   * Every code the program reports equals the truth, where a code missing from the truth counts 0.
   */
  private static void assertNca(String period, JsonNode expected, JsonNode actual) {
    assertEquals(
        expected.path("newChildren").asInt(),
        actual.path("newChildren").asInt(),
        period + " newChildren");
    Iterator<Map.Entry<String, JsonNode>> breakdowns = actual.fields();
    while (breakdowns.hasNext()) {
      Map.Entry<String, JsonNode> breakdown = breakdowns.next();
      if (!breakdown.getValue().isObject() || breakdown.getKey().equals("period")) {
        continue;
      }
      breakdown
          .getValue()
          .fields()
          .forEachRemaining(
              code ->
                  assertEquals(
                      expected.path(breakdown.getKey()).path(code.getKey()).asInt(0),
                      code.getValue().asInt(),
                      period + " " + breakdown.getKey() + "." + code.getKey()));
      expected
          .path(breakdown.getKey())
          .fieldNames()
          .forEachRemaining(
              code -> {
                if (!breakdown.getValue().has(code)) {
                  throw new AssertionError(
                      period + " " + breakdown.getKey() + " lacks code " + code);
                }
              });
    }
    expected
        .fieldNames()
        .forEachRemaining(
            key -> {
              if (!actual.has(key)) {
                throw new AssertionError(period + " report lacks " + key);
              }
            });
  }
}
