package org.mdt.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** One published count: {@code cell} tells its value and whether it is suppressed. */
  public record Line(String team, String month, String table, String measure, String code,
      SmallCellSuppression.Cell cell) {}

  private final List<Line> lines = new ArrayList<>();
  private final List<SmallCellSuppression.Equation> equations = new ArrayList<>();

  private EvaluationExport() {}

  public static EvaluationExport compute(Connection connection, LocalDate from, LocalDate to, List<Team> teams,
      int minimumCell) throws SQLException {
    EvaluationExport export = new EvaluationExport();
    List<Team> groups = new ArrayList<>(teams);
    groups.add(null); // all teams
    // (month, table, measure, code) -> team cells, to tie each to its all-teams cell
    Map<String, List<SmallCellSuppression.Cell>> columns = new LinkedHashMap<>();
    Map<String, SmallCellSuppression.Cell> allTeams = new LinkedHashMap<>();
    for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
      YearMonth month = m;
      LocalDate start = month.atDay(1).isBefore(from) ? from : month.atDay(1);
      LocalDate end = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
      for (Team team : groups) {
        String name = team == null ? ALL_TEAMS : team.name();
        Map<String, SmallCellSuppression.Cell> row = new LinkedHashMap<>();
        NcaStatistics nca = NcaStatistics.compute(connection, start, end, team);
        SmallCellSuppression.Cell newChildren = export.add(name, month, "nca", "newChildren", "", nca.newChildren(), row);
        nca.breakdowns().forEach((measure, counts) -> {
          List<SmallCellSuppression.Cell> parts = new ArrayList<>();
          counts.forEach((code, count) -> parts.add(export.add(name, month, "nca", measure, code, count, row)));
          if (NCA_PARTITIONS.contains(measure)) {
            export.equations.add(new SmallCellSuppression.Equation(parts, newChildren));
          }
        });
        VocaReport voca = VocaReport.compute(connection, VocaReport.Span.within(month.toString(), start, end), team);
        SmallCellSuppression.Cell served = export.add(name, month, "voca", "individualsServed", "", voca.served(), row);
        SmallCellSuppression.Cell fresh = export.add(name, month, "voca", "newIndividuals", "", voca.newIndividuals(), row);
        SmallCellSuppression.Cell continuing = export.add(name, month, "voca", "continuingIndividuals", "",
            voca.served() - voca.newIndividuals(), row);
        export.equations.add(new SmallCellSuppression.Equation(List.of(fresh, continuing), served));
        voca.demographics().forEach((measure, counts) -> {
          List<SmallCellSuppression.Cell> parts = new ArrayList<>();
          counts.forEach((code, count) -> parts.add(export.add(name, month, "voca", measure, code, count, row)));
          if (VOCA_PARTITIONS.contains(measure)) {
            export.equations.add(new SmallCellSuppression.Equation(parts, fresh));
          }
        });
        voca.services().forEach((category, counts) -> {
          export.add(name, month, "voca", "services", category + ".individuals", counts[0], row);
          export.add(name, month, "voca", "services", category + ".times", counts[1], row);
        });
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
