package org.mdt.cli;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mdt.cases.CaseDetail;
import org.mdt.cases.CaseStatus;
import org.mdt.cases.CaseStore;
import org.mdt.cases.CaseSummary;
import org.mdt.team.Team;
import org.mdt.team.TeamStore;
import org.mdt.text.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "case", description = "Cases and the children on them.",
    subcommands = {CaseCommand.Listing.class, CaseCommand.Show.class})
final class CaseCommand {

  @Command(name = "list", description = "List cases (no child names), earliest referral first.")
  static final class Listing implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--team", paramLabel = "T", description = "Only this team's cases.")
    String team;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only ${COMPLETION-CANDIDATES} cases.")
    CaseStatus status;

    @Option(names = "--referred-from", paramLabel = "D", description = "Referred on or after this date.")
    LocalDate referredFrom;

    @Option(names = "--referred-to", paramLabel = "D", description = "Referred on or before this date.")
    LocalDate referredTo;

    Listing(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws SQLException {
      var connection = context.database().connection();
      Team only = team == null ? null : Stores.teams(context, connection).require(team);
      Table table = Table.of("caseNumber", "CASE", "team", "TEAM", "referralDate", "REFERRED", "children", "CHILDREN",
          "status", "STATUS", "restricted", "RESTRICTED");
      for (CaseSummary c : new CaseStore(connection).list(new CaseStore.Filter(only, status,
          referredFrom, referredTo))) {
        table.row(c.caseNumber(), c.team(), c.referralDate(), c.children(), c.status(), c.restricted());
      }
      context.printer().table(table);
      return 0;
    }
  }

  @Command(name = "show", description = "Show one case with its children's full rows (for the coordinator).")
  static final class Show implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "CASE", description = "The case number.")
    String caseNumber;

    @Option(names = "--team", paramLabel = "T", description = "The team, when several hold this case number.")
    String team;

    Show(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws SQLException {
      var connection = context.database().connection();
      TeamStore teams = Stores.teams(context, connection);
      CaseDetail detail = new CaseStore(connection).show(caseNumber, teams.requireIfNamed(team));
      Printer printer = context.printer();
      switch (printer.format()) {
        case JSON -> {
          Map<String, Object> json = new LinkedHashMap<>();
          json.put("caseNumber", detail.caseNumber());
          json.put("team", detail.team());
          json.putAll(detail.caseValues());
          json.put("children", detail.children());
          printer.json(json);
        }
        case CSV -> printer.table(rosterRows(detail));
        case TABLE -> {
          Map<String, Object> header = new LinkedHashMap<>();
          header.put("case_number", detail.caseNumber());
          header.put("team", detail.team());
          header.putAll(detail.caseValues());
          printer.record(header);
          context.out.println();
          printer.table(rosterRows(detail));
        }
      }
      return 0;
    }

    /** The case as roster rows, one per child, under canonical column names. */
    private static Table rosterRows(CaseDetail detail) {
      List<String> keysAndTitles = new ArrayList<>();
      Map<String, Object> first = detail.children().isEmpty() ? Map.of() : detail.children().get(0);
      for (String key : first.keySet()) {
        keysAndTitles.add(key);
        keysAndTitles.add(key);
      }
      Table table = Table.of(keysAndTitles.toArray(String[]::new));
      detail.children().forEach(child -> table.row(child.values().toArray()));
      return table;
    }
  }
}
