package org.mdt.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.mdt.codes.Codes;
import org.mdt.db.Sql;
import org.mdt.team.Team;

/**
 * VOCA performance measures for a federal fiscal quarter (DESIGN section 6.2). An individual is a child on a
 * case; it is served in the quarter when a forensic interview, medical exam, mental health services or
 * victim advocacy date, or a recorded review of its case, falls in it. It is new when that is its first
 * service of the fiscal year, and only new individuals are counted by age (on that first service), gender,
 * race and victimization type, so each of those adds up to the new individuals.
 */
public final class VocaReport {
  public static final List<String> AGE_BANDS = List.of("0-12", "13-17", "18-24", "25-59", "60_and_over",
      "not_reported");

  /** VOCA victimization types, and the abuse types counted under each. */
  public static final Map<String, List<String>> VICTIMIZATION = victimization();

  /**
   * The events that make an individual served, and the VOCA service category each one is: the design names
   * the categories but not the mapping, so this is mdt's reading of it (stated in the report's definitions).
   */
  enum Service {
    CASE_REVIEW("A"), VICTIM_ADVOCACY("B"), MEDICAL_EXAM("B"), MENTAL_HEALTH_SERVICES("C"), FORENSIC_INTERVIEW("E");

    final String category;

    Service(String category) {
      this.category = category;
    }
  }

  public static final List<String> CATEGORIES = List.of("A", "B", "C", "E");

  /**
   * The days a VOCA count covers, and the start of the fiscal year they belong to (which decides new or
   * continuing): a fiscal quarter, or a month of the evaluation export.
   */
  public record Span(String label, LocalDate fiscalYearStart, LocalDate start, LocalDate end) {
    public static Span of(FiscalQuarter quarter) {
      return new Span(quarter.toString(), quarter.fiscalYearStart(), quarter.start(), quarter.end());
    }

    /** Any days within one fiscal year, such as a month of the evaluation export. */
    public static Span within(String label, LocalDate start, LocalDate end) {
      return new Span(label, FiscalQuarter.containing(start).fiscalYearStart(), start, end);
    }
  }

  private final Span span;
  private final Team team;
  private int served;
  private int newIndividuals;
  private final Breakdowns demographics = new Breakdowns()
      .with("age", AGE_BANDS)
      .with("gender", Codes.GENDER.codes())
      .with("race", Codes.RACE.codes())
      .with("victimizationTypes", List.copyOf(VICTIMIZATION.keySet()));
  private final Map<String, int[]> services = new LinkedHashMap<>(); // category → {individuals, times}

  private VocaReport(Span span, Team team) {
    this.span = span;
    this.team = team;
    CATEGORIES.forEach(category -> services.put(category, new int[2]));
  }

  public static VocaReport compute(Connection connection, Span span, Team team) throws SQLException {
    VocaReport report = new VocaReport(span, team);
    scan(connection, span.fiscalYearStart(), span.end(), team == null ? null : team.id(), report::add);
    return report;
  }

  /** Empty counts for a span, fed by {@link #scan} (the evaluation export counts every month in one scan). */
  static VocaReport empty(Span span, Team team) {
    return new VocaReport(span, team);
  }

  /** A child on a case with its service events (service dates and recorded reviews of its case). */
  record Individual(long teamId, LocalDate dob, String gender, String race, String abuseTypes,
      List<Map.Entry<Service, LocalDate>> events) {}

  /**
   * Hands sink every child (of one team, or all when teamId is null) with a service event from {@code from}
   * to {@code to}, with all its events in that range. A service may precede the referral, so no referral
   * date bounds the search: it reads the whole of the case_child_report index, and the table only for the
   * children whose one event is a review of their case.
   */
  static void scan(Connection connection, LocalDate from, LocalDate to, Long teamId, Consumer<Individual> sink)
      throws SQLException {
    Map<Long, List<LocalDate>> reviews = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT mc.case_id, m.meeting_date"
        + " FROM meeting m JOIN meeting_case mc ON mc.meeting_id = m.id"
        + " WHERE mc.reviewed AND m.recorded_at IS NOT NULL AND m.meeting_date BETWEEN ? AND ?"
        + " AND (CAST(? AS BIGINT) IS NULL OR m.team_id = ?)")) {
      query.setObject(1, from);
      query.setObject(2, to);
      Sql.bindTwice(query, 3, teamId, Types.BIGINT);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          reviews.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getObject(2, LocalDate.class));
        }
      }
    }
    String columns = "SELECT ch.id, ch.team_id, ch.case_id, ch.child_dob, ch.child_gender, ch.child_race,"
        + " ch.abuse_types, ch.forensic_interview_date, ch.medical_exam_date, ch.mental_health_services_date,"
        + " ch.victim_advocacy_date FROM case_child ch";
    String inRange = " BETWEEN ? AND ?";
    // Children with a service date in range. The always-true referral condition lets the planner read the
    // narrower case_child_report index instead of the table.
    Set<Long> emitted = new HashSet<>();
    try (PreparedStatement query = connection.prepareStatement(columns
        + " WHERE ch.referral_date >= ? AND (CAST(? AS BIGINT) IS NULL OR ch.team_id = ?)"
        + " AND (ch.forensic_interview_date" + inRange + " OR ch.medical_exam_date" + inRange
        + " OR ch.mental_health_services_date" + inRange + " OR ch.victim_advocacy_date" + inRange + ")")) {
      query.setObject(1, LocalDate.of(1, 1, 1));
      Sql.bindTwice(query, 2, teamId, Types.BIGINT);
      for (int i = 4; i <= 11; i += 2) {
        query.setObject(i, from);
        query.setObject(i + 1, to);
      }
      query.setFetchSize(1000);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          emitted.add(rs.getLong(1));
          sink.accept(individual(rs, from, to, reviews));
        }
      }
    }
    // Then the other children of the cases reviewed in range: their ids come from an index alone, and only
    // the few not already counted are read whole (reading every reviewed child took most of the time).
    List<Long> reviewedOnly = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT ch.id FROM case_child ch"
        + " WHERE ch.case_id = ?")) {
      for (Long caseId : reviews.keySet()) {
        query.setLong(1, caseId);
        try (ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            if (!emitted.contains(rs.getLong(1))) {
              reviewedOnly.add(rs.getLong(1));
            }
          }
        }
      }
    }
    try (PreparedStatement query = connection.prepareStatement(columns + " WHERE ch.id = ?")) {
      for (long childId : reviewedOnly) {
        query.setLong(1, childId);
        try (ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            sink.accept(individual(rs, from, to, reviews));
          }
        }
      }
    }
  }

  private static final Service[] DATED = {Service.FORENSIC_INTERVIEW, Service.MEDICAL_EXAM,
      Service.MENTAL_HEALTH_SERVICES, Service.VICTIM_ADVOCACY};

  private static Individual individual(ResultSet rs, LocalDate from, LocalDate to,
      Map<Long, List<LocalDate>> reviews) throws SQLException {
    List<Map.Entry<Service, LocalDate>> events = new ArrayList<>();
    for (int i = 0; i < DATED.length; i++) {
      LocalDate day = rs.getObject(8 + i, LocalDate.class);
      if (day != null && !day.isBefore(from) && !day.isAfter(to)) {
        events.add(Map.entry(DATED[i], day));
      }
    }
    reviews.getOrDefault(rs.getLong(3), List.of()).forEach(day -> events.add(Map.entry(Service.CASE_REVIEW, day)));
    return new Individual(rs.getLong(2), rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6),
        rs.getString(7), events);
  }

  /** One child: its service events of the fiscal year so far decide whether, and how, it counts. */
  void add(Individual individual) {
    LocalDate fiscalYearStart = span.fiscalYearStart();
    LocalDate end = span.end();
    LocalDate first = null;
    Map<String, Integer> timesThisQuarter = new HashMap<>();
    for (Map.Entry<Service, LocalDate> event : individual.events()) {
      LocalDate day = event.getValue();
      if (day.isBefore(fiscalYearStart) || day.isAfter(end)) {
        continue;
      }
      first = first == null || day.isBefore(first) ? day : first;
      if (!day.isBefore(span.start())) {
        timesThisQuarter.merge(event.getKey().category, 1, Integer::sum);
      }
    }
    if (timesThisQuarter.isEmpty()) {
      return; // served earlier in the year, not this quarter
    }
    served++;
    timesThisQuarter.forEach((category, times) -> {
      services.get(category)[0]++;
      services.get(category)[1] += times;
    });
    if (first.isBefore(span.start())) {
      return; // continuing: its demographics were counted in the quarter it was new
    }
    newIndividuals++;
    count("age", ageBand(individual.dob(), first));
    count("gender", Breakdowns.coded(Codes.GENDER, individual.gender()));
    count("race", Breakdowns.coded(Codes.RACE, individual.race()));
    Set<String> types = new LinkedHashSet<>();
    if (individual.abuseTypes() != null) {
      for (String type : individual.abuseTypes().split(";")) {
        VICTIMIZATION.forEach((voca, abuse) -> {
          if (abuse.contains(type)) {
            types.add(voca);
          }
        });
      }
    }
    types.forEach(type -> count("victimizationTypes", type));
  }

  static String ageBand(LocalDate dob, LocalDate on) {
    if (dob == null || dob.isAfter(on)) {
      return "not_reported";
    }
    int age = Period.between(dob, on).getYears();
    return age <= 12 ? "0-12" : age <= 17 ? "13-17" : age <= 24 ? "18-24" : age <= 59 ? "25-59" : "60_and_over";
  }

  private void count(String breakdown, String code) {
    demographics.count(breakdown, code);
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

  public int served() {
    return served;
  }

  public int newIndividuals() {
    return newIndividuals;
  }

  public Map<String, Map<String, Integer>> demographics() {
    return demographics.asMap();
  }

  /** Category → {individuals, times}. */
  public Map<String, int[]> services() {
    return services;
  }

  /** The JSON keys of the issue: quarter, individualsServed, newIndividuals, continuingIndividuals, age,
   * gender, race, victimizationTypes, services (category → individuals and times). */
  public Map<String, Object> asJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("quarter", span.label());
    Map<String, String> period = new LinkedHashMap<>();
    period.put("start", span.start().toString());
    period.put("end", span.end().toString());
    json.put("period", period);
    json.put("team", teamName());
    json.put("individualsServed", served);
    json.put("newIndividuals", newIndividuals);
    json.put("continuingIndividuals", served - newIndividuals);
    json.putAll(demographics.asMap());
    Map<String, Object> categories = new LinkedHashMap<>();
    services.forEach((category, counts) -> {
      Map<String, Integer> entry = new LinkedHashMap<>();
      entry.put("individuals", counts[0]);
      entry.put("times", counts[1]);
      categories.put(category, entry);
    });
    json.put("services", categories);
    return json;
  }

  /** measure, code, count rows (services as "services.A.individuals" and ".times"), for CSV. */
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("individualsServed", "", served));
    rows.add(List.of("newIndividuals", "", newIndividuals));
    rows.add(List.of("continuingIndividuals", "", served - newIndividuals));
    demographics.asMap().forEach((breakdown, counts) -> counts.forEach((code, count) -> rows.add(List.of(breakdown, code,
        count))));
    services.forEach((category, counts) -> {
      rows.add(List.of("services", category + ".individuals", counts[0]));
      rows.add(List.of("services", category + ".times", counts[1]));
    });
    return rows;
  }

  public ReportDocument document() {
    List<ReportDocument.Section> sections = new ArrayList<>();
    sections.add(new ReportDocument.Section("Individuals", List.of("Measure", "Individuals"), List.of(
        List.of("Served in the quarter", served), List.of("New this fiscal year", newIndividuals),
        List.of("Continuing", served - newIndividuals))));
    Map<String, String> headings = Map.of("age", "Age of new individuals", "gender", "Gender of new individuals",
        "race", "Race and ethnicity of new individuals", "victimizationTypes", "Victimization types (new individuals)");
    demographics.asMap().forEach((key, counts) -> {
      List<List<Object>> rows = new ArrayList<>();
      counts.forEach((code, count) -> rows.add(List.of(code, count)));
      sections.add(new ReportDocument.Section(headings.get(key), List.of("Code", "Individuals"), rows));
    });
    List<List<Object>> serviceRows = new ArrayList<>();
    services.forEach((category, counts) -> serviceRows.add(List.of(category + " - " + CATEGORY_NAMES.get(category),
        counts[0], counts[1])));
    sections.add(new ReportDocument.Section("Services", List.of("Category", "Individuals", "Times provided"),
        serviceRows));
    return new ReportDocument("VOCA performance measures " + span.label(), team == null ? "All teams" : team.name(),
        span.start() + " to " + span.end(), sections, DEFINITIONS);
  }

  static final Map<String, String> CATEGORY_NAMES = Map.of("A", "Information and referral", "B",
      "Personal advocacy and accompaniment", "C", "Emotional support or safety services", "E",
      "Criminal/civil justice system assistance");

  static final List<ReportDocument.Definition> DEFINITIONS = List.of(
      new ReportDocument.Definition("Fiscal year", "the federal fiscal year: FY2026 runs 2025-10-01 to 2026-09-30;"
          + " Q1 is October to December."),
      new ReportDocument.Definition("Individual served", "a child on a case (a child on two cases counts twice)"
          + " with a forensic interview, medical exam, mental health services or victim advocacy date, or a"
          + " recorded MDT review of its case, in the quarter."),
      new ReportDocument.Definition("New / continuing", "new when that is its first service of the fiscal year;"
          + " otherwise continuing."),
      new ReportDocument.Definition("Demographics", "new individuals only; age in whole years on the first"
          + " service of the fiscal year (not reported without a date of birth)."),
      new ReportDocument.Definition("Victimization types", "sexual abuse -> child sexual abuse/assault; physical"
          + " abuse and neglect -> child physical abuse or neglect (once); sex and labor trafficking -> human"
          + " trafficking; exploitation material -> child pornography; witness to violence -> domestic and/or"
          + " family violence; other -> other. A child counts once under each."),
      new ReportDocument.Definition("Service categories", "A information and referral: MDT case review; B personal"
          + " advocacy and accompaniment: victim advocacy, medical exam; C emotional support: mental health"
          + " services; E justice system assistance: forensic interview. Individuals: served in the quarter with"
          + " that category; times: the events in the quarter."));
}
