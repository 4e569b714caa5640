package org.mdt.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mdt.team.Team;

/**
 * The aggregate tables federal evaluators receive (DESIGN section 6.5): the NCA (6.1) and VOCA (6.2)
 * breakdowns by month, for each team and for all teams, with small-cell suppression. A cell's equations
 * are its row (a breakdown's codes add up to the row's total) and its column (the teams of a month add up
 * to the all-teams figure); no other totals are published.
 */
public final class EvaluationExport {
  /** The breakdowns whose codes add up to the group's total: each child under exactly one code. */
  private static final List<String> NCA_PARTITIONS = List.of("gender", "ageAtFirstContact", "race",
      "offenderRelationship", "offenderAge");
  private static final List<String> VOCA_PARTITIONS = List.of("age", "gender", "race");
  public static final String ALL_TEAMS = "all";
  private static final long ALL_TEAM_ID = 0; // identity columns start at 1

  /** One published count: {@code cell} tells its value and whether it is suppressed. */
  public record Line(String team, String month, String table, String measure, String code,
      SmallCellSuppression.Cell cell) {}

  private final List<Line> lines = new ArrayList<>();
  private final List<SmallCellSuppression.Equation> equations = new ArrayList<>();

  private EvaluationExport() {}

  public static EvaluationExport compute(Connection connection, LocalDate from, LocalDate to, List<Team> teams,
      int minimumCell) throws SQLException {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
      months.add(m);
    }
    // Every month of every team (and of all teams, team id 0) is counted in one pass over the rows.
    Map<Long, Team> teamsById = new LinkedHashMap<>();
    teams.forEach(team -> teamsById.put(team.id(), team));
    teamsById.put(ALL_TEAM_ID, null);
    Map<YearMonth, Map<Long, NcaStatistics>> nca = new LinkedHashMap<>();
    Map<YearMonth, Map<Long, VocaReport>> voca = new LinkedHashMap<>();
    VocaServiceMap serviceMap = VocaServiceMap.read(connection);
    for (YearMonth month : months) {
      LocalDate start = month.atDay(1).isBefore(from) ? from : month.atDay(1);
      LocalDate end = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
      VocaReport.Span span = VocaReport.Span.within(month.toString(), start, end);
      teamsById.forEach((id, team) -> {
        nca.computeIfAbsent(month, m -> new LinkedHashMap<>()).put(id, NcaStatistics.empty(team, to));
        voca.computeIfAbsent(month, m -> new LinkedHashMap<>()).put(id, VocaReport.empty(span, team, serviceMap));
      });
    }
    NcaStatistics.scan(connection, from, to, null, child -> {
      Map<Long, NcaStatistics> ofMonth = nca.get(YearMonth.from(child.referral()));
      ofMonth.get(child.teamId()).add(child);
      ofMonth.get(ALL_TEAM_ID).add(child);
    });
    // A month counts individuals new in its fiscal year, so events from the first fiscal year's start matter.
    VocaReport.scan(connection, FiscalQuarter.containing(from).fiscalYearStart(), to, null, individual -> {
      Set<YearMonth> served = new HashSet<>();
      individual.events().forEach(event -> served.add(YearMonth.from(event.getValue())));
      for (YearMonth month : served) {
        Map<Long, VocaReport> ofMonth = voca.get(month);
        if (ofMonth != null) {
          ofMonth.get(individual.teamId()).add(individual);
          ofMonth.get(ALL_TEAM_ID).add(individual);
        }
      }
    });

    EvaluationExport export = new EvaluationExport();
    // (month, table, measure, code) -> team cells, to tie each to its all-teams cell
    Map<String, List<SmallCellSuppression.Cell>> columns = new LinkedHashMap<>();
    Map<String, SmallCellSuppression.Cell> allTeams = new LinkedHashMap<>();
    for (YearMonth month : months) {
      for (Map.Entry<Long, Team> group : teamsById.entrySet()) {
        Team team = group.getValue();
        String name = team == null ? ALL_TEAMS : team.name();
        Map<String, SmallCellSuppression.Cell> row = new LinkedHashMap<>();
        export.addNca(name, month, nca.get(month).get(group.getKey()), row);
        export.addVoca(name, month, voca.get(month).get(group.getKey()), row);
        row.forEach((key, cell) -> {
          if (team == null) {
            allTeams.put(month + "/" + key, cell);
          } else {
            columns.computeIfAbsent(month + "/" + key, k -> new ArrayList<>()).add(cell);
          }
        });
      }
    }
    columns.forEach((key, cells) -> export.equations.add(new SmallCellSuppression.Equation(cells, allTeams.get(key))));
    SmallCellSuppression.apply(export.lines.stream().map(Line::cell).toList(), export.equations, minimumCell);
    return export;
  }

  private void addNca(String name, YearMonth month, NcaStatistics nca, Map<String, SmallCellSuppression.Cell> row) {
    SmallCellSuppression.Cell newChildren = add(name, month, "nca", "newChildren", "", nca.newChildren(), row);
    nca.breakdowns().forEach((measure, counts) -> {
      List<SmallCellSuppression.Cell> parts = new ArrayList<>();
      counts.forEach((code, count) -> parts.add(add(name, month, "nca", measure, code, count, row)));
      if (NCA_PARTITIONS.contains(measure)) {
        equations.add(new SmallCellSuppression.Equation(parts, newChildren));
      }
    });
  }

  private void addVoca(String name, YearMonth month, VocaReport voca, Map<String, SmallCellSuppression.Cell> row) {
    SmallCellSuppression.Cell served = add(name, month, "voca", "individualsServed", "", voca.served(), row);
    SmallCellSuppression.Cell fresh = add(name, month, "voca", "newIndividuals", "", voca.newIndividuals(), row);
    SmallCellSuppression.Cell continuing = add(name, month, "voca", "continuingIndividuals", "",
        voca.served() - voca.newIndividuals(), row);
    equations.add(new SmallCellSuppression.Equation(List.of(fresh, continuing), served));
    voca.demographics().forEach((measure, counts) -> {
      List<SmallCellSuppression.Cell> parts = new ArrayList<>();
      counts.forEach((code, count) -> parts.add(add(name, month, "voca", measure, code, count, row)));
      if (VOCA_PARTITIONS.contains(measure)) {
        equations.add(new SmallCellSuppression.Equation(parts, fresh));
      }
    });
    voca.services().forEach((category, counts) -> {
      add(name, month, "voca", "services", category + ".individuals", counts[0], row);
      add(name, month, "voca", "services", category + ".times", counts[1], row);
    });
  }

  private SmallCellSuppression.Cell add(String team, YearMonth month, String table, String measure, String code,
      int value, Map<String, SmallCellSuppression.Cell> row) {
    SmallCellSuppression.Cell cell = new SmallCellSuppression.Cell(value);
    lines.add(new Line(team, month.toString(), table, measure, code, cell));
    row.put(table + "/" + measure + "/" + code, cell);
    return cell;
  }

  public List<Line> lines() {
    return lines;
  }

  /** The published form of a cell: its count, or "suppressed". */
  public static Object published(SmallCellSuppression.Cell cell) {
    return cell.suppressed() ? "suppressed" : cell.value();
  }
}
