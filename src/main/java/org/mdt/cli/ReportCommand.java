package org.mdt.cli;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mdt.report.HalfYear;
import org.mdt.report.NcaStatistics;
import org.mdt.team.Team;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", description = "Grant and accreditation reports.",
    subcommands = {ReportCommand.Nca.class})
final class ReportCommand {
  @Mixin GlobalOptions global;


  @Command(name = "nca", description = {"NCA semi-annual statistics (DESIGN 6.1): new children referred in the"
      + " period, aged 18 or under, by gender, age, race, abuse type, offender and service."})
  static final class Nca implements Callable<Integer> {
    @Mixin GlobalOptions global;
    private final CliContext context;

    @Option(names = "--period", required = true, paramLabel = "YYYYH1|YYYYH2",
        description = "The half-year: H1 is Jan 1 to Jun 30, H2 Jul 1 to Dec 31.")
    String period;

    @Option(names = "--team", paramLabel = "T", description = "One team (default: all teams).")
    String team;

    Nca(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws SQLException {
      HalfYear half = HalfYear.parse(period);
      var connection = context.database().connection();
      Team only = team == null ? null : Stores.teams(context, connection).require(team);
      NcaStatistics stats = NcaStatistics.compute(connection, half, only);
      Printer printer = context.printer();
      if (printer.format() == OutputFormat.JSON) {
        printer.json(stats.asJson());
        return 0;
      }
      if (printer.format() == OutputFormat.TABLE) {
        context.out.println("NCA statistics " + half + " (" + half.start() + " to " + half.end() + "), team: "
            + stats.teamName());
        context.out.println();
      }
      Table table = Table.of("measure", "MEASURE", "code", "CODE", "count", "COUNT");
      table.row("newChildren", "", stats.newChildren());
      for (Map.Entry<String, Map<String, Integer>> breakdown : stats.breakdowns().entrySet()) {
        breakdown.getValue().forEach((code, count) -> table.row(breakdown.getKey(), code, count));
      }
      printer.table(table);
      return 0;
    }
  }
}
