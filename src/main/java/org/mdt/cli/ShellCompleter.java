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
 * Tab completion in {@code mdt shell}, from the command model: subcommands and options where a command or
 * option may come, and for an option's or a parameter's value, what its label asks for: a team (T), a
 * member (MEMBER) or a case number (CASE...) from the database, or the values an enum option allows.
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
    List<String> before = line.words().subList(0, line.wordIndex());
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
    if (awaiting != null && !(awaiting instanceof OptionSpec open && open.arity().max() > 1 && typed.startsWith("-"))) {
      values(awaiting, typed).forEach(value -> candidates.add(fromDatabase(value)));
      if (awaiting instanceof PositionalParamSpec || awaiting.arity().max() <= 1) {
        return;
      }
    }
    if (positionals == 0 && !typed.startsWith("-")) {
      command.subcommands().keySet().forEach(name -> candidates.add(new Candidate(name)));
    }
    if (command != root || typed.startsWith("-")) {
      for (OptionSpec option : command.options()) {
        for (String name : option.names()) {
          if (name.startsWith("--")) {
            candidates.add(new Candidate(name, name, null, firstLine(option.description()), null, null, true));
          }
        }
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
