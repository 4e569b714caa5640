package org.mdt.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.mdt.team.Team;
import picocli.CommandLine.Option;

/** Which team a report covers and where it goes: the options every report shares. */
final class ReportTarget {
  @Option(names = "--team", paramLabel = "T", description = "One team (default: all teams).")
  String team;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Write the report to FILE: .pdf, .xlsx, .csv or" + " .json (whole or not at all).")
  Path out;

  @Option(names = "--force", description = "Replace an existing output file.")
  boolean force;

  /** The --out file checked before the report is computed: refused early, it costs nothing. */
  Outputs outputs(CliContext context) {
    return Outputs.check(context, force, List.of(), out);
  }

  /** The team named, or null for all teams. */
  Team team(CliContext context, Connection connection) throws SQLException {
    return team == null ? null : Stores.teams(context, connection).require(team);
  }
}
