package org.mdt.cli;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.mdt.text.TerminalText;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Tab completion in {@code mdt shell}, from the command model: subcommands and options where a
 * command or option may come, and for an option's or a parameter's value, what its label asks for:
 * a team (T), a member (MEMBER) or a case number (CASE...) from the database, or the values an enum
 * option allows.
 */
final class ShellCompleter implements Completer {
  private final CommandSpec root;
  private final Shell shell;

  ShellCompleter(CommandSpec root, Shell shell) {
    this.root = root;
    this.shell = shell;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    List<String> before = Shell.withoutMdt(line.words().subList(0, line.wordIndex()));
    String typed = line.word().substring(0, line.wordCursor());
    if (before.isEmpty()) {
      Shell.BUILT_INS.forEach(word -> candidates.add(new Candidate(word)));
    }
    if (!before.isEmpty() && before.get(0).equals("use")) {
      shell.candidates("").teams().forEach(name -> candidates.add(fromDatabase(name)));
      return;
    }
    CommandSpec command = root;
    ArgSpec awaiting = null; // the option or parameter whose value the word being typed is
    int positionals = 0;
    for (String word : before) {
      OptionSpec option = command.findOption(word);
      if (awaiting instanceof OptionSpec open && open.arity().max() > 1 && option == null) {
        continue; // another value of --reviewed A B C
      }
      awaiting = null;
      if (option != null) {
        awaiting = option.arity().max() > 0 ? option : null;
      } else if (command.subcommands().containsKey(word) && positionals == 0) {
        command = command.subcommands().get(word).getCommandSpec();
      } else if (!word.startsWith("-")) {
        positionals++;
      }
    }
    if (awaiting == null && !typed.startsWith("-")) {
      awaiting = positional(command, positionals);
    }
    if (awaiting != null
        && !(awaiting instanceof OptionSpec open
            && open.arity().max() > 1
            && typed.startsWith("-"))) {
      values(awaiting, typed).forEach(value -> candidates.add(fromDatabase(value)));
      if (awaiting instanceof PositionalParamSpec || awaiting.arity().max() <= 1) {
        return;
      }
    }
    if (positionals == 0 && !typed.startsWith("-")) {
      command.subcommands().keySet().forEach(name -> candidates.add(new Candidate(name)));
      if (!command.subcommands().isEmpty()) {
        return; // "team " is followed by add or list: its options only once a "-" is typed
      }
    }
    if (command != root || typed.startsWith("-")) {
      options(command, typed.startsWith("--"), candidates);
    }
  }

  /**
   * The command's long options, with the global ones (inherited by every command) only once "--" is
   * typed, so that a command's own few are not lost among them. Each shows its description in a
   * column of its own: JLine right-aligns a candidate's description, which left them ragged.
   */
  private static void options(CommandSpec command, boolean withGlobal, List<Candidate> candidates) {
    List<OptionSpec> options =
        command.options().stream()
            .filter(option -> !option.hidden() && (withGlobal || !option.inherited()))
            .toList();
    int width = options.stream().mapToInt(option -> option.longestName().length()).max().orElse(0);
    for (OptionSpec option : options) {
      String name = option.longestName();
      if (name.startsWith("--")) {
        String description = firstLine(option.description());
        String display =
            description == null ? name : name + " ".repeat(width - name.length() + 2) + description;
        candidates.add(new Candidate(name, display, null, null, null, null, true));
      }
    }
  }

  private static ArgSpec positional(CommandSpec command, int index) {
    for (PositionalParamSpec parameter : command.positionalParameters()) {
      if (parameter.index().contains(index)) {
        return parameter;
      }
    }
    return null;
  }

  private List<String> values(ArgSpec arg, String typed) {
    String label = arg.paramLabel();
    if (label.equals("T")) {
      return shell.candidates("").teams();
    }
    if (label.equals("MEMBER")) {
      return shell.candidates("").members();
    }
    if (label.startsWith("CASE")) {
      return shell.candidates(typed).cases();
    }
    List<String> values = new ArrayList<>();
    if (arg.completionCandidates() != null) {
      arg.completionCandidates().forEach(values::add);
    }
    return values;
  }

  private static String firstLine(String[] description) {
    return description.length == 0 ? null : description[0];
  }

  /** A team name or case number from a roster: shown in the menu without its control characters. */
  private static Candidate fromDatabase(String value) {
    return new Candidate(value, TerminalText.safe(value), null, null, null, null, true);
  }
}
