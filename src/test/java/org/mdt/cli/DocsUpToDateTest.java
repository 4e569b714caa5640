package org.mdt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed completions/ and man/ are what the build generates from the commands today
 * (DocsGenerator and asciidoctor write target/docs in process-test-classes), and they work: bash
 * completes from the script, man renders the pages.
 */
class DocsUpToDateTest {
  private static final Path GENERATED = Path.of("target", "docs");
  private static final String REGENERATE =
      " is out of date with the commands or docs/man/: run 'mvn -B -q package -DskipTests"
          + " && cp target/docs/completions/* completions/ && rm man/* && cp target/docs/man/* man/' and commit";

  @Test
  void completionScriptIsTheGeneratedOne() throws IOException {
    assertEquals(
        read(GENERATED.resolve("completions/mdt_completion")),
        read(Path.of("completions/mdt_completion")),
        "completions/mdt_completion" + REGENERATE);
  }

  @Test
  void manPagesAreTheGeneratedOnes() throws IOException {
    Set<String> generated = names(GENERATED.resolve("man"));
    assertTrue(
        generated.contains("mdt.1") && generated.contains("mdt-review-schedule.1"),
        generated.toString());
    assertEquals(generated, names(Path.of("man")), "man/" + REGENERATE);
    for (String page : generated) {
      assertEquals(
          read(GENERATED.resolve("man").resolve(page)),
          read(Path.of("man", page)),
          "man/" + page + REGENERATE);
    }
  }

  @Test
  void everyCommandHasAPage() throws IOException {
    Set<String> expected = new TreeSet<>();
    collect(DocsGenerator.commandLine().getCommandSpec(), expected);
    assertEquals(expected, names(Path.of("man")));
  }

  private static void collect(picocli.CommandLine.Model.CommandSpec spec, Set<String> pages) {
    pages.add(spec.qualifiedName("-") + ".1");
    spec.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), pages));
  }

  /** The test the issue asks for: source the script in bash and ask it about "mdt re<TAB>". */
  @Test
  void bashCompletesFromTheScript() throws Exception {
    assertEquals(List.of("rekey", "report", "restore", "review"), bash("mdt re"));
    assertEquals(List.of("schedule"), bash("mdt review sch"));
    assertTrue(bash("mdt report nca --").containsAll(List.of("--period", "--team", "--out")));
  }

  /** Issue 15 item 5: member add --discipline<TAB> offers the codes. */
  @Test
  void bashCompletesTheDisciplines() throws Exception {
    assertTrue(
        bash("mdt member add --discipline ")
            .containsAll(
                List.of("law_enforcement", "child_protective_services", "victim_advocacy")));
  }

  private static List<String> bash(String line) throws Exception {
    String[] words = line.split(" ", -1);
    // compopt only works inside a real completion: a no-op stands in for it here
    String script =
        "source completions/mdt_completion\ncompopt() { :; }\n"
            + "COMP_WORDS=("
            + String.join(" ", words)
            + (line.endsWith(" ") ? "''" : "")
            + ")\n"
            + "COMP_CWORD="
            + (words.length - 1)
            + "\nCOMP_LINE='"
            + line
            + "'\nCOMP_POINT="
            + line.length()
            + "\n"
            + "_complete_mdt\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
    Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, bash.waitFor(), out);
    return out.lines()
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .sorted()
        .collect(Collectors.toList());
  }

  /** "man -l" renders each page without a warning (when man is installed; CI installs it). */
  @Test
  void manRendersThePages() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/man")), "man is not installed");
    for (String page : List.of("mdt.1", "mdt-report-voca.1")) {
      Process man =
          new ProcessBuilder("man", "-l", "--warnings", "man/" + page)
              .redirectError(ProcessBuilder.Redirect.PIPE)
              .start();
      man.getOutputStream().close();
      String text = new String(man.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String warnings = new String(man.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, man.waitFor(), warnings);
      assertEquals("", warnings, page);
      assertTrue(text.contains("NAME") && text.contains("SYNOPSIS"), text);
    }
  }

  /**
   * Issue 15 item 15: every page passes mandoc's lint with warnings on (when mandoc is installed;
   * CI installs it).
   */
  @Test
  void mandocFindsNothingToWarnAbout() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/mandoc")), "mandoc is not installed");
    for (String page : names(Path.of("man"))) {
      Process mandoc =
          new ProcessBuilder("mandoc", "-T", "lint", "-W", "warning", "man/" + page)
              .redirectErrorStream(true)
              .start();
      String messages = new String(mandoc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, mandoc.waitFor(), messages);
      assertEquals("", messages, page);
    }
  }

  /**
   * Issue 15 items 5 and 15: a dated header, a synopsis whose labels survive, the sections a man
   * page has.
   */
  @Test
  void pagesAreDatedWithWholeSynopsesAndTheUsualSections() throws IOException {
    for (String page : names(Path.of("man"))) {
      assertTrue(
          read(Path.of("man", page))
              .lines()
              .anyMatch(line -> line.matches("\\.TH \".*\" 1 \"\\d{4}-\\d{2}-\\d{2}\" .*")),
          page + " has no date");
    }
    String record = read(Path.of("man", "mdt-review-record.1"));
    assertTrue(record.contains("\\fICASE:OWNER:DUE:TEXT\\fR"), record);
    assertTrue(read(Path.of("man", "mdt-review-schedule.1")).contains("\\fIHH:MM\\fR"));
    for (String page :
        List.of("mdt.1", "mdt-import-roster.1", "mdt-review-record.1", "mdt-report-nca.1")) {
      String text = read(Path.of("man", page));
      for (String section :
          List.of("DESCRIPTION", "EXAMPLES", "EXIT STATUS", "ENVIRONMENT", "FILES")) {
        assertTrue(text.contains(".SH \"" + section + "\""), page + " lacks " + section);
      }
    }
    // a subcommand's page lists its own options and points to mdt(1) for the global ones
    assertFalse(record.contains("passphrase\\-file\\fR="), record);
  }

  private static Set<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
