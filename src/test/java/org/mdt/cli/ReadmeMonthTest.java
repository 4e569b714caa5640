package org.mdt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;

/**
 * The README's "coordinator's month" runs as printed: each line of its block, on the day its
 * comment names, through the real command factory on a fresh database. Only paths move: the example
 * roster is read from the repository and the files written land in the test's folder.
 */
class ReadmeMonthTest {
  private static final Pattern DAY = Pattern.compile("# \\d+\\. (Sep|Oct) (\\d+)");
  @TempDir Path dir;

  @Test
  void theCoordinatorsMonthRunsAsPrinted() throws Exception {
    List<String> lines = block(Files.readString(Path.of("README.md")));
    Mdt mdt = new Mdt(dir);
    String day = "2025-09-22";
    int commands = 0;
    for (String line : lines) {
      Matcher named = DAY.matcher(line);
      if (named.find()) {
        day =
            "2025-"
                + (named.group(1).equals("Sep") ? "09" : "10")
                + "-"
                + String.format(Locale.ROOT, "%02d", Integer.parseInt(named.group(2)));
      }
      List<String> words = words(line);
      if (words.isEmpty() || !words.get(0).equals("mdt")) {
        continue; // the alias and the trial database's export
      }
      List<String> args = new ArrayList<>();
      for (String word : words.subList(1, words.size())) {
        args.add(placed(word));
      }
      Mdt.Result result = mdt.at(day + "T17:00:00Z").run(args.toArray(String[]::new));
      assertEquals(
          0, result.code(), "mdt " + String.join(" ", args) + " on " + day + ": " + result.err());
      commands++;
      if (args.get(0).equals("review") && args.get(1).equals("request")) {
        JsonNode agenda = Json.parse(mdt.ok("review", "agenda", "2", "--format", "json"));
        assertEquals(
            "25-1185",
            agenda.path("cases").path(0).path("caseNumber").asText(),
            "the request goes first");
      }
    }
    assertEquals(17, commands, "every line of the block ran");
    assertTrue(
        mdt.ok("followup", "list", "--format", "csv").contains("done"),
        "step 10 closed the follow-up");
    for (String file :
        List.of(
            "rejects.csv",
            "agenda.pdf",
            "invite.ics",
            "monthly-2025-09.pdf",
            "nca-2025H1.xlsx",
            "mdt-2025-10-09.mdtbak")) {
      assertTrue(Files.size(dir.resolve(file)) > 0, file);
    }
  }

  /** The lines of the month's shell block, continuation lines joined. */
  private static List<String> block(String readme) {
    String section = readme.substring(readme.indexOf("### A coordinator's month"));
    section = section.substring(section.indexOf("```sh") + 5);
    section = section.substring(0, section.indexOf("```"));
    return List.of(section.replace("\\\n", " ").strip().split("\n"));
  }

  /** A line's shell words, quotes removed, up to its comment. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else if (c == '#' && word == null) {
        break;
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  /** The example roster from the repository; a file the line writes, in the test's folder. */
  private String placed(String word) {
    if (word.startsWith("examples/")) {
      return Path.of(word).toAbsolutePath().toString();
    }
    return word.matches("[\\w.-]+\\.(csv|pdf|ics|xlsx|mdtbak)")
        ? dir.resolve(word).toString()
        : word;
  }
}
