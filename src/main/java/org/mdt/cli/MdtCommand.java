package org.mdt.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Mixin;

/** The root command: its subcommands are the jobs of DESIGN section 1; every command inherits --help. */
@Command(name = "mdt", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = VersionProvider.class,
    description = "Case rosters, reviews, follow-ups and reports for Children's Advocacy Center MDTs.",
    subcommands = {InitCommand.class, RekeyCommand.class, TeamCommand.class, MemberCommand.class, CaseCommand.class,
        ImportCommand.class, ReviewCommand.class, FollowupCommand.class,
        ReportCommand.class, ExportCommand.class, AuditCommand.class, BackupCommand.class, RestoreCommand.class,
        ShellCommand.class, DemoCommand.class},
    footer = {"", "Exit codes: 0 success, 1 domain error, 2 bad usage, 3 bad input data or database problem,"
        + " 4 internal error."})
final class MdtCommand {
  @Mixin GlobalOptions global;
}
