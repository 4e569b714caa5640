package org.mdt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.mdt.MdtException;
import org.mdt.db.DatabaseLocation;
import org.mdt.io.OutputFile;
import org.mdt.team.Member;
import org.mdt.team.Team;
import org.mdt.team.TeamStore;

/**
 * The read-run loop of {@code mdt shell}. Each line runs as its own mdt command through the same
 * factory, opening the database and closing it again, so a cron report is never locked out by an
 * idle shell.
 */
final class Shell {
  static final List<String> BUILT_INS = List.of("use", "exit", "quit", "help");
  private static final int CASE_CANDIDATES = 200;

  private final CliContext context;
  private final Terminal terminal;
  private String team;
  private char[] passphrase;

  /** The line's command running now, which Ctrl-C cancels (the shell itself stays). */
  private volatile CliContext running;

  Shell(CliContext context, Terminal terminal, String team) {
    this.context = context;
    this.terminal = terminal;
    this.team = team;
  }

  int run() throws IOException {
    LineReaderBuilder builder =
        LineReaderBuilder.builder()
            .appName("mdt")
            .terminal(terminal)
            .completer(new ShellCompleter(CommandFactory.create(context).getCommandSpec(), this));
    Path history = historyFile();
    if (history != null) {
      builder.variable(LineReader.HISTORY_FILE, history);
    }
    LineReader reader = builder.build();
    // While a line reads, JLine turns Ctrl-C into UserInterruptException; while a command runs, it
    // is a signal
    terminal.handle(
        Terminal.Signal.INT,
        signal -> {
          CliContext line = running;
          if (line != null) {
            line.cancellation.request();
          }
        });
    PrintWriter out = terminal.writer();
    out.println(
        "mdt shell on " + location() + ". Tab completes; 'use TEAM' sets the team; 'exit' leaves.");
    if (location().isEncryptedFile() && new Passphrases(context).passphraseFile() == null) {
      // asked once, masked, and kept for the session: not once per command
      try {
        passphrase = reader.readLine("Passphrase for " + location() + ": ", '*').toCharArray();
      } catch (UserInterruptException | EndOfFileException e) {
        return 0;
      }
    }
    while (true) {
      String line;
      try {
        line = reader.readLine(prompt());
      } catch (UserInterruptException e) {
        continue; // Ctrl-C abandons the line, as in bash
      } catch (EndOfFileException e) {
        return 0;
      }
      List<String> words = new ArrayList<>(reader.getParsedLine().words());
      words.removeIf(String::isEmpty);
      words = withoutMdt(words);
      if (words.isEmpty()) {
        continue;
      }
      switch (words.get(0)) {
        case "exit", "quit" -> {
          return 0;
        }
        case "use" -> use(words.subList(1, words.size()));
        case "help" -> help();
        case "shell" -> context.err.println("mdt: already in the shell");
        default -> execute(words);
      }
    }
  }

  /**
   * A line as typed: "mdt case list" is what the README and man pages show, and what a coordinator
   * types out of habit, so a leading "mdt" is dropped.
   */
  static List<String> withoutMdt(List<String> words) {
    return !words.isEmpty() && words.get(0).equals("mdt") ? words.subList(1, words.size()) : words;
  }

  /** mdt's own help, then the shell's commands, which it does not know. */
  private void help() {
    execute(List.of("--help"));
    context.out.println();
    context.out.println("Shell commands:");
    context.out.println(
        "  use TEAM     Make TEAM the default of every --team ('use' alone: none).");
    context.out.println("  exit, quit   Leave the shell (also Ctrl-D).");
    context.out.println("  help         This help; 'COMMAND --help' for one command's.");
    context.out.flush();
  }

  /**
   * Runs one mdt command line with the shell's database and team; its errors are already on stderr.
   */
  private void execute(List<String> args) {
    CliContext line = lineContext(context.out);
    running = line;
    try {
      CommandFactory.execute(line, args.toArray(String[]::new));
    } finally {
      running = null;
    }
    line.out.flush();
  }

  private CliContext lineContext(PrintWriter out) {
    Map<String, String> env = new HashMap<>(context.env);
    if (context.db != null) {
      env.put("MDT_DB", context.db);
    }
    if (context.passphraseFile != null) {
      env.put("MDT_PASSPHRASE_FILE", context.passphraseFile.toString());
    }
    CliContext line = context.child(out, env, context.clock, context.interactive);
    line.defaultTeam = team;
    line.sessionPassphrase = passphrase;
    return line;
  }

  private void use(List<String> names) {
    if (names.isEmpty()) {
      team = null;
      return;
    }
    String name = String.join(" ", names);
    try (CliContext line = lineContext(context.out)) {
      team = Stores.teams(line, line.databaseToRead().connection()).require(name).name();
    } catch (MdtException | java.sql.SQLException e) {
      context.err.println("mdt: " + e.getMessage());
    }
  }

  String prompt() {
    return org.mdt.text.TerminalText.safe(
        "mdt " + location().displayName() + (team == null ? "" : " [" + team + "]") + "> ");
  }

  private DatabaseLocation location() {
    return context.location();
  }

  /**
   * Names from the database for completion, case numbers only those starting with {@code
   * casePrefix}; none when it cannot be opened (no database yet, another process holds it).
   */
  Candidates candidates(String casePrefix) {
    try (CliContext line = lineContext(new PrintWriter(java.io.Writer.nullWriter()))) {
      Connection connection = line.databaseToRead().connection();
      TeamStore teams = Stores.teams(line, connection);
      Team current = team == null ? null : teams.find(team).orElse(null);
      List<Team> all = teams.teams();
      List<String> memberNames = new ArrayList<>();
      for (Team each : current == null ? all : List.of(current)) {
        teams.members(each, false).stream().map(Member::name).forEach(memberNames::add);
      }
      return new Candidates(
          all.stream().map(Team::name).toList(),
          memberNames,
          Stores.cases(connection).numbersStartingWith(casePrefix, current, CASE_CANDIDATES));
    } catch (MdtException | java.sql.SQLException e) {
      return new Candidates(List.of(), List.of(), List.of());
    }
  }

  record Candidates(List<String> teams, List<String> members, List<String> cases) {}

  /**
   * The history file of this database's shell, owner-only: it holds case numbers and names. None
   * (history in memory only) for an encrypted database, whose secrets it would keep in plain text,
   * and for a server.
   */
  private Path historyFile() throws IOException {
    DatabaseLocation location = location();
    Path file = location.historyFile();
    if (file == null || location.isEncryptedFile()) {
      return null;
    }
    location.createParentDirectory();
    try {
      OutputFile.createOwnerOnly(file).close();
    } catch (FileAlreadyExistsException e) {
      // this database's history from an earlier session
    }
    return file;
  }
}
