package org.mdt.cli;

import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.mdt.team.AddTeam;
import org.mdt.team.Team;
import org.mdt.text.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "team",
    description = "Teams (MDTs); a database holds one or many.",
    subcommands = {TeamCommand.Add.class, TeamCommand.Listing.class})
final class TeamCommand {

  @Command(name = "add", description = "Add a team.")
  static final class Add implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "NAME", description = "The team's name, unique ignoring case.")
    String name;

    @Option(
        names = "--cac",
        paramLabel = "NAME",
        description = "The Children's Advocacy Center it belongs to.")
    String cac;

    @Option(names = "--county", paramLabel = "NAME", description = "The county it serves.")
    String county;

    Add(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws SQLException {
      Team team =
          Stores.operation(context, AddTeam::new)
              .run(new AddTeam.Request(name, cac, county))
              .team();
      context.printer().table(teamTable().row(team.id(), team.name(), team.cac(), team.county()));
      return 0;
    }
  }

  @Command(name = "list", description = "List the teams.")
  static final class Listing implements Callable<Integer> {
    private final CliContext context;

    Listing(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws SQLException {
      Table table = teamTable();
      for (Team team : Stores.teams(context, context.databaseToRead().connection()).teams()) {
        table.row(team.id(), team.name(), team.cac(), team.county());
      }
      context.printer().table(table);
      return 0;
    }
  }

  private static Table teamTable() {
    return Table.of("id", "ID", "name", "NAME", "cac", "CAC", "county", "COUNTY");
  }
}
