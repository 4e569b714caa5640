package org.mdt.cli;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

@Command(
    name = "case",
    description = "Cases and the children on them.",
    subcommands = {CaseCommand.Listing.class, CaseCommand.Show.class})
final class CaseCommand {

  @Command(name = "list", description = "List cases (no child names), earliest referral first.")
  static final class Listing implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--team", paramLabel = "T", description = "Only this team's cases.")
    String team;

    @Option(
        names = "--status",
        paramLabel = "STATUS",
        description = "Only ${COMPLETION-CANDIDATES} cases.")
    CaseStatus status;

    @Option(
        names = "--referred-from",
        paramLabel = "D",
        description = "Referred on or after this date.")
    LocalDate referredFrom;

    @Option(
        names = "--referred-to",
        paramLabel = "D",
        description = "Referred on or before this date.")
    LocalDate referredTo;

    Listing(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws SQLException {
      var connection = context.databaseToRead().connection();
      Team only = team == null ? null : Stores.teams(context, connection).require(team);
      Table table =
          Table.of(
              "caseNumber",
              "CASE",
              "team",
              "TEAM",
              "referralDate",
              "REFERRED",
              "children",
              "CHILDREN",
              "status",
              "STATUS",
              "restricted",
              "RESTRICTED");
      for (CaseSummary c :
          new CaseStore(connection)
              .list(new CaseStore.Filter(only, status, referredFrom, referredTo))) {
        table.row(
            c.caseNumber(), c.team(), c.referralDate(), c.children(), c.status(), c.restricted());
      }
      context.printer().table(table);
      return 0;
    }
  }

  @Command(
      name = "show",
      description = "Show one case with its children's full rows (for the coordinator).")
  static final class Show implements Callable<Integer> {
    /** Words of column names a label writes in capitals. */
    private static final Set<String> ABBREVIATIONS = Set.of("le", "cps", "dob");

    private final CliContext context;

    @Parameters(paramLabel = "CASE", description = "The case number.")
    String caseNumber;

    @Option(
        names = "--team",
        paramLabel = "T",
        description = "The team, when several hold this case number.")
    String team;

    Show(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws SQLException {
      var connection = context.databaseToRead().connection();
      TeamStore teams = Stores.teams(context, connection);
      CaseDetail detail = new CaseStore(connection).show(caseNumber, teams.requireIfNamed(team));
      List<Printer.Titled> parts = new ArrayList<>();
      parts.add(new Printer.Titled(null, labelled(header(detail))));
      for (Map<String, Object> child : detail.children()) {
        parts.add(
            new Printer.Titled(
                "Child " + (parts.size()) + " of " + detail.children().size(), labelled(child)));
      }
      context.printer().detail(json(detail), rosterRows(detail), parts);
      return 0;
    }

    private static Map<String, Object> header(CaseDetail detail) {
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("case_number", detail.caseNumber());
      header.put("team", detail.team());
      header.putAll(detail.caseValues());
      return header;
    }

    /**
     * JSON keys are camelCase everywhere; the roster's column names are snake_case (CSV keeps
     * those).
     */
    private static Map<String, Object> json(CaseDetail detail) {
      Map<String, Object> json = camelCase(header(detail));
      json.put("children", detail.children().stream().map(Show::camelCase).toList());
      return json;
    }

    private static Map<String, Object> camelCase(Map<String, Object> values) {
      Map<String, Object> json = new LinkedHashMap<>();
      values.forEach((key, value) -> json.put(camelCase(key), value));
      return json;
    }

    static String camelCase(String snakeCase) {
      StringBuilder name = new StringBuilder();
      for (String part : snakeCase.split("_")) {
        name.append(
            name.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
      }
      return name.toString();
    }

    /**
     * Column names as a person reads them: "le_case_number" as "LE case number", "child_dob" as
     * "Child DOB".
     */
    private static Map<String, Object> labelled(Map<String, Object> values) {
      Map<String, Object> labelled = new LinkedHashMap<>();
      values.forEach(
          (key, value) -> {
            List<String> words = new ArrayList<>();
            for (String word : key.split("_")) {
              words.add(ABBREVIATIONS.contains(word) ? word.toUpperCase(Locale.ROOT) : word);
            }
            String label = String.join(" ", words);
            labelled.put(Character.toUpperCase(label.charAt(0)) + label.substring(1), value);
          });
      return labelled;
    }

    /**
     * The case as roster rows, one per child, under canonical column names: the case's own fields
     * (status, agencies, outcomes, notes) on every row, as a roster carries them; a case without
     * children is one row.
     */
    private static Table rosterRows(CaseDetail detail) {
      Map<String, Object> caseFields = header(detail);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Map<String, Object> child : detail.children()) {
        Map<String, Object> row = new LinkedHashMap<>(caseFields);
        row.putAll(child);
        rows.add(row);
      }
      if (rows.isEmpty()) {
        rows.add(caseFields);
      }
      List<String> keysAndTitles = new ArrayList<>();
      for (String key : rows.get(0).keySet()) {
        keysAndTitles.add(key);
        keysAndTitles.add(key);
      }
      Table table = Table.of(keysAndTitles.toArray(String[]::new));
      rows.forEach(row -> table.row(row.values().toArray()));
      return table;
    }
  }
}
