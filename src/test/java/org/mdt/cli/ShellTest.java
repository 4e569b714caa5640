package org.mdt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Mdt;
import org.mdt.roster.ImportListener;

/**
 * mdt shell on JLine's dumb terminal with piped input: commands run, and tab completes from the
 * database.
 */
class ShellTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private CliContext context;

  @BeforeEach
  void database() throws Exception {
    Mdt mdt = new Mdt(dir);
    mdt.ok("init");
    mdt.ok("team", "add", "North MDT");
    mdt.ok("team", "add", "South MDT");
    mdt.ok(
        "member",
        "add",
        "--team",
        "North MDT",
        "--name",
        "Dana Reyes",
        "--discipline",
        "DCF",
        "--agency",
        "DCF");
    mdt.ok(
        "member",
        "add",
        "--team",
        "South MDT",
        "--name",
        "Sam Ortiz",
        "--discipline",
        "LE",
        "--agency",
        "PD");
    Path roster =
        Files.writeString(
            dir.resolve("r.csv"),
            "case_number,referral_date,child_first_name\n"
                + "25-1042,2025-03-01,Ana\n25-1043,2025-03-02,Bo\n26-0001,2026-01-05,Cy\n");
    mdt.ok("import", "roster", roster.toString(), "--team", "North MDT");
    context = context("mdt", ImportListener.NONE);
  }

  /**
   * A context as main builds one, on database {@code name} in the test's folder, at the tests' day.
   */
  private CliContext context(String name, ImportListener importListener) {
    return new CliContext(
        new PrintWriter(out, true),
        new PrintWriter(err, true),
        Map.of(
            "MDT_DB",
            dir.resolve(name).toString(),
            "XDG_DATA_HOME",
            dir.resolve("xdg").toString(),
            "MDT_LOCK_WAIT",
            "0"),
        Clock.fixed(Mdt.NOW, ZoneOffset.UTC),
        false,
        importListener);
  }

  /**
   * A dumb terminal on piped input with its echo off, as a real terminal's is while JLine reads a
   * line. The input is held back until echo is off: the dumb terminal may start reading as soon as
   * it is built.
   */
  private Terminal terminal(String input, ByteArrayOutputStream screen) throws Exception {
    CountDownLatch echoOff = new CountDownLatch(1);
    InputStream held =
        new FilterInputStream(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))) {
          @Override
          public int read() throws IOException {
            await(echoOff);
            return super.read();
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            await(echoOff);
            return super.read(buffer, offset, length);
          }
        };
    Terminal terminal =
        TerminalBuilder.builder()
            .system(false)
            .dumb(true)
            .encoding(StandardCharsets.UTF_8)
            .streams(held, screen)
            .build();
    terminal.echo(false);
    echoOff.countDown();
    return terminal;
  }

  private static void await(CountDownLatch latch) throws IOException {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException();
    }
  }

  @Test
  void runsCommandsWithTheTeamInUseAndLeavesOnExit() throws Exception {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (Terminal terminal =
        terminal(
            "use North MDT\ncase list --format csv\nmember list --format csv\n"
                + "case show 25-1O42\nexit\nteam list\n",
            screen)) {
      assertEquals(0, new Shell(context, terminal, null).run());
    }
    String shown = screen.toString(StandardCharsets.UTF_8);
    assertTrue(
        shown.contains("mdt mdt.mv.db [North MDT]> "), shown); // the prompt names database and team
    String results = out.toString();
    assertTrue(results.contains("25-1042") && results.contains("26-0001"), results);
    assertTrue(
        results.contains("Dana Reyes") && !results.contains("Sam Ortiz"),
        results); // --team defaulted
    assertFalse(results.contains("South MDT"), "nothing after exit ran: " + results);
    // an unknown case number suggests the near ones
    assertTrue(
        err.toString().contains("unknown case 25-1O42 in team North MDT; did you mean 25-1042?"),
        err.toString());
    Path history = dir.resolve("mdt.history");
    assertTrue(
        Files.readString(history).contains("case list --format csv"),
        "history is kept beside the database");
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
  }

  /**
   * Each database has its own history, beside it: one shared file would show one team's cases to
   * another.
   */
  @Test
  void eachDatabaseHasItsOwnHistory() throws Exception {
    new Mdt(dir).env("MDT_DB", dir.resolve("other").toString()).ok("init");
    CliContext other = context("other", ImportListener.NONE);
    try (Terminal terminal =
        terminal("case show 25-1042 --team \"North MDT\"\nexit\n", new ByteArrayOutputStream())) {
      assertEquals(0, new Shell(context, terminal, null).run());
    }
    try (Terminal terminal = terminal("team list\nexit\n", new ByteArrayOutputStream())) {
      assertEquals(0, new Shell(other, terminal, null).run());
    }
    assertTrue(Files.readString(dir.resolve("mdt.history")).contains("25-1042"));
    String otherHistory = Files.readString(dir.resolve("other.history"));
    assertTrue(
        otherHistory.contains("team list") && !otherHistory.contains("25-1042"), otherHistory);
    assertFalse(
        Files.exists(dir.resolve("xdg/mdt/history")), "no history shared between databases");
  }

  /**
   * A command the shell runs draws its progress line as it would outside the shell, stderr being a
   * terminal.
   */
  @Test
  void commandsInTheShellShowProgress() throws Exception {
    ImportListener slow =
        (rowsRead, rowNumber) -> {
          if (rowsRead == 1) {
            try {
              Thread.sleep(1600); // past the second after which progress appears
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    CliContext atTerminal = context("mdt", slow);
    atTerminal.setProgressOnStderr(true);
    // a roster not imported before: the set-up's own would be the latest import's outcome again,
    // given without reading a row
    Path later =
        Files.writeString(
            dir.resolve("later.csv"),
            "case_number,referral_date,child_first_name\n25-1044,2025-03-03,Di\n");
    try (Terminal terminal =
        terminal(
            "import roster " + later + " --team \"North MDT\"\nexit\n",
            new ByteArrayOutputStream())) {
      assertEquals(0, new Shell(atTerminal, terminal, null).run());
    }
    assertTrue(err.toString().contains("\rimporting later.csv ["), err.toString());
  }

  /**
   * Ctrl-C while a command runs cancels that command only: its import rolls back, it says
   * "cancelled", and the shell goes on to the next line (before, the signal killed the whole
   * shell).
   */
  @Test
  void ctrlCCancelsTheRunningCommandAndTheShellStays() throws Exception {
    Path roster =
        Files.writeString(
            dir.resolve("more.csv"),
            "case_number,referral_date,child_first_name\n"
                + "26-0100,2026-02-01,Di\n26-0101,2026-02-02,Ed\n26-0102,2026-02-03,Flo\n");
    Terminal[] shellTerminal = new Terminal[1];
    ImportListener pressCtrlC =
        (rowsRead, rowNumber) -> {
          if (rowsRead == 2) {
            shellTerminal[0].raise(Terminal.Signal.INT);
          }
        };
    CliContext pressing = context("mdt", pressCtrlC);
    try (Terminal terminal =
        terminal(
            "import roster "
                + roster
                + " --team \"North MDT\"\n"
                + "case list --team \"North MDT\" --format csv\nexit\n",
            new ByteArrayOutputStream())) {
      shellTerminal[0] = terminal;
      assertEquals(0, new Shell(pressing, terminal, null).run());
    }
    assertTrue(err.toString().contains("mdt: cancelled"), err.toString());
    String cases = out.toString();
    assertTrue(cases.contains("25-1042"), "the next line ran: " + cases);
    assertFalse(cases.contains("26-0100"), "the cancelled import left nothing: " + cases);
  }

  /** On an encrypted database the shell asks for the passphrase once, not at every command. */
  @Test
  void asksForTheEncryptedDatabasesPassphraseOnce() throws Exception {
    Path secret = Files.writeString(dir.resolve("pass.txt"), "correct horse battery staple\n");
    Mdt mdt = new Mdt(dir).env("MDT_DB", dir.resolve("secret").toString());
    mdt.ok("init", "--encrypt", "--passphrase-file", secret.toString());
    mdt.ok("team", "add", "Hidden MDT", "--passphrase-file", secret.toString());
    CliContext encrypted = context("secret", ImportListener.NONE);
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (Terminal terminal =
        terminal(
            "correct horse battery staple\nteam list --format csv\n"
                + "member list --format csv\nexit\n",
            screen)) {
      assertEquals(0, new Shell(encrypted, terminal, null).run());
    }
    String shown = screen.toString(StandardCharsets.UTF_8);
    assertEquals(1, shown.split("Passphrase for ", -1).length - 1, shown);
    assertFalse(shown.contains("correct horse"), "the passphrase is not echoed: " + shown);
    assertTrue(out.toString().contains("Hidden MDT"), out + "\n" + err);
    assertEquals("", err.toString());
    // the history of an encrypted database stays in memory: on disk it would be plain text
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      List<Path> histories =
          files.filter(file -> file.getFileName().toString().contains("history")).toList();
      assertEquals(List.of(), histories);
    }
  }

  private List<String> complete(String line) throws Exception {
    try (Terminal terminal = terminal("", new ByteArrayOutputStream())) {
      Shell shell = new Shell(context, terminal, null);
      ShellCompleter completer =
          new ShellCompleter(CommandFactory.create(context).getCommandSpec(), shell);
      List<Candidate> candidates = new ArrayList<>();
      completer.complete(
          null,
          new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE),
          candidates);
      return candidates.stream()
          .map(Candidate::value)
          .filter(v -> v.startsWith(lastWord(line)))
          .toList();
    }
  }

  private static String lastWord(String line) {
    return line.endsWith(" ") ? "" : line.substring(line.lastIndexOf(' ') + 1);
  }

  @Test
  void completesCommandsOptionsTeamsMembersAndCaseNumbers() throws Exception {
    assertEquals(Set.of("rekey", "report", "restore", "review"), Set.copyOf(complete("re")));
    assertEquals(List.of("schedule"), complete("review sch"));
    assertTrue(
        complete("review schedule --").containsAll(List.of("--team", "--from", "--to", "--rule")));
    assertEquals(List.of("North MDT", "South MDT"), complete("report nca --team "));
    assertEquals(List.of("North MDT", "South MDT"), complete("use "));
    assertEquals(List.of("Dana Reyes", "Sam Ortiz"), complete("followup list --owner "));
    assertEquals(List.of("25-1042", "25-1043"), complete("case show 25-"));
    // another case of --reviewed A B ..., or the next option
    assertTrue(
        complete("review record 4 --reviewed 25-1042 ")
            .containsAll(List.of("25-1042", "25-1043", "26-0001", "--followup")));
    assertEquals(List.of("table", "csv", "json"), complete("team list --format "));
  }

  /**
   * Issue 15 item 3: a group's subcommands before any option; global options only once "--" is
   * typed.
   */
  @Test
  void completesSubcommandsFirstAndGlobalOptionsOnlyAfterDashes() throws Exception {
    assertEquals(List.of("add", "list"), complete("team "));
    assertEquals(List.of("add", "list"), complete("mdt team "));
    List<String> own = complete("review schedule ");
    assertTrue(
        own.containsAll(List.of("--from", "--rule")) && !own.contains("--passphrase-file"),
        own.toString());
    assertTrue(
        complete("review schedule --")
            .containsAll(List.of("--from", "--passphrase-file", "--format")));
    assertTrue(complete("member add --discipline ").contains("victim_advocacy"));
  }

  /**
   * Descriptions start in one column (JLine right-aligned them at the screen's edge, each a
   * different width).
   */
  @Test
  void optionDescriptionsAreAligned() throws Exception {
    try (Terminal terminal = terminal("", new ByteArrayOutputStream())) {
      ShellCompleter completer =
          new ShellCompleter(
              CommandFactory.create(context).getCommandSpec(), new Shell(context, terminal, null));
      List<Candidate> candidates = new ArrayList<>();
      String line = "review schedule --";
      completer.complete(
          null,
          new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE),
          candidates);
      Set<Integer> columns = new java.util.HashSet<>();
      for (Candidate candidate : candidates) {
        java.util.regex.Matcher description =
            java.util.regex.Pattern.compile("^--\\S+ +").matcher(candidate.displ());
        assertTrue(description.find(), candidate.displ());
        columns.add(description.end());
      }
      assertEquals(1, columns.size(), columns.toString());
    }
  }

  /**
   * Issue 15 item 3: "mdt case list" as the README writes it; help names the shell's own commands.
   */
  @Test
  void acceptsALeadingMdtAndHelpNamesUseAndExit() throws Exception {
    try (Terminal terminal =
        terminal("mdt team list --format csv\nhelp\nexit\n", new ByteArrayOutputStream())) {
      assertEquals(0, new Shell(context, terminal, null).run());
    }
    String results = out.toString();
    assertTrue(results.contains("North MDT"), results + err);
    assertTrue(results.contains("use TEAM") && results.contains("exit, quit"), results);
    assertEquals("", err.toString());
  }

  @Test
  void aCompletionMenuShowsNoControlCharactersFromARoster() throws Exception {
    new Mdt(dir).ok("team", "add", "Evil\u001b]0;pwned\u0007 MDT");
    try (Terminal terminal = terminal("", new ByteArrayOutputStream())) {
      Shell shell = new Shell(context, terminal, null);
      ShellCompleter completer =
          new ShellCompleter(CommandFactory.create(context).getCommandSpec(), shell);
      List<Candidate> candidates = new ArrayList<>();
      completer.complete(
          null, new DefaultParser().parse("use ", 4, Parser.ParseContext.COMPLETE), candidates);
      Candidate evil =
          candidates.stream().filter(c -> c.value().startsWith("Evil")).findFirst().orElseThrow();
      assertTrue(evil.displ().chars().noneMatch(Character::isISOControl), evil.displ());
    }
  }
}
