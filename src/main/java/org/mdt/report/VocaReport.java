package org.mdt.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mdt.codes.Codes;
import org.mdt.db.Sql;
import org.mdt.review.ReviewRules;
import org.mdt.team.Team;
import org.mdt.text.Table;

/**
 * VOCA performance measures for a federal fiscal quarter (docs/DESIGN.md section 6.2). An
 * individual is a child on a case; it is served in the quarter when the date of a roster service
 * that the {@link VocaServiceMap} puts in a category falls in it. It is new when that is its first
 * such service of the fiscal year, and only new individuals are counted by age (on that first
 * service), gender, race and victimization type, so each of those adds up to the new individuals.
 * Case reviews are coordination, not a PMT service: they are counted beside the categories and
 * never make a child served. A report written on day D counts nothing after D.
 */
public final class VocaReport implements Report {
  public static final List<String> AGE_BANDS =
      List.of("0-12", "13-17", "18-24", "25-59", "60_and_over", "not_reported");

  /** VOCA victimization types, and the abuse types counted under each. */
  public static final Map<String, List<String>> VICTIMIZATION = victimization();

  private static final List<String> VICTIMIZATION_TYPES = List.copyOf(VICTIMIZATION.keySet());

  /**
   * Each abuse type's victimization types, as bits of their positions in {@link
   * #VICTIMIZATION_TYPES}: a child's types are then one bit set, with no set built for each child.
   */
  private static final Map<String, Integer> VICTIMIZATION_BITS = victimizationBits();

  /**
   * The days a VOCA count covers, and the start of the fiscal year they belong to (which decides
   * new or continuing): a fiscal quarter, or a month of the evaluation export.
   */
  public record Span(String label, LocalDate fiscalYearStart, LocalDate start, LocalDate end) {
    public static Span of(FiscalQuarter quarter) {
      return new Span(
          quarter.toString(), quarter.fiscalYearStart(), quarter.start(), quarter.end());
    }

    /** Any days within one fiscal year, such as a month of the evaluation export. */
    public static Span within(String label, LocalDate start, LocalDate end) {
      return new Span(label, FiscalQuarter.containing(start).fiscalYearStart(), start, end);
    }
  }

  /** Individuals, and the times they were provided a service (or had their case reviewed). */
  public record Tally(int individuals, int times) {
    static final Tally NONE = new Tally(0, 0);

    /** This tally with one more individual, provided {@code times} more. */
    Tally plus(int times) {
      return new Tally(individuals + 1, this.times + times);
    }

    Map<String, Integer> asJson() {
      Map<String, Integer> json = new LinkedHashMap<>();
      json.put("individuals", individuals);
      json.put("times", times);
      return json;
    }
  }

  private final Span span;
  private final Team team;
  private final VocaServiceMap serviceMap;

  /** The day the report was written. */
  private final LocalDate dataThrough;

  /** The span's last day, or the report's day when that is earlier. */
  private final LocalDate lastDay;

  private int served;
  private int newIndividuals;
  private final Breakdowns demographics =
      new Breakdowns()
          .with("age", AGE_BANDS)
          .with("gender", Codes.GENDER.codes())
          .with("race", Codes.RACE.codes())
          .with("victimizationTypes", VICTIMIZATION_TYPES);
  private final Map<String, Tally> services = new LinkedHashMap<>(); // by category
  private Tally caseReviews = Tally.NONE;

  /**
   * The index in {@link VocaServiceMap#CATEGORIES} of the category each roster service (by ordinal)
   * counts under, or -1: looked up once, not for each of a million rows.
   */
  private final int[] categoryOfService = new int[DATED.length];

  private VocaReport(Span span, Team team, VocaServiceMap serviceMap, LocalDate reportDay) {
    this.span = span;
    this.team = team;
    this.serviceMap = serviceMap;
    this.dataThrough = reportDay;
    this.lastDay = DataThrough.lastCounted(span.end(), reportDay);
    VocaServiceMap.CATEGORIES.forEach(category -> services.put(category, Tally.NONE));
    for (VocaServiceMap.Service service : DATED) {
      String category = serviceMap.categoryOf(service);
      categoryOfService[service.ordinal()] =
          category == null ? -1 : VocaServiceMap.CATEGORIES.indexOf(category);
    }
  }

  /**
   * The measures of one team, or of all teams when team is null, as written on {@code reportDay}.
   */
  public static VocaReport compute(
      Connection connection, Span span, Team team, VocaServiceMap serviceMap, LocalDate reportDay)
      throws SQLException {
    VocaReport report = new VocaReport(span, team, serviceMap, reportDay);
    Long teamId = team == null ? null : team.id();
    scan(connection, span.fiscalYearStart(), report.lastDay, teamId, report::add);
    report.caseReviews = caseReviews(connection, span.start(), report.lastDay, teamId);
    return report;
  }

  /**
   * Empty counts for a span, fed by {@link #scan} (the evaluation export counts every month in one
   * scan, and no case reviews).
   */
  static VocaReport empty(Span span, Team team, VocaServiceMap serviceMap) {
    return new VocaReport(span, team, serviceMap, span.end());
  }

  /**
   * A child on a case with its roster service dates from..to of a {@link #scan}, by service ordinal
   * (null: none in that span).
   */
  record Individual(
      long teamId,
      LocalDate dob,
      String gender,
      String race,
      List<String> abuseTypes,
      LocalDate[] serviceDates) {}

  private static final VocaServiceMap.Service[] DATED = VocaServiceMap.Service.values();

  /**
   * Hands sink every child (of one team, or all when teamId is null) with a roster service dated
   * from {@code from} to {@code to}, with those services. A service may precede the referral, so no
   * referral date bounds the search: it is one pass over the whole of the case_child_report index
   * (no index on the service dates: five more on every roster row would slow every import).
   */
  static void scan(
      Connection connection, LocalDate from, LocalDate to, Long teamId, Consumer<Individual> sink)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT ch.team_id, ch.child_dob, ch.child_gender, ch.child_race, ch.abuse_types");
    StringBuilder anyInRange = new StringBuilder();
    for (VocaServiceMap.Service service : DATED) {
      sql.append(", ch.").append(service.column());
      anyInRange
          .append(anyInRange.length() == 0 ? "" : " OR ")
          .append("ch.")
          .append(service.column())
          .append(" BETWEEN ? AND ?");
    }
    // The always-true referral condition lets the planner read the narrower case_child_report
    // index instead of the table.
    sql.append(" FROM case_child ch WHERE ch.referral_date >= ? AND ")
        .append(Sql.optionalTeam("ch.team_id"))
        .append(" AND (")
        .append(anyInRange)
        .append(")");
    try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
      query.setObject(1, LocalDate.of(1, 1, 1));
      Sql.bindTwice(query, 2, teamId, Types.BIGINT);
      for (int i = 0; i < DATED.length; i++) {
        query.setObject(4 + 2 * i, from);
        query.setObject(5 + 2 * i, to);
      }
      query.setFetchSize(1000);
      StoredCodeLists abuseTypes = new StoredCodeLists();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          LocalDate[] serviceDates = new LocalDate[DATED.length];
          for (int i = 0; i < DATED.length; i++) {
            LocalDate day = rs.getObject(6 + i, LocalDate.class);
            if (day != null && !day.isBefore(from) && !day.isAfter(to)) {
              serviceDates[DATED[i].ordinal()] = day;
            }
          }
          sink.accept(
              new Individual(
                  rs.getLong(1),
                  rs.getObject(2, LocalDate.class),
                  rs.getString(3),
                  rs.getString(4),
                  abuseTypes.codes(rs.getString(5)),
                  serviceDates));
        }
      }
    }
  }

  /**
   * The children (of one team, or all when teamId is null) whose case had a counted review from
   * {@code start} to {@code end}, and those reviews summed over the children: one (review, child)
   * pair a time, counted in SQL rather than by reading each reviewed case's children.
   */
  static Tally caseReviews(Connection connection, LocalDate start, LocalDate end, Long teamId)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT COUNT(DISTINCT ch.id), COUNT(*) FROM meeting m"
                + " JOIN meeting_case mc ON mc.meeting_id = m.id"
                + " JOIN case_child ch ON ch.case_id = mc.case_id"
                + " WHERE "
                + ReviewRules.COUNTED_REVIEW_OF_CHILD
                + " AND m.meeting_date BETWEEN ? AND ? AND "
                + Sql.optionalTeam("m.team_id"))) {
      query.setObject(1, start);
      query.setObject(2, end);
      Sql.bindTwice(query, 3, teamId, Types.BIGINT);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return new Tally(rs.getInt(1), rs.getInt(2));
      }
    }
  }

  /**
   * One child: its mapped services of the fiscal year so far decide whether, and how, it counts.
   */
  void add(Individual individual) {
    LocalDate fiscalYearStart = span.fiscalYearStart();
    LocalDate first = null;
    int[] timesThisQuarter =
        null; // by category index, made for an individual served in the quarter
    LocalDate[] serviceDates = individual.serviceDates();
    for (int service = 0; service < serviceDates.length; service++) {
      LocalDate day = serviceDates[service];
      int category = categoryOfService[service];
      if (day == null || category < 0 || day.isBefore(fiscalYearStart) || day.isAfter(lastDay)) {
        continue;
      }
      first = first == null || day.isBefore(first) ? day : first;
      if (inQuarter(day)) {
        if (timesThisQuarter == null) {
          timesThisQuarter = new int[VocaServiceMap.CATEGORIES.size()];
        }
        timesThisQuarter[category]++;
      }
    }
    if (timesThisQuarter == null) {
      return; // not served this quarter (perhaps earlier in the year)
    }
    served++;
    for (int category = 0; category < timesThisQuarter.length; category++) {
      if (timesThisQuarter[category] > 0) {
        String name = VocaServiceMap.CATEGORIES.get(category);
        services.put(name, services.get(name).plus(timesThisQuarter[category]));
      }
    }
    if (first.isBefore(span.start())) {
      return; // continuing: its demographics were counted in the quarter it was new
    }
    newIndividuals++;
    count("age", ageBand(individual.dob(), first));
    count("gender", Breakdowns.coded(Codes.GENDER, individual.gender()));
    count("race", Breakdowns.coded(Codes.RACE, individual.race()));
    int types = 0;
    for (String abuseType : individual.abuseTypes()) {
      types |= VICTIMIZATION_BITS.getOrDefault(abuseType, 0);
    }
    for (int type = 0; type < VICTIMIZATION_TYPES.size(); type++) {
      if ((types & 1 << type) != 0) {
        count("victimizationTypes", VICTIMIZATION_TYPES.get(type));
      }
    }
  }

  private boolean inQuarter(LocalDate day) {
    return !day.isBefore(span.start()) && !day.isAfter(lastDay);
  }

  static String ageBand(LocalDate dob, LocalDate on) {
    if (dob == null || dob.isAfter(on)) {
      return "not_reported";
    }
    int age = Period.between(dob, on).getYears();
    return age <= 12
        ? "0-12"
        : age <= 17 ? "13-17" : age <= 24 ? "18-24" : age <= 59 ? "25-59" : "60_and_over";
  }

  private void count(String breakdown, String code) {
    demographics.count(breakdown, code);
  }

  private static Map<String, Integer> victimizationBits() {
    Map<String, Integer> bits = new HashMap<>();
    for (int type = 0; type < VICTIMIZATION_TYPES.size(); type++) {
      for (String abuseType : VICTIMIZATION.get(VICTIMIZATION_TYPES.get(type))) {
        bits.merge(abuseType, 1 << type, (a, b) -> a | b);
      }
    }
    return bits;
  }

  private static Map<String, List<String>> victimization() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    map.put("child_sexual_abuse_assault", List.of("sexual_abuse"));
    map.put("child_physical_abuse_neglect", List.of("physical_abuse", "neglect"));
    map.put("human_trafficking_sex", List.of("sex_trafficking"));
    map.put("human_trafficking_labor", List.of("labor_trafficking"));
    map.put("child_pornography", List.of("exploitation_material"));
    map.put("domestic_family_violence", List.of("witness_to_violence"));
    map.put("other", List.of("other"));
    return map;
  }

  public String teamName() {
    return team == null ? "all" : team.name();
  }

  public Span span() {
    return span;
  }

  public VocaServiceMap serviceMap() {
    return serviceMap;
  }

  public int served() {
    return served;
  }

  public int newIndividuals() {
    return newIndividuals;
  }

  public Map<String, Map<String, Integer>> demographics() {
    return demographics.asMap();
  }

  /** Each category's individuals served, and the times its services were provided. */
  public Map<String, Tally> services() {
    return Collections.unmodifiableMap(services);
  }

  /** Children whose case was reviewed in the quarter, and those reviews. */
  public Tally caseReviews() {
    return caseReviews;
  }

  /**
   * Why each category with no individual has none: D is never in the roster, a category may have no
   * service mapped to it, or none of its services fell in the quarter.
   */
  public Map<String, String> emptyCategories() {
    return emptyCategories(service -> service, VocaServiceMap.SHELTER_NOTE);
  }

  /**
   * {@link #emptyCategories()} with services named by {@code name} and D explained by {@code
   * shelter}.
   */
  private Map<String, String> emptyCategories(Function<String, String> name, String shelter) {
    Map<String, String> empty = new LinkedHashMap<>();
    for (String category : ALL_CATEGORIES) {
      if (category.equals(VocaServiceMap.SHELTER)) {
        empty.put(category, shelter);
        continue;
      }
      List<String> mapped = serviceMap.asJson().get(category);
      if (mapped.isEmpty()) {
        empty.put(category, "no roster service is mapped to it (see serviceMap)");
      } else if (services.get(category).individuals() == 0) {
        empty.put(
            category,
            "no "
                + mapped.stream().map(name).collect(Collectors.joining(" or "))
                + " dated in the"
                + " quarter");
      }
    }
    return empty;
  }

  /** The PMT's categories, D included, in order. */
  private static final List<String> ALL_CATEGORIES =
      List.of("A", "B", "C", VocaServiceMap.SHELTER, "E");

  /**
   * The JSON keys of docs/DESIGN.md section 6.2: quarter, period, team, dataThrough,
   * individualsServed, newIndividuals, continuingIndividuals, age, gender, race,
   * victimizationTypes, services (category → individuals and times), emptyCategories (category →
   * why it has none), caseReviews (individuals, times) and serviceMap.
   */
  @Override
  public Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("quarter", span.label());
    Map<String, String> period = new LinkedHashMap<>();
    period.put("start", span.start().toString());
    period.put("end", span.end().toString());
    json.put("period", period);
    json.put("team", teamName());
    json.put("dataThrough", dataThrough.toString());
    json.put("individualsServed", served);
    json.put("newIndividuals", newIndividuals);
    json.put("continuingIndividuals", served - newIndividuals);
    json.putAll(demographics.asMap());
    Map<String, Object> categories = new LinkedHashMap<>();
    services.forEach((category, tally) -> categories.put(category, tally.asJson()));
    json.put("services", categories);
    json.put("emptyCategories", emptyCategories());
    json.put("caseReviews", caseReviews.asJson());
    json.put("serviceMap", serviceMap.asJson());
    return json;
  }

  @Override
  public Optional<String> heading() {
    // the table's rows say "services A.individuals": on a terminal, without the VOCA form, the
    // letters need names
    StringBuilder legend = new StringBuilder("\nService categories:");
    ALL_CATEGORIES.forEach(
        category ->
            legend
                .append("\n  ")
                .append(category)
                .append("  ")
                .append(VocaServiceMap.CATEGORY_NAMES.get(category)));
    return Optional.of(
        "VOCA performance measures "
            + span.label()
            + " ("
            + DataThrough.periodLine(span.start(), span.end(), dataThrough)
            + "), team: "
            + teamName()
            + legend);
  }

  @Override
  public List<String> notes() {
    return DataThrough.notBegun(span.start(), dataThrough).stream().toList();
  }

  @Override
  public List<Table.Column> columns() {
    return MEASURE_CODE_COUNT;
  }

  /**
   * measure, code, count rows for CSV: services as "services.A.individuals" and ".times", then the
   * case reviews, why categories are empty, the service map (services joined by ';') and the
   * report's day.
   */
  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("individualsServed", "", served));
    rows.add(List.of("newIndividuals", "", newIndividuals));
    rows.add(List.of("continuingIndividuals", "", served - newIndividuals));
    demographics
        .asMap()
        .forEach(
            (breakdown, counts) ->
                counts.forEach((code, count) -> rows.add(List.of(breakdown, code, count))));
    services.forEach(
        (category, tally) -> {
          rows.add(List.of("services", category + ".individuals", tally.individuals()));
          rows.add(List.of("services", category + ".times", tally.times()));
        });
    rows.add(List.of("caseReviews", "individuals", caseReviews.individuals()));
    rows.add(List.of("caseReviews", "times", caseReviews.times()));
    emptyCategories()
        .forEach((category, why) -> rows.add(List.of("emptyCategories", category, why)));
    serviceMap
        .asJson()
        .forEach(
            (category, codes) ->
                rows.add(List.of("serviceMap", category, String.join(";", codes))));
    rows.add(List.of("dataThrough", "", dataThrough.toString()));
    return rows;
  }

  @Override
  public ReportDocument document() {
    List<ReportDocument.Section> sections = new ArrayList<>();
    sections.add(
        new ReportDocument.Section(
            "Individuals",
            List.of("Measure", "Individuals", "% of served"),
            List.of(
                List.of("Served in the quarter", served, ReportDocument.percent(served, served)),
                List.of(
                    "New this fiscal year",
                    newIndividuals,
                    ReportDocument.percent(newIndividuals, served)),
                List.of(
                    "Continuing",
                    served - newIndividuals,
                    ReportDocument.percent(served - newIndividuals, served)))));
    Map<String, String> headings =
        Map.of(
            "age",
            "Age of new individuals",
            "gender",
            "Gender of new individuals",
            "race",
            "Race and ethnicity of new individuals",
            "victimizationTypes",
            "Victimization types (new individuals)");
    Map<String, String> firstColumns =
        Map.of(
            "age",
            "Age",
            "gender",
            "Gender",
            "race",
            "Race and ethnicity",
            "victimizationTypes",
            "Victimization type");
    demographics
        .asMap()
        .forEach(
            (key, counts) -> {
              List<List<Object>> rows = new ArrayList<>();
              counts.forEach(
                  (code, count) ->
                      rows.add(
                          List.of(
                              Codes.label(code),
                              count,
                              ReportDocument.percent(count, newIndividuals))));
              sections.add(
                  new ReportDocument.Section(
                      headings.get(key),
                      List.of(firstColumns.get(key), "Individuals", "% of new individuals"),
                      rows));
            });
    Map<String, String> empty =
        emptyCategories(
            Codes::label,
            VocaServiceMap.SHELTER_NOTE
                + ": a CAC roster has no"
                + " shelter or housing column, so D is always reported as none; add shelter services from the"
                + " provider's own records");
    List<List<Object>> serviceRows = new ArrayList<>();
    for (String category : ALL_CATEGORIES) {
      Tally tally = services.getOrDefault(category, Tally.NONE);
      serviceRows.add(
          List.of(
              category + " - " + VocaServiceMap.CATEGORY_NAMES.get(category),
              tally.individuals(),
              ReportDocument.percent(tally.individuals(), served),
              tally.times(),
              empty.containsKey(category)
                  ? empty.get(category)
                  : serviceMap.asJson().get(category).stream()
                      .map(Codes::label)
                      .collect(Collectors.joining(", "))));
    }
    sections.add(
        new ReportDocument.Section(
            "Services",
            List.of(
                "Category",
                "Individuals",
                "% of served",
                "Times provided",
                "Roster services, or why none"),
            serviceRows));
    sections.add(
        new ReportDocument.Section(
            "Case reviews (beside the categories: not a VOCA service)",
            List.of("Measure", "Count"),
            List.of(
                List.of("Individuals whose case was reviewed", caseReviews.individuals()),
                List.of("Reviews (times)", caseReviews.times()))));
    return new ReportDocument(
        "VOCA performance measures " + span.label(),
        team == null ? "All teams" : team.name(),
        DataThrough.periodLine(span.start(), span.end(), dataThrough),
        sections,
        definitions());
  }

  private List<ReportDocument.Definition> definitions() {
    return List.of(
        new ReportDocument.Definition(
            "Fiscal year",
            "the federal fiscal year: FY2026 runs 2025-10-01 to 2026-09-30;"
                + " Q1 is October to December."),
        new ReportDocument.Definition(
            "Data through",
            "the day the report was written: no service or review dated" + " after it is counted."),
        new ReportDocument.Definition(
            "Individual served",
            "a child on a case (a child on two cases counts twice)"
                + " with the date of a roster service mapped to a category (below) in the quarter. A case review"
                + " alone does not make a child served."),
        new ReportDocument.Definition(
            "New / continuing",
            "new when that is its first mapped service of the fiscal"
                + " year; otherwise continuing."),
        new ReportDocument.Definition(
            "Demographics",
            "new individuals only; age in whole years on the first"
                + " mapped service of the fiscal year (not reported without a date of birth)."),
        new ReportDocument.Definition(
            "Victimization types",
            "sexual abuse -> child sexual abuse/assault; physical"
                + " abuse and neglect -> child physical abuse or neglect (once); sex and labor trafficking -> human"
                + " trafficking; exploitation material -> child pornography; witness to violence -> domestic and/or"
                + " family violence; other -> other. A child counts once under each."),
        new ReportDocument.Definition(
            "Service map used",
            serviceMap.describe()
                + ". D (shelter/housing) is not"
                + " recorded in the roster. Grant staff change the map with 'mdt settings set voca.serviceMap'."),
        new ReportDocument.Definition(
            "Service categories",
            "individuals: served in the quarter with a service of"
                + " that category; times: those services' dates in the quarter."),
        new ReportDocument.Definition(
            "Percentages",
            "of the individuals served in the quarter (services), or of the"
                + " new individuals (demographics), to one decimal; a child counts under every category and type that"
                + " applies, so these add up to more than 100%."),
        new ReportDocument.Definition(
            "Case reviews",
            "MDT coordination, not a VOCA direct service: children whose"
                + " case was reviewed at a recorded meeting in the quarter, and those reviews. A review dated before"
                + " the case's first referral is not counted."));
  }
}
