package org.mdt.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.mdt.db.Sql;
import org.mdt.followup.FollowupOutcome;
import org.mdt.followup.FollowupStatus;
import org.mdt.review.ReviewRules;
import org.mdt.team.Team;
import org.mdt.text.Table;

/**
 * The coordinator's monthly report (docs/DESIGN.md section 6.4): cases and children received,
 * reviews held, cases reviewed, follow-ups opened, closed (done or cancelled) and overdue at the
 * month's end, for the month and each of the 12 before it, counting nothing dated after the day it
 * is written. Meant for cron: it reads, never asks.
 */
public final class MonthlyReport implements Report {
  /** The measures in report order, by their JSON keys. */
  public static final List<String> MEASURES =
      List.of(
          "casesReceived",
          "childrenReceived",
          "reviewsHeld",
          "casesReviewed",
          "followupsOpened",
          "followupsClosed",
          "followupsDone",
          "followupsCancelled",
          "followupsOverdue");

  private static final int TREND_MONTHS = 12;

  private final YearMonth month;
  private final Team team;

  /** The report's own day: nothing dated after it is counted. */
  private final LocalDate dataThrough;

  /** Month → measure → count, for the month and the 12 before, oldest first. */
  private final Map<YearMonth, Map<String, Integer>> months = new TreeMap<>();

  private MonthlyReport(YearMonth month, Team team, LocalDate dataThrough) {
    this.month = month;
    this.team = team;
    this.dataThrough = dataThrough;
    for (YearMonth m = month.minusMonths(TREND_MONTHS); !m.isAfter(month); m = m.plusMonths(1)) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      MEASURES.forEach(measure -> counts.put(measure, 0));
      months.put(m, counts);
    }
  }

  /**
   * @param today the day the report is written: referrals, meetings and follow-ups dated after it
   *     are not counted, and a follow-up closed after it is still open
   * @param zone follow-up times are bucketed by day in this zone, the one the coordinator's machine
   *     keeps
   */
  public static MonthlyReport compute(
      Connection connection, YearMonth month, Team team, LocalDate today, ZoneId zone)
      throws SQLException {
    MonthlyReport report = new MonthlyReport(month, team, today);
    LocalDate from = month.minusMonths(TREND_MONTHS).atDay(1);
    LocalDate to = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
    Long teamId = team == null ? null : team.id();
    FirstReferrals.between(connection, teamId, from, to)
        .values()
        .forEach(referral -> report.count(referral, "casesReceived"));
    report.addCounts(
        "childrenReceived", countByMonth(connection, CHILDREN_RECEIVED, teamId, from, to));
    report.addCounts("reviewsHeld", countByMonth(connection, REVIEWS_HELD, teamId, from, to));
    report.addCounts("casesReviewed", countByMonth(connection, CASES_REVIEWED, teamId, from, to));
    scanFollowups(connection, teamId, from, to, zone, report::add);
    return report;
  }

  // The queries: counts or rows of the window from..to, no rule of what counts.

  /** A date column's year and month, as the first two columns of a count by month. */
  private static String yearMonth(String column) {
    return "EXTRACT(YEAR FROM " + column + "), EXTRACT(MONTH FROM " + column + ")";
  }

  private static final String CHILDREN_RECEIVED =
      "SELECT "
          + yearMonth("ch.referral_date")
          + ", COUNT(*) FROM case_child ch WHERE "
          + Sql.optionalTeam("ch.team_id")
          + " AND ch.referral_date BETWEEN ? AND ? GROUP BY "
          + yearMonth("ch.referral_date");
  private static final String REVIEWS_HELD =
      "SELECT "
          + yearMonth("m.meeting_date")
          + ", COUNT(*) FROM meeting m WHERE "
          + ReviewRules.RECORDED_MEETING
          + " AND "
          + Sql.optionalTeam("m.team_id")
          + " AND m.meeting_date BETWEEN ? AND ? GROUP BY "
          + yearMonth("m.meeting_date");

  /** A case counts as reviewed once in a month, however many meetings of the month reviewed it. */
  private static final String CASES_REVIEWED =
      "SELECT "
          + yearMonth("m.meeting_date")
          + ", COUNT(DISTINCT mc.case_id) FROM meeting m JOIN meeting_case mc ON mc.meeting_id = m.id"
          + " WHERE "
          + ReviewRules.REVIEWED_AT_RECORDED_MEETING
          + " AND "
          + Sql.optionalTeam("m.team_id")
          + " AND m.meeting_date BETWEEN ? AND ? GROUP BY "
          + yearMonth("m.meeting_date");

  /**
   * Hands sink every follow-up (on a case of one team, or all when teamId is null) opened by the
   * window's end and not closed before its start: the rest cannot count. Each comes from a slice of
   * the followup_closed index: those closed in or after the window, then those never closed. (The
   * first slice is not bounded by the opening day in SQL, where H2 would then read the other index
   * through every follow-up ever opened: the few opened after the window's end are left out here.)
   */
  private static void scanFollowups(
      Connection connection,
      Long teamId,
      LocalDate from,
      LocalDate to,
      ZoneId zone,
      Consumer<FollowupDays> sink)
      throws SQLException {
    String ofTeam =
        "SELECT " + FollowupDays.COLUMNS + " FROM followup f WHERE " + FollowupDays.OF_TEAM;
    try (PreparedStatement query =
        connection.prepareStatement(
            ofTeam
                + " AND f.closed_at >= ? UNION ALL "
                + ofTeam
                + " AND f.closed_at IS NULL AND f.created_at < ?")) {
      Sql.bindTwice(query, 1, teamId, Types.BIGINT);
      query.setObject(3, from.atStartOfDay(zone).toOffsetDateTime());
      Sql.bindTwice(query, 4, teamId, Types.BIGINT);
      query.setObject(6, to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          FollowupDays followup = FollowupDays.read(rs, zone);
          if (!followup.opened().isAfter(to)) {
            sink.accept(followup);
          }
        }
      }
    }
  }

  /** Year-month → count, from a query of year, month and count over the team pair and from..to. */
  private static Map<YearMonth, Integer> countByMonth(
      Connection connection, String sql, Long teamId, LocalDate from, LocalDate to)
      throws SQLException {
    Map<YearMonth, Integer> counts = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      Sql.bindTwice(query, 1, teamId, Types.BIGINT);
      query.setObject(3, from);
      query.setObject(4, to);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          counts.put(YearMonth.of(rs.getInt(1), rs.getInt(2)), rs.getInt(3));
        }
      }
    }
    return counts;
  }

  // The rules: what each row adds to which month.

  /** Counts by month of one measure, each in its month of the report. */
  void addCounts(String measure, Map<YearMonth, Integer> byMonth) {
    byMonth.forEach(
        (m, n) -> {
          Map<String, Integer> counts = months.get(m);
          if (counts != null) {
            counts.merge(measure, n, Integer::sum);
          }
        });
  }

  /**
   * A follow-up counts as opened in its month, as closed (and done or cancelled) in its month
   * unless that is after the report's day, and as overdue in every month at whose end it was open
   * past its due date.
   */
  void add(FollowupDays followup) {
    LocalDate closed = followup.closed();
    String status = followup.status();
    count(followup.opened(), "followupsOpened");
    if (closed != null && !closed.isAfter(dataThrough)) {
      count(closed, "followupsClosed");
      count(
          closed,
          FollowupStatus.CANCELLED.word().equals(status) ? "followupsCancelled" : "followupsDone");
    }
    months.forEach(
        (m, counts) -> {
          // a month still running counts what is overdue today; one not begun, nothing
          LocalDate end = m.atEndOfMonth().isAfter(dataThrough) ? dataThrough : m.atEndOfMonth();
          if (!m.atDay(1).isAfter(dataThrough)
              && !followup.opened().isAfter(end)
              && FollowupOutcome.asOf(end, status, followup.due(), closed)
                  == FollowupOutcome.OPEN_OVERDUE) {
            counts.merge("followupsOverdue", 1, Integer::sum);
          }
        });
  }

  private void count(LocalDate day, String measure) {
    Map<String, Integer> counts = months.get(YearMonth.from(day));
    if (counts != null) {
      counts.merge(measure, 1, Integer::sum);
    }
  }

  public YearMonth month() {
    return month;
  }

  public String teamName() {
    return team == null ? "all" : team.name();
  }

  @Override
  public Optional<String> heading() {
    return Optional.of(
        "Monthly report " + month + ", team: " + teamName() + ", data through " + dataThrough);
  }

  @Override
  public List<Table.Column> columns() {
    return Table.columns(
        "month",
        "MONTH",
        "casesReceived",
        "CASES",
        "childrenReceived",
        "CHILDREN",
        "reviewsHeld",
        "REVIEWS",
        "casesReviewed",
        "REVIEWED",
        "followupsOpened",
        "FU OPENED",
        "followupsClosed",
        "FU CLOSED",
        "followupsDone",
        "FU DONE",
        "followupsCancelled",
        "FU CANCELLED",
        "followupsOverdue",
        "FU OVERDUE");
  }

  /** One row a month, oldest first: the month, then its count of each measure. */
  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    months.forEach(
        (m, counts) -> {
          List<Object> row = new ArrayList<>(List.of(m.toString()));
          row.addAll(counts.values());
          rows.add(row);
        });
    return rows;
  }

  @Override
  public Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("month", month.toString());
    json.put("team", teamName());
    json.put("dataThrough", dataThrough.toString());
    json.putAll(months.get(month));
    List<Map<String, Object>> trend = new ArrayList<>();
    months.forEach(
        (m, counts) -> {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("month", m.toString());
          entry.putAll(counts);
          trend.add(entry);
        });
    json.put("trend", trend);
    Map<String, Object> average = new LinkedHashMap<>();
    average.put("months", monthsWithData().size());
    MEASURES.forEach(measure -> average.put(measure, average(measure)));
    json.put("trendAverage", average);
    return json;
  }

  @Override
  public ReportDocument document() {
    Map<String, Integer> now = months.get(month);
    Map<String, Integer> before = months.get(month.minusMonths(1));
    List<List<Object>> summary = new ArrayList<>();
    for (String measure : MEASURES) {
      Double average = average(measure);
      summary.add(
          List.of(
              LABELS.get(measure),
              now.get(measure),
              before.get(measure),
              average == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f", average)));
    }
    List<String> trendColumns = new ArrayList<>(List.of("Month"));
    MEASURES.forEach(m -> trendColumns.add(LABELS.get(m)));
    return new ReportDocument(
        "Monthly report " + month,
        team == null ? "All teams" : team.name(),
        month.atDay(1) + " to " + month.atEndOfMonth() + ", data through " + dataThrough,
        List.of(
            new ReportDocument.Section(
                "This month",
                List.of(
                    "Measure", month.toString(), month.minusMonths(1).toString(), averageHeading()),
                summary),
            new ReportDocument.Section("Trend", trendColumns, rows())),
        DEFINITIONS);
  }

  /**
   * The months of the 12 before this one that have data: from the first with any count on. Months
   * before the team's first referral, meeting or follow-up are not zeros, they are before mdt knew
   * the team; a quiet month after that is a real zero.
   */
  private List<YearMonth> monthsWithData() {
    List<YearMonth> before = months.keySet().stream().filter(m -> m.isBefore(month)).toList();
    int first = 0;
    while (first < before.size()
        && months.get(before.get(first)).values().stream().allMatch(n -> n == 0)) {
      first++;
    }
    return before.subList(first, before.size());
  }

  /** The mean over {@link #monthsWithData}, to one decimal; null when none has data. */
  private Double average(String measure) {
    List<YearMonth> counted = monthsWithData();
    if (counted.isEmpty()) {
      return null;
    }
    int sum = counted.stream().mapToInt(m -> months.get(m).get(measure)).sum();
    return Math.round(10.0 * sum / counted.size()) / 10.0;
  }

  private String averageHeading() {
    int counted = monthsWithData().size();
    return counted == TREND_MONTHS
        ? "12-month average"
        : "Average of " + counted + " month" + (counted == 1 ? "" : "s") + " with data";
  }

  private static final Map<String, String> LABELS =
      Map.of(
          "casesReceived",
          "Cases received",
          "childrenReceived",
          "Children received",
          "reviewsHeld",
          "Reviews held",
          "casesReviewed",
          "Cases reviewed",
          "followupsOpened",
          "Follow-ups opened",
          "followupsClosed",
          "Follow-ups closed",
          "followupsDone",
          "Follow-ups done",
          "followupsCancelled",
          "Follow-ups cancelled",
          "followupsOverdue",
          "Follow-ups overdue");

  static final List<ReportDocument.Definition> DEFINITIONS =
      List.of(
          new ReportDocument.Definition(
              "Cases received", "cases whose first child was referred in the month."),
          new ReportDocument.Definition(
              "Children received", "children on cases (roster rows) referred in the month."),
          new ReportDocument.Definition(
              "Reviews held", "MDT case review meetings held in the month and recorded."),
          new ReportDocument.Definition(
              "Cases reviewed", "distinct cases reviewed at those meetings."),
          new ReportDocument.Definition(
              "Follow-ups opened / closed",
              "follow-ups created, and marked done or"
                  + " cancelled, in the month; closed = done + cancelled."),
          new ReportDocument.Definition(
              "Follow-ups overdue",
              "follow-ups still open at the end of the month's last"
                  + " day (or of the data-through day, if earlier) whose due date was before that day."),
          new ReportDocument.Definition(
              "Average",
              "the mean of the 12 months before this one, or of those from the"
                  + " first month with any count when mdt knew the team for fewer (the heading says how many)."),
          new ReportDocument.Definition(
              "Data through",
              "the day the report was written: referrals, meetings and"
                  + " follow-ups dated after it are not counted, and a follow-up closed after it counts as open."));
}
