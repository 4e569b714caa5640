package org.mdt.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.mdt.codes.Codes;
import org.mdt.db.Sql;
import org.mdt.review.ReviewRules;
import org.mdt.team.Team;
import org.mdt.text.Table;

/**
 * The NCA semi-annual statistics of docs/DESIGN.md section 6.1. A new child is a child on a case (a
 * roster row) referred in the period and 18 or younger on the referral date; a row with no DOB
 * counts, with age unknown. Each breakdown lists every code, zeros included, and (but for abuse
 * types, where a child counts once under each type) sums to the number of new children. Age is
 * worked out here rather than in SQL so that H2 and PostgreSQL give the same answer. A report
 * written on day D counts no referral, service date or meeting after D, and a case review only at a
 * meeting held by the period's last day, so that a figure once submitted does not change when later
 * meetings are recorded.
 */
public final class NcaStatistics implements Report {
  public static final List<String> AGE_BANDS = List.of("0-6", "7-12", "13-18", "unknown");
  public static final List<String> OFFENDER_AGE_BANDS =
      List.of("under_13", "13-17", "18_and_over", "unknown");
  public static final List<String> SERVICES =
      List.of(
          "forensic_interview",
          "medical_exam",
          "mental_health_referral",
          "mental_health_services",
          "victim_advocacy",
          "case_review");

  /** The breakdowns in report order, by their JSON keys. */
  public static final List<String> BREAKDOWNS =
      List.of(
          "gender",
          "ageAtFirstContact",
          "race",
          "abuseTypes",
          "offenderRelationship",
          "offenderAge",
          "services");

  private static final int OLDEST_CHILD = 18;

  // Every column is in the case_child_report index, so H2 reads a slice of the index and not the
  // table. The slice is sorted by case before each child's case reviews are joined, so that the
  // joins walk the meeting_case and case_child_first_referral indexes in order instead of at random
  // (a third less time on a million rows). A join rather than a subquery per child, which H2 runs
  // as a query of its own each time: a quarter less time. A child has a row per counted review of
  // its case (or one row without), its rows together.
  private static final String COLUMNS =
      "ch.team_id, ch.referral_date, ch.child_dob, ch.child_gender, ch.child_race,"
          + " ch.abuse_types, ch.offender_relationship, ch.offender_age, ch.forensic_interview_date,"
          + " ch.medical_exam_date, ch.mental_health_referral_date, ch.mental_health_services_date,"
          + " ch.victim_advocacy_date";
  private static final String QUERY =
      "SELECT ch.id, "
          + COLUMNS
          + ", m.meeting_date FROM (SELECT ch.id, ch.case_id, "
          + COLUMNS
          + " FROM case_child ch WHERE ch.referral_date BETWEEN ? AND ? AND "
          + Sql.optionalTeam("ch.team_id")
          + " ORDER BY ch.case_id) ch"
          + " LEFT JOIN (meeting_case mc JOIN meeting m ON m.id = mc.meeting_id)"
          + " ON mc.case_id = ch.case_id AND "
          + ReviewRules.COUNTED_REVIEW_OF_CHILD
          + " ORDER BY ch.case_id, ch.id";

  /**
   * The position of the case review among {@link #SERVICES}, the last: the query's columns from the
   * 10th are the other services' dates, then the review's.
   */
  private static final int CASE_REVIEW = SERVICES.indexOf("case_review");

  /**
   * One roster row as these counts read it; {@code serviceDates} in {@link #SERVICES} order, the
   * case review's being the first counted review of its case (null: none).
   */
  record Child(
      long teamId,
      LocalDate referral,
      LocalDate dob,
      String gender,
      String race,
      List<String> abuseTypes,
      String offenderRelationship,
      Integer offenderAge,
      LocalDate[] serviceDates) {}

  private final HalfYear period;
  private final Team team;

  /**
   * The last day a case review counts: the period's end, or the report's day when that is earlier.
   */
  private final LocalDate reviewsThrough;

  /**
   * The report's day: no service dated after it counts (null: no bound, for the evaluation export).
   */
  private final LocalDate dataThrough;

  private int newChildren;
  private final Breakdowns breakdowns =
      new Breakdowns()
          .with("gender", Codes.GENDER.codes())
          .with("ageAtFirstContact", AGE_BANDS)
          .with("race", Codes.RACE.codes())
          .with("abuseTypes", Codes.ABUSE_TYPE.codes())
          .with("offenderRelationship", Codes.OFFENDER_RELATIONSHIP.codes())
          .with("offenderAge", OFFENDER_AGE_BANDS)
          .with("services", SERVICES);

  private NcaStatistics(
      HalfYear period, Team team, LocalDate reviewsThrough, LocalDate dataThrough) {
    this.period = period;
    this.team = team;
    this.reviewsThrough = reviewsThrough;
    this.dataThrough = dataThrough;
  }

  /**
   * The statistics of one team, or of all teams when team is null, as written on {@code reportDay}.
   */
  public static NcaStatistics compute(
      Connection connection, HalfYear period, Team team, LocalDate reportDay) throws SQLException {
    LocalDate lastDay = DataThrough.lastCounted(period.end(), reportDay);
    NcaStatistics stats = new NcaStatistics(period, team, lastDay, reportDay);
    scan(connection, period.start(), lastDay, team == null ? null : team.id(), stats::add);
    return stats;
  }

  /**
   * Empty counts over some other span (the evaluation export counts by month), fed by {@link
   * #scan}: case reviews count through {@code lastDay} (the export's), service dates without bound.
   */
  static NcaStatistics empty(Team team, LocalDate lastDay) {
    return new NcaStatistics(null, team, lastDay, null);
  }

  /**
   * Hands every roster row referred from start to end (of one team, or all when teamId is null) to
   * sink.
   */
  static void scan(
      Connection connection, LocalDate start, LocalDate end, Long teamId, Consumer<Child> sink)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(QUERY)) {
      query.setObject(1, start);
      query.setObject(2, end);
      Sql.bindTwice(query, 3, teamId, Types.BIGINT);
      query.setFetchSize(1000);
      StoredCodeLists abuseTypes = new StoredCodeLists();
      try (ResultSet rs = query.executeQuery()) {
        Child child = null;
        long childId = 0;
        while (rs.next()) {
          LocalDate reviewed = rs.getObject(10 + CASE_REVIEW, LocalDate.class);
          if (child != null && rs.getLong(1) == childId) {
            // another counted review of the child's case: the first one is the case review's date
            LocalDate[] services = child.serviceDates();
            if (reviewed != null
                && (services[CASE_REVIEW] == null || reviewed.isBefore(services[CASE_REVIEW]))) {
              services[CASE_REVIEW] = reviewed;
            }
            continue;
          }
          if (child != null) {
            sink.accept(child);
          }
          childId = rs.getLong(1);
          LocalDate[] services = new LocalDate[SERVICES.size()];
          for (int i = 0; i < CASE_REVIEW; i++) {
            services[i] = rs.getObject(10 + i, LocalDate.class);
          }
          services[CASE_REVIEW] = reviewed;
          int offenderAge = rs.getInt(9);
          Integer recordedOffenderAge = rs.wasNull() ? null : offenderAge;
          child =
              new Child(
                  rs.getLong(2),
                  rs.getObject(3, LocalDate.class),
                  rs.getObject(4, LocalDate.class),
                  rs.getString(5),
                  rs.getString(6),
                  abuseTypes.codes(rs.getString(7)),
                  rs.getString(8),
                  recordedOffenderAge,
                  services);
        }
        if (child != null) {
          sink.accept(child);
        }
      }
    }
  }

  void add(Child child) {
    Integer age =
        child.dob() == null ? null : Period.between(child.dob(), child.referral()).getYears();
    if (age != null && age > OLDEST_CHILD) {
      return;
    }
    newChildren++;
    count("gender", Breakdowns.coded(Codes.GENDER, child.gender()));
    count(
        "ageAtFirstContact",
        age == null ? "unknown" : age <= 6 ? "0-6" : age <= 12 ? "7-12" : "13-18");
    count("race", Breakdowns.coded(Codes.RACE, child.race()));
    for (String type : child.abuseTypes()) {
      count("abuseTypes", type);
    }
    count(
        "offenderRelationship",
        Breakdowns.coded(Codes.OFFENDER_RELATIONSHIP, child.offenderRelationship()));
    Integer offenderAge = child.offenderAge();
    count(
        "offenderAge",
        offenderAge == null
            ? "unknown"
            : offenderAge < 13 ? "under_13" : offenderAge < 18 ? "13-17" : "18_and_over");
    for (int i = 0; i < SERVICES.size(); i++) {
      LocalDate day = child.serviceDates()[i];
      LocalDate through = i == SERVICES.size() - 1 ? reviewsThrough : dataThrough;
      if (day != null && (through == null || !day.isAfter(through))) {
        count("services", SERVICES.get(i));
      }
    }
  }

  private void count(String breakdown, String code) {
    breakdowns.count(breakdown, code);
  }

  public HalfYear period() {
    return period;
  }

  /** The team's name, or "all" for every team in the database. */
  public String teamName() {
    return team == null ? "all" : team.name();
  }

  public int newChildren() {
    return newChildren;
  }

  public Map<String, Map<String, Integer>> breakdowns() {
    return breakdowns.asMap();
  }

  private static final Map<String, String> HEADINGS =
      Map.of(
          "gender",
          "Gender",
          "ageAtFirstContact",
          "Age at first contact",
          "race",
          "Race and ethnicity",
          "abuseTypes",
          "Abuse types",
          "offenderRelationship",
          "Alleged offender's relationship",
          "offenderAge",
          "Alleged offender's age",
          "services",
          "Services");

  @Override
  public Optional<String> heading() {
    return Optional.of(
        "NCA statistics "
            + period
            + " ("
            + DataThrough.periodLine(period.start(), period.end(), dataThrough)
            + "), team: "
            + teamName());
  }

  @Override
  public List<String> notes() {
    return DataThrough.notBegun(period.start(), dataThrough).stream().toList();
  }

  @Override
  public List<Table.Column> columns() {
    return MEASURE_CODE_COUNT;
  }

  /** The new children, each breakdown's counts by code, and the report's day. */
  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("newChildren", "", newChildren));
    breakdowns()
        .forEach(
            (breakdown, counts) ->
                counts.forEach((code, count) -> rows.add(List.of(breakdown, code, count))));
    rows.add(List.of("dataThrough", "", dataThrough.toString()));
    return rows;
  }

  /** The report for PDF and xlsx: the same numbers as the JSON, with its definitions. */
  @Override
  public ReportDocument document() {
    List<ReportDocument.Section> sections = new ArrayList<>();
    sections.add(
        new ReportDocument.Section(
            "New children",
            List.of("Measure", "Children"),
            List.of(List.of("New children", newChildren))));
    breakdowns()
        .forEach(
            (key, counts) -> {
              List<List<Object>> rows = new ArrayList<>();
              counts.forEach(
                  (code, count) ->
                      rows.add(
                          List.of(
                              Codes.label(code),
                              count,
                              ReportDocument.percent(count, newChildren))));
              sections.add(
                  new ReportDocument.Section(
                      HEADINGS.get(key),
                      List.of(HEADINGS.get(key), "Children", "% of new children"),
                      rows));
            });
    return new ReportDocument(
        "NCA semi-annual statistics " + period,
        team == null ? "All teams" : team.name(),
        DataThrough.periodLine(period.start(), period.end(), dataThrough),
        sections,
        DEFINITIONS);
  }

  static final List<ReportDocument.Definition> DEFINITIONS =
      List.of(
          new ReportDocument.Definition(
              "New child",
              "a child on a case (one roster row) whose referral date falls in"
                  + " the period and who was 18 or younger on that date; a child on two cases counts twice; a row"
                  + " without a date of birth counts, with age unknown."),
          new ReportDocument.Definition(
              "Data through",
              "the day the report was written: no referral, service date"
                  + " or meeting dated after it is counted."),
          new ReportDocument.Definition(
              "% of new children",
              "each count as a share of the period's new children, to"
                  + " one decimal; abuse types and services add up to more than 100%."),
          new ReportDocument.Definition(
              "Age at first contact", "whole years on the referral date."),
          new ReportDocument.Definition(
              "Gender, race, relationship",
              "the roster's codes; not recorded counts as" + " unknown."),
          new ReportDocument.Definition(
              "Abuse types",
              "a child counts once under each of the types on their row, so"
                  + " these add up to more than the new children."),
          new ReportDocument.Definition(
              "Alleged offender's age",
              "in years as recorded: under 13, 13 to 17, 18 and" + " over, or unknown."),
          new ReportDocument.Definition(
              "Services",
              "new children with that service's date recorded (forensic"
                  + " interview, medical exam, mental health referral, mental health services, victim advocacy), or"
                  + " whose case was reviewed at a recorded MDT meeting held on or before the period's last day (case"
                  + " review), so the figure does not change when later meetings are recorded. A review dated before"
                  + " the case's first referral is not counted."));

  /** The report as the JSON object docs/DESIGN.md section 6.1 specifies. */
  @Override
  public Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    Map<String, String> range = new LinkedHashMap<>();
    range.put("start", period.start().toString());
    range.put("end", period.end().toString());
    json.put("period", range);
    json.put("team", teamName());
    json.put("dataThrough", dataThrough.toString());
    json.put("newChildren", newChildren);
    json.putAll(breakdowns.asMap());
    return json;
  }
}
