package org.mdt.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.mdt.MdtException;
import org.mdt.db.Database;
import org.mdt.report.SmallCellSuppression.Cell;
import org.mdt.report.SmallCellSuppression.Relation;
import org.mdt.team.Team;
import org.mdt.text.Table;

/**
 * The aggregate tables federal evaluators receive (docs/DESIGN.md section 6.5): the NCA (6.1) and
 * VOCA (6.2) breakdowns by whole month, for each team and for all teams, with small-cell
 * suppression audited by linear programming. The audit knows what a reader knows: every shown
 * count; within a team's month, that a breakdown adds up to its total, a service or abuse type is
 * at most the children, new and continuing add up to those served; that the teams add up to all
 * teams; and that the months add up (or, for counts of individuals, at least add up) to the
 * unsuppressed NCA half-year and VOCA quarter reports of each team and of all teams, which anyone
 * may run.
 */
public final class EvaluationExport implements Report {
  /** The breakdowns whose codes add up to the group's total: each child under exactly one code. */
  private static final List<String> NCA_PARTITIONS =
      List.of("gender", "ageAtFirstContact", "race", "offenderRelationship", "offenderAge");

  private static final List<String> VOCA_PARTITIONS = List.of("age", "gender", "race");
  private static final String NEW_CHILDREN = "nca/newChildren/";
  private static final String SERVED = "voca/individualsServed/";
  private static final String NEW_INDIVIDUALS = "voca/newIndividuals/";
  private static final String CONTINUING = "voca/continuingIndividuals/";
  public static final String ALL_TEAMS = "all";
  private static final long ALL_TEAM_ID = 0; // identity columns start at 1

  /** One published count: {@code cell} tells its value and whether it is suppressed. */
  public record Line(
      String team, String month, String table, String measure, String code, Cell cell) {}

  private final YearMonth from;
  private final YearMonth to;
  private final int minimumCell;
  private final List<Line> lines = new ArrayList<>();
  private final List<Relation> relations = new ArrayList<>();

  private EvaluationExport(YearMonth from, YearMonth to, int minimumCell) {
    this.from = from;
    this.to = to;
    this.minimumCell = minimumCell;
  }

  /**
   * The export of the months {@code from} to {@code to}; the reference reports it is audited
   * against count nothing after {@code today}. Throws a data error (exit 3) if no suppression
   * passes the audit.
   */
  public static EvaluationExport compute(
      Database database,
      YearMonth from,
      YearMonth to,
      LocalDate today,
      List<Team> teams,
      int minimumCell)
      throws SQLException {
    Connection connection = database.connection();
    Map<Long, Team> teamsById = new LinkedHashMap<>();
    teams.forEach(team -> teamsById.put(team.id(), team));
    teamsById.put(ALL_TEAM_ID, null);
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      months.add(m);
    }
    List<HalfYear> halves = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      HalfYear half = new HalfYear(m.getYear(), m.getMonthValue() <= 6 ? 1 : 2);
      if (!halves.contains(half)) {
        halves.add(half);
      }
    }
    List<FiscalQuarter> quarters = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      FiscalQuarter quarter = FiscalQuarter.containing(m.atDay(1));
      if (!quarters.contains(quarter)) {
        quarters.add(quarter);
      }
    }
    // Every month, half-year and quarter of every team (and of all teams, team id 0) in one pass
    // per table.
    // A month's case reviews count through the export's last day; a half-year's through its own, as
    // the
    // published NCA report counts them.
    LocalDate lastDay = earlier(to.atEndOfMonth(), today);
    VocaServiceMap serviceMap = VocaServiceMap.read(connection);
    Map<YearMonth, Map<Long, NcaStatistics>> ncaMonths =
        perTeam(months, teamsById, (m, team) -> NcaStatistics.empty(team, lastDay));
    Map<HalfYear, Map<Long, NcaStatistics>> ncaHalves =
        perTeam(halves, teamsById, (h, team) -> NcaStatistics.empty(team, earlier(h.end(), today)));
    Map<YearMonth, Map<Long, VocaReport>> vocaMonths =
        perTeam(
            months,
            teamsById,
            (m, team) ->
                VocaReport.empty(
                    VocaReport.Span.within(m.toString(), m.atDay(1), m.atEndOfMonth()),
                    team,
                    serviceMap));
    Map<FiscalQuarter, Map<Long, VocaReport>> vocaQuarters =
        perTeam(
            quarters,
            teamsById,
            (q, team) -> VocaReport.empty(VocaReport.Span.of(q), team, serviceMap));
    LocalDate lastHalfDay = earlier(halves.get(halves.size() - 1).end(), today);
    // The NCA rows on another connection while this one reads the VOCA rows: until the join, only
    // that thread touches the NCA reports.
    try (Database.Alongside<Void> nca =
        database.alongside(
            second -> {
              NcaStatistics.scan(
                  second,
                  halves.get(0).start(),
                  lastHalfDay,
                  null,
                  child -> {
                    YearMonth month = YearMonth.from(child.referral());
                    HalfYear half =
                        new HalfYear(month.getYear(), month.getMonthValue() <= 6 ? 1 : 2);
                    addToTeamAndAll(
                        ncaMonths.get(month), child.teamId(), report -> report.add(child));
                    addToTeamAndAll(
                        ncaHalves.get(half), child.teamId(), report -> report.add(child));
                  });
              return null;
            })) {
      // A month or quarter counts individuals new in its fiscal year, so events from the first
      // fiscal year's start matter.
      LocalDate lastQuarterDay = earlier(quarters.get(quarters.size() - 1).end(), today);
      VocaReport.scan(
          connection,
          quarters.get(0).fiscalYearStart(),
          lastQuarterDay,
          null,
          individual -> {
            Set<YearMonth> servedIn = new HashSet<>();
            for (LocalDate day : individual.serviceDates()) {
              if (day != null) {
                servedIn.add(YearMonth.from(day));
              }
            }
            for (YearMonth month : servedIn) {
              addToTeamAndAll(
                  vocaMonths.get(month), individual.teamId(), report -> report.add(individual));
            }
            // add() skips a quarter the individual was not served in
            vocaQuarters
                .values()
                .forEach(
                    ofQuarter ->
                        addToTeamAndAll(
                            ofQuarter, individual.teamId(), report -> report.add(individual)));
          });
      nca.join();
    }

    EvaluationExport export = new EvaluationExport(from, to, minimumCell);
    Map<YearMonth, Map<Long, Map<String, Cell>>> cells = new LinkedHashMap<>();
    for (YearMonth month : months) {
      for (Map.Entry<Long, Team> group : teamsById.entrySet()) {
        Map<String, Cell> row = new LinkedHashMap<>();
        String name = group.getValue() == null ? ALL_TEAMS : group.getValue().name();
        figures(ncaMonths.get(month).get(group.getKey()), vocaMonths.get(month).get(group.getKey()))
            .forEach((key, value) -> row.put(key, export.add(name, month, key, value)));
        export.relateWithinRow(row);
        cells.computeIfAbsent(month, m -> new LinkedHashMap<>()).put(group.getKey(), row);
      }
    }
    // The teams of a month add up to all teams.
    for (YearMonth month : months) {
      Map<Long, Map<String, Cell>> ofMonth = cells.get(month);
      for (String key : ofMonth.get(ALL_TEAM_ID).keySet()) {
        List<Cell> teamCells = new ArrayList<>();
        ofMonth.forEach(
            (id, row) -> {
              if (id != ALL_TEAM_ID) {
                teamCells.add(row.get(key));
              }
            });
        export.relations.add(Relation.holding(teamCells, ofMonth.get(ALL_TEAM_ID).get(key)));
      }
    }
    // The months of a half-year or quarter against its published report, of each team and of all
    // teams.
    for (long id : teamsById.keySet()) {
      for (HalfYear half : halves) {
        export.relateToReport(
            cells,
            id,
            figures(ncaHalves.get(half).get(id), null),
            month ->
                !month.atDay(1).isBefore(half.start())
                    && !month.atEndOfMonth().isAfter(half.end()));
      }
      for (FiscalQuarter quarter : quarters) {
        export.relateToReport(
            cells,
            id,
            figures(null, vocaQuarters.get(quarter).get(id)),
            month -> FiscalQuarter.containing(month.atDay(1)).equals(quarter));
      }
    }

    List<SuppressionAudit.Finding> findings =
        SmallCellSuppression.apply(
            export.lines.stream().map(Line::cell).toList(), export.relations, minimumCell);
    if (!findings.isEmpty()) {
      SuppressionAudit.Finding first = findings.get(0);
      Line line =
          export.lines.stream().filter(l -> l.cell() == first.cell()).findFirst().orElseThrow();
      throw MdtException.data(
          String.format(
              Locale.ROOT,
              "the evaluation export fails its suppression audit:"
                  + " %d hidden count(s) can be narrowed to a range less than %d wide (first: %s %s %s %s %s); nothing"
                  + " written",
              findings.size(),
              minimumCell,
              line.team(),
              line.month(),
              line.table(),
              line.measure(),
              line.code()));
    }
    return export;
  }

  /**
   * Counts a row in its team's report of a period and in all teams' (none: a period not exported).
   */
  private static <R> void addToTeamAndAll(Map<Long, R> ofPeriod, long teamId, Consumer<R> add) {
    if (ofPeriod != null) {
      add.accept(ofPeriod.get(teamId));
      add.accept(ofPeriod.get(ALL_TEAM_ID));
    }
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static <P, R> Map<P, Map<Long, R>> perTeam(
      List<P> periods, Map<Long, Team> teams, BiFunction<P, Team, R> empty) {
    Map<P, Map<Long, R>> reports = new LinkedHashMap<>();
    for (P period : periods) {
      Map<Long, R> ofPeriod = new LinkedHashMap<>();
      teams.forEach((id, team) -> ofPeriod.put(id, empty.apply(period, team)));
      reports.put(period, ofPeriod);
    }
    return reports;
  }

  /** The published counts of one team and span, keyed "table/measure/code", in export order. */
  private static Map<String, Integer> figures(NcaStatistics nca, VocaReport voca) {
    Map<String, Integer> figures = new LinkedHashMap<>();
    if (nca != null) {
      figures.put(NEW_CHILDREN, nca.newChildren());
      nca.breakdowns()
          .forEach(
              (measure, counts) ->
                  counts.forEach(
                      (code, count) -> figures.put("nca/" + measure + "/" + code, count)));
    }
    if (voca != null) {
      figures.put(SERVED, voca.served());
      figures.put(NEW_INDIVIDUALS, voca.newIndividuals());
      figures.put(CONTINUING, voca.served() - voca.newIndividuals());
      voca.demographics()
          .forEach(
              (measure, counts) ->
                  counts.forEach(
                      (code, count) -> figures.put("voca/" + measure + "/" + code, count)));
      voca.services()
          .forEach(
              (category, tally) -> {
                figures.put("voca/services/" + category + ".individuals", tally.individuals());
                figures.put("voca/services/" + category + ".times", tally.times());
              });
    }
    return figures;
  }

  /**
   * What holds within one team's month: breakdowns against their totals, services against those
   * served.
   */
  private void relateWithinRow(Map<String, Cell> row) {
    Cell served = row.get(SERVED);
    Cell fresh = row.get(NEW_INDIVIDUALS);
    relations.add(Relation.holding(List.of(fresh, row.get(CONTINUING)), served));
    Map<String, List<Cell>> byMeasure =
        new LinkedHashMap<>(); // "table/measure" -> its codes, totals left out
    row.forEach(
        (key, cell) -> {
          if (!key.endsWith("/")) {
            byMeasure
                .computeIfAbsent(key.substring(0, key.lastIndexOf('/')), k -> new ArrayList<>())
                .add(cell);
          }
        });
    byMeasure.forEach(
        (measure, parts) -> {
          String table = measure.substring(0, measure.indexOf('/'));
          String name = measure.substring(measure.indexOf('/') + 1);
          Cell total = table.equals("nca") ? row.get(NEW_CHILDREN) : fresh;
          if (measure.equals("voca/services")) {
            List<Cell> individuals = new ArrayList<>();
            row.forEach(
                (key, cell) -> {
                  if (key.startsWith("voca/services/") && key.endsWith(".individuals")) {
                    individuals.add(cell);
                    relations.add(Relation.holding(List.of(cell), served));
                    relations.add(
                        Relation.holding(
                            List.of(cell), row.get(key.replace(".individuals", ".times"))));
                  }
                });
            relations.add(
                Relation.holding(individuals, served)); // each one served had some service
          } else if ((table.equals("nca") ? NCA_PARTITIONS : VOCA_PARTITIONS).contains(name)) {
            relations.add(Relation.holding(parts, total));
          } else {
            // abuse types, NCA services, victimization types: a child under several codes, each at
            // most the total
            parts.forEach(part -> relations.add(Relation.holding(List.of(part), total)));
          }
        });
  }

  /** The months of one team inside a report's span, cell by cell, against the report's figure. */
  private void relateToReport(
      Map<YearMonth, Map<Long, Map<String, Cell>>> cells,
      long teamId,
      Map<String, Integer> report,
      Predicate<YearMonth> inSpan) {
    report.forEach(
        (key, value) -> {
          List<Cell> monthly = new ArrayList<>();
          cells.forEach(
              (month, ofMonth) -> {
                if (inSpan.test(month)) {
                  monthly.add(ofMonth.get(teamId).get(key));
                }
              });
          relations.add(Relation.holding(monthly, Cell.publishedElsewhere(value)));
        });
  }

  private Cell add(String team, YearMonth month, String key, int value) {
    Cell cell = new Cell(value);
    String[] name = key.split("/", -1);
    lines.add(new Line(team, month.toString(), name[0], name[1], name[2], cell));
    return cell;
  }

  public List<Line> lines() {
    return lines;
  }

  /** Every relation the audit assumed a reader knows. */
  public List<Relation> relations() {
    return relations;
  }

  /** The published form of a cell: its count, or "suppressed". */
  public static Object published(Cell cell) {
    return cell.suppressed() ? "suppressed" : cell.value();
  }

  /** The cells published as "suppressed". */
  public int suppressed() {
    return (int) lines.stream().filter(line -> line.cell().suppressed()).count();
  }

  /** None: the table is the whole of it, and each row names its team and month. */
  @Override
  public Optional<String> heading() {
    return Optional.empty();
  }

  /**
   * The months, the minimum cell, the suppressed count, and every cell as an object keyed like the
   * columns.
   */
  @Override
  public Map<String, Object> json() {
    List<Map<String, Object>> cells = new ArrayList<>();
    List<String> keys = columns().stream().map(Table.Column::key).toList();
    for (List<Object> row : rows()) {
      Map<String, Object> cell = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        cell.put(keys.get(i), row.get(i));
      }
      cells.add(cell);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("from", from.toString());
    json.put("to", to.toString());
    json.put("minCell", minimumCell);
    json.put("suppressed", suppressed());
    json.put("cells", cells);
    return json;
  }

  @Override
  public List<Table.Column> columns() {
    return Table.columns(
        "team", "TEAM", "month", "MONTH", "table", "TABLE", "measure", "MEASURE", "code", "CODE",
        "count", "COUNT");
  }

  /** One row a published count, its count a number or "suppressed". */
  @Override
  public List<List<Object>> rows() {
    return lines.stream()
        .<List<Object>>map(
            line ->
                List.of(
                    line.team(),
                    line.month(),
                    line.table(),
                    line.measure(),
                    line.code(),
                    published(line.cell())))
        .toList();
  }

  @Override
  public ReportDocument document() {
    return new ReportDocument(
        "Evaluation export",
        "All teams",
        from + " to " + to,
        List.of(
            new ReportDocument.Section(
                "Counts", List.of("Team", "Month", "Table", "Measure", "Code", "Count"), rows())),
        List.of(
            new ReportDocument.Definition(
                "suppressed",
                "a count from 1 to "
                    + minimumCell
                    + ", or another cell hidden so that, given every shown count, the NCA half-year and VOCA quarter"
                    + " reports, none of those can be narrowed to a range less than "
                    + minimumCell
                    + " wide.")));
  }
}
