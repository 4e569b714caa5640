package org.mdt.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;

/**
 * The root command: its subcommands are the jobs of docs/DESIGN.md section 1; every command
 * inherits --help. They are listed here rather than in the annotation so that CommandFactory can
 * build only the one a command line names: picocli builds each command by reflection, and all of
 * them took a third of a second. The exit codes are a list rather than a footer so that every
 * command's help and man page show them (the command-level {@code INHERIT} copies them down) as the
 * same table.
 */
@Command(
    name = "mdt",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = VersionProvider.class,
    description =
        "Case rosters, reviews, follow-ups and reports for Children's Advocacy Center MDTs.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:a domain error (an unknown team, a rule refused the change)",
      "2:bad usage (an unknown option, a malformed date)",
      "3:bad input data, or a database problem",
      "4:an internal error (run with -v for the stack trace)",
      "130:cancelled (Ctrl-C)"
    })
final class MdtCommand {
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          InitCommand.class,
          RekeyCommand.class,
          TeamCommand.class,
          MemberCommand.class,
          CaseCommand.class,
          ImportCommand.class,
          ReviewCommand.class,
          FollowupCommand.class,
          ReportCommand.class,
          ExportCommand.class,
          AuditCommand.class,
          BackupCommand.class,
          RestoreCommand.class,
          SettingsCommand.class,
          ShellCommand.class,
          DemoCommand.class);

  @Mixin GlobalOptions global;
}
