package org.mdt.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "shell",
    description = {
      "An interactive shell: every mdt command without typing mdt, with tab"
          + " completion of commands, options, teams, members and case numbers, and history.",
      "'use TEAM' makes TEAM the default of every --team; 'exit' or Ctrl-D leaves."
    })
final class ShellCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--team", paramLabel = "T", description = "Start with this team in use.")
  String team;

  ShellCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      return new Shell(context, terminal, team).run();
    }
  }
}
