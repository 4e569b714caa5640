package org.mdt.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.mdt.codes.Codes;
import org.mdt.db.Sql;
import org.mdt.followup.FollowupOutcome;
import org.mdt.review.ReviewRules;
import org.mdt.team.Team;
import org.mdt.text.Table;

/**
 * Accreditation evidence for a calendar year, one section per NCA standard the data speaks to
 * (docs/DESIGN.md section 6.3): the MDT's disciplines, case review, forensic interviews, medical,
 * mental health and victim advocacy services, and case tracking completeness. Where a standard
 * falls short, the cases behind it are listed by case number (never by child). The queries ({@code
 * scan*}, {@code active*}, {@code attendance}) only read rows; the {@code add*} methods hold the
 * rules of what counts.
 */
public final class AccreditationReport implements Report {
  /** Services, in report order: columns 4 to 8 of the children query, each its date. */
  static final List<String> SERVICES =
      List.of(
          "forensic_interview",
          "medical_exam",
          "mental_health_referral",
          "mental_health_services",
          "victim_advocacy");

  /**
   * Columns 9 to 18 of the children query: the case-tracking elements recorded on the roster row or
   * case.
   */
  private static final List<String> RECORDED =
      List.of(
          "child_dob",
          "child_gender",
          "child_race",
          "abuse_types",
          "offender_relationship",
          "offender_age",
          "offender_gender",
          "charges_filed",
          "prosecution_disposition",
          "cps_outcome");

  /** The case-tracking element that is a recorded review of the case, not a column. */
  private static final String REVIEW = "mdt_review";

  /** Case-tracking elements the standard requires, in report order; two are services' dates. */
  static final List<String> TRACKED =
      List.of(
          "child_dob",
          "child_gender",
          "child_race",
          "abuse_types",
          "offender_relationship",
          "offender_age",
          "offender_gender",
          "charges_filed",
          "prosecution_disposition",
          "cps_outcome",
          REVIEW,
          "medical_exam",
          "mental_health_referral");

  /**
   * The code a coded element holds when it was filled in but not known (import stores "declined" so
   * too).
   */
  private static final String NOT_KNOWN = "unknown";

  /** Each follow-up outcome's JSON key and PDF label, in report order. */
  private static final Map<FollowupOutcome, Label> OUTCOMES = outcomes();

  /** A shortfall of up to this many cases is listed in its table; a longer one in an appendix. */
  private static final int SHORTFALL_SHOWN = 100;

  /** A measure's JSON and CSV key, and its label in the PDF. */
  private record Label(String key, String label) {}

  /**
   * A child referred in the year, on case {@code caseId}: {@code recorded} holds each service's
   * date (by {@link #SERVICES} name) and each {@link #RECORDED} element's value as stored, null
   * when not recorded.
   */
  record Child(long caseId, String caseNumber, LocalDate referral, Map<String, Object> recorded) {
    LocalDate serviceDate(String service) {
      return (LocalDate) recorded.get(service);
    }
  }

  private final int year;
  private final Team team;

  /** The report's own day: nothing dated after it is counted. */
  private final LocalDate dataThrough;

  /** The year's first day, and its last or the report's day when that is earlier. */
  private final LocalDate firstDay;

  private final LocalDate lastDay;
  final Map<String, Integer> membersByDiscipline = new LinkedHashMap<>();

  /**
   * Required disciplines with no member in the year: of the team, or of any team in an all-teams
   * report.
   */
  final List<String> missingDisciplines = new ArrayList<>();

  /** Each team's required disciplines with no member in the year. */
  final Map<String, List<String>> missingDisciplinesByTeam = new TreeMap<>();

  int meetingsHeld;
  int casesReviewed;
  int newCases;
  int reviewedWithin30;
  int reviewedWithin60;

  /**
   * New cases not reviewed yet whose 30 (60) days are not over by the report's day: counted neither
   * way.
   */
  int inside30DayWindow;

  int inside60DayWindow;
  final Set<String> notReviewedWithin60 = new TreeSet<>();
  final Map<String, Integer> meetingsAttendedByDiscipline = new LinkedHashMap<>();
  int followupsMade;
  final Map<FollowupOutcome, Integer> followups = new EnumMap<>(FollowupOutcome.class);
  int children;
  final Map<String, Integer> childrenWithService = new LinkedHashMap<>();
  final Map<String, List<Long>> daysToService = new LinkedHashMap<>();
  final Set<String> notInterviewed = new TreeSet<>();

  /** Children with each case-tracking element filled in at all, "unknown" included. */
  final Map<String, Integer> entered = new LinkedHashMap<>();

  /** Children with each case-tracking element known: filled in, and not "unknown". */
  final Map<String, Integer> known = new LinkedHashMap<>();

  final Map<Month, Integer> referralsByMonth = new LinkedHashMap<>();

  /**
   * The first recorded review up to the report's day (a case referred in December is reviewed in
   * January) of each case with a child referred in the year: no other case's is needed, and all
   * history holds a review for most of a million cases.
   */
  private final Map<Long, LocalDate> firstReview = new HashMap<>();

  private final Set<Long> reviewedThisYear = new HashSet<>();

  /** The case number of every case with a child referred in the year. */
  private final Map<Long, String> caseNumbers = new HashMap<>();

  /** How many children referred in the year each of those cases has. */
  private final Map<Long, Integer> childrenReferred = new HashMap<>();

  private AccreditationReport(int year, Team team, LocalDate dataThrough) {
    this.year = year;
    this.team = team;
    this.dataThrough = dataThrough;
    this.firstDay = LocalDate.of(year, 1, 1);
    LocalDate yearEnd = LocalDate.of(year, 12, 31);
    this.lastDay = dataThrough.isBefore(yearEnd) ? dataThrough : yearEnd;
    OUTCOMES.keySet().forEach(outcome -> followups.put(outcome, 0));
    Codes.DISCIPLINE.codes().forEach(d -> membersByDiscipline.put(d, 0));
    Codes.REQUIRED_DISCIPLINES.forEach(d -> meetingsAttendedByDiscipline.put(d, 0));
    SERVICES.forEach(
        s -> {
          childrenWithService.put(s, 0);
          daysToService.put(s, new ArrayList<>());
        });
    TRACKED.forEach(
        e -> {
          entered.put(e, 0);
          known.put(e, 0);
        });
    for (Month month : Month.values()) {
      referralsByMonth.put(month, 0);
    }
  }

  /**
   * @param today the day the report is written: referrals, services, meetings and follow-ups dated
   *     after it are not counted, and follow-ups closed after it count as open
   */
  public static AccreditationReport compute(
      Connection connection, int year, Team team, LocalDate today, ZoneId zone)
      throws SQLException {
    AccreditationReport report = new AccreditationReport(year, team, today);
    LocalDate from = report.firstDay;
    LocalDate to = report.lastDay;
    Long teamId = team == null ? null : team.id();
    report.addMembers(membersDuring(connection, teamId, from, to, zone));
    report.addMeetings(attendance(connection, teamId, from, to).values());
    // the children first: only their cases' first reviews are kept, and the new cases are theirs
    scanChildren(connection, teamId, from, to, report::add);
    scanReviews(connection, teamId, today, report::add);
    report.addReviewedCases();
    report.addNewCases(FirstReferrals.between(connection, teamId, from, to));
    scanFollowups(connection, teamId, from, to, zone, report::add);
    return report;
  }

  // The queries: rows of one team (or all when teamId is null), no rule of what counts.

  /**
   * Team name → discipline → members active at some time from..to: added by its last day and not
   * deactivated before its first (a member who left in March served the year; one added after it
   * did not). Every team of the report is a key, one with no members too.
   */
  private static Map<String, Map<String, Integer>> membersDuring(
      Connection connection, Long teamId, LocalDate from, LocalDate to, ZoneId zone)
      throws SQLException {
    Map<String, Map<String, Integer>> members = new TreeMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT t.name, m.discipline, COUNT(m.id) FROM team t"
                + " LEFT JOIN member m ON m.team_id = t.id AND m.created_at < ?"
                + " AND (m.deactivated_at IS NULL OR m.deactivated_at >= ?)"
                + " WHERE "
                + Sql.optionalTeam("t.id")
                + " GROUP BY t.name, m.discipline")) {
      query.setObject(1, to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
      query.setObject(2, from.atStartOfDay(zone).toOffsetDateTime());
      Sql.bindTwice(query, 3, teamId, Types.BIGINT);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          Map<String, Integer> team =
              members.computeIfAbsent(rs.getString(1), name -> new LinkedHashMap<>());
          if (rs.getString(2) != null) {
            team.put(rs.getString(2), rs.getInt(3));
          }
        }
      }
    }
    return members;
  }

  /**
   * Hands sink every review of a case at a recorded meeting held by {@code through}, of any year.
   */
  private static void scanReviews(
      Connection connection, Long teamId, LocalDate through, Consumer<CaseReview> sink)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT mc.case_id, m.meeting_date FROM meeting m"
                + " JOIN meeting_case mc ON mc.meeting_id = m.id WHERE "
                + ReviewRules.REVIEWED_AT_RECORDED_MEETING
                + " AND m.meeting_date <= ? AND "
                + Sql.optionalTeam("m.team_id"))) {
      query.setObject(1, through);
      Sql.bindTwice(query, 2, teamId, Types.BIGINT);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          sink.accept(new CaseReview(rs.getLong(1), rs.getObject(2, LocalDate.class)));
        }
      }
    }
  }

  /**
   * Meeting id → the disciplines signed in, for every recorded meeting held from..to (none signed
   * in: empty).
   */
  private static Map<Long, Set<String>> attendance(
      Connection connection, Long teamId, LocalDate from, LocalDate to) throws SQLException {
    Map<Long, Set<String>> disciplinesAt = new HashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT m.id, a.discipline FROM meeting m"
                + " LEFT JOIN meeting_attendance a ON a.meeting_id = m.id WHERE "
                + ReviewRules.RECORDED_MEETING
                + " AND m.meeting_date BETWEEN ? AND ? AND "
                + Sql.optionalTeam("m.team_id"))) {
      query.setObject(1, from);
      query.setObject(2, to);
      Sql.bindTwice(query, 3, teamId, Types.BIGINT);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          Set<String> present = disciplinesAt.computeIfAbsent(rs.getLong(1), id -> new HashSet<>());
          if (rs.getString(2) != null) {
            present.add(rs.getString(2));
          }
        }
      }
    }
    return disciplinesAt;
  }

  /** The children query's columns from the roster row: referral, services, row-level elements. */
  private static final String CHILD_COLUMNS =
      "ch.referral_date, ch.forensic_interview_date, ch.medical_exam_date,"
          + " ch.mental_health_referral_date, ch.mental_health_services_date, ch.victim_advocacy_date,"
          + " ch.child_dob, ch.child_gender, ch.child_race, ch.abuse_types, ch.offender_relationship,"
          + " ch.offender_age, ch.offender_gender";

  /**
   * Hands sink every child referred from..to, with its services' dates and case-tracking elements.
   * The year's slice of the case_child_report index is sorted by case before each child's case is
   * read, so that the cases are read in order rather than at random (a third less time at 1M rows).
   */
  private static void scanChildren(
      Connection connection, Long teamId, LocalDate from, LocalDate to, Consumer<Child> sink)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT c.id, c.case_number, "
                + CHILD_COLUMNS
                + ", c.charges_filed, c.prosecution_disposition, c.cps_outcome"
                + " FROM (SELECT ch.case_id, "
                + CHILD_COLUMNS
                + " FROM case_child ch WHERE ch.referral_date BETWEEN ? AND ? AND "
                + Sql.optionalTeam("ch.team_id")
                + " ORDER BY ch.case_id) ch JOIN mdt_case c ON c.id = ch.case_id")) {
      query.setObject(1, from);
      query.setObject(2, to);
      Sql.bindTwice(query, 3, teamId, Types.BIGINT);
      query.setFetchSize(1000);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> recorded = new HashMap<>();
          int column = 4;
          for (String service : SERVICES) {
            recorded.put(service, rs.getObject(column++, LocalDate.class));
          }
          for (String element : RECORDED) {
            Object value = rs.getObject(column);
            if (value instanceof java.util.Date) { // JDBC's default for a date column
              value = rs.getObject(column, LocalDate.class);
            }
            recorded.put(element, value);
            column++;
          }
          sink.accept(
              new Child(
                  rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), recorded));
        }
      }
    }
  }

  /** Hands sink every follow-up made from..to, on a case of the team. */
  private static void scanFollowups(
      Connection connection,
      Long teamId,
      LocalDate from,
      LocalDate to,
      ZoneId zone,
      Consumer<FollowupDays> sink)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT "
                + FollowupDays.COLUMNS
                + " FROM followup f"
                + " WHERE f.created_at >= ? AND f.created_at < ? AND "
                + FollowupDays.OF_TEAM)) {
      query.setObject(1, from.atStartOfDay(zone).toOffsetDateTime());
      query.setObject(2, to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
      Sql.bindTwice(query, 3, teamId, Types.BIGINT);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          sink.accept(FollowupDays.read(rs, zone));
        }
      }
    }
  }

  // The rules: what each row adds to which standard's figures.

  /**
   * Members by discipline, and the disciplines the standard requires that a team has none of: each
   * team's own, and all of them together, so that an all-teams report does not hide one team's
   * missing prosecutor behind another's.
   */
  void addMembers(Map<String, Map<String, Integer>> byTeam) {
    Set<String> missingAnywhere = new HashSet<>();
    byTeam.forEach(
        (teamName, byDiscipline) -> {
          byDiscipline.forEach((d, n) -> membersByDiscipline.merge(d, n, Integer::sum));
          List<String> missing =
              Codes.REQUIRED_DISCIPLINES.stream()
                  .filter(d -> byDiscipline.getOrDefault(d, 0) == 0)
                  .toList();
          missingDisciplinesByTeam.put(teamName, missing);
          missingAnywhere.addAll(missing);
        });
    Codes.REQUIRED_DISCIPLINES.stream()
        .filter(missingAnywhere::contains)
        .forEach(missingDisciplines::add);
  }

  /**
   * A review keeps its case's first review day (for a case with a child referred in the year, which
   * {@link #add(Child)} has seen), and counts the case as reviewed when held in the year.
   */
  void add(CaseReview review) {
    LocalDate day = review.day();
    if (caseNumbers.containsKey(review.caseId())) {
      firstReview.merge(review.caseId(), day, (a, b) -> a.isBefore(b) ? a : b);
    }
    if (!day.isBefore(firstDay) && !day.isAfter(lastDay) && reviewedThisYear.add(review.caseId())) {
      casesReviewed++;
    }
  }

  /**
   * Each meeting held counts; a required discipline attended it when one of its members signed in.
   */
  void addMeetings(Collection<Set<String>> disciplinesPresent) {
    meetingsHeld += disciplinesPresent.size();
    disciplinesPresent.forEach(
        present ->
            present.forEach(
                d -> meetingsAttendedByDiscipline.computeIfPresent(d, (k, n) -> n + 1)));
  }

  /**
   * A child referred in the year: a service counts when dated by the report's day, with its wait
   * when on or after the referral; a case-tracking element is entered when present (a date after
   * the report's not yet), known when also not "unknown".
   */
  void add(Child child) {
    caseNumbers.put(child.caseId(), child.caseNumber());
    childrenReferred.merge(child.caseId(), 1, Integer::sum);
    children++;
    referralsByMonth.merge(child.referral().getMonth(), 1, Integer::sum);
    for (String service : SERVICES) {
      LocalDate day = child.serviceDate(service);
      if (day != null && !day.isAfter(dataThrough)) {
        childrenWithService.merge(service, 1, Integer::sum);
        long days = ChronoUnit.DAYS.between(child.referral(), day);
        if (days >= 0) {
          daysToService.get(service).add(days);
        }
      } else if (service.equals("forensic_interview")) {
        notInterviewed.add(child.caseNumber());
      }
    }
    for (String element : TRACKED) {
      if (element.equals(REVIEW)) {
        continue; // known once the reviews are read: addReviewedCases
      }
      Object value = child.recorded().get(element);
      // a date after the report's own is not yet known
      boolean present =
          value != null && !(value instanceof LocalDate day && day.isAfter(dataThrough));
      if (present) {
        entered.merge(element, 1, Integer::sum);
      }
      if (present && !NOT_KNOWN.equals(value)) {
        known.merge(element, 1, Integer::sum);
      }
    }
  }

  /**
   * The mdt_review element, known (and entered) for every child referred in the year whose case had
   * a recorded review by the report's day; after {@link #add(CaseReview)} has seen every review.
   */
  void addReviewedCases() {
    childrenReferred.forEach(
        (caseId, count) -> {
          if (firstReview.containsKey(caseId)) {
            entered.merge(REVIEW, count, Integer::sum);
            known.merge(REVIEW, count, Integer::sum);
          }
        });
  }

  /**
   * Each case received in the year (case id → first referral), reviewed within 30 and 60 days of it
   * or not. A case not reviewed yet whose window is still open on the report's day (its last day
   * not over) is not late yet: it counts as inside the window, in neither share. Every new case has
   * a child referred in the year, so {@link #add(Child)} kept its number and its first review.
   */
  void addNewCases(Map<Long, LocalDate> firstReferrals) {
    firstReferrals.forEach(
        (caseId, referral) -> {
          newCases++;
          LocalDate reviewed = firstReview.get(caseId);
          long days =
              reviewed == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(referral, reviewed);
          if (days >= 0 && days <= 30) {
            reviewedWithin30++;
          } else if (!dataThrough.isAfter(referral.plusDays(30))) {
            inside30DayWindow++;
          }
          if (days >= 0 && days <= 60) {
            reviewedWithin60++;
          } else if (!dataThrough.isAfter(referral.plusDays(60))) {
            inside60DayWindow++;
          } else {
            notReviewedWithin60.add(caseNumbers.get(caseId));
          }
        });
  }

  /** A follow-up made in the year counts under its outcome at the end of the report's day. */
  void add(FollowupDays followup) {
    followupsMade++;
    FollowupOutcome outcome =
        FollowupOutcome.asOf(dataThrough, followup.status(), followup.due(), followup.closed());
    followups.merge(outcome, 1, Integer::sum);
  }

  /**
   * The median day count, exact: a whole number or a half (15.5 days, never rounded down to 15).
   */
  static Double median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? (double) sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
  }

  /** A share as a percentage to one decimal, or null when there is nothing to divide by. */
  static Double percent(int part, int whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
  }

  public String teamName() {
    return team == null ? "all" : team.name();
  }

  @Override
  public Optional<String> heading() {
    return Optional.of(
        "Accreditation evidence "
            + year
            + ", team: "
            + teamName()
            + ", data through "
            + dataThrough);
  }

  @Override
  public Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("year", year);
    json.put("team", teamName());
    json.put("dataThrough", dataThrough.toString());
    Map<String, Object> mdt = new LinkedHashMap<>();
    mdt.put("membersByDiscipline", membersByDiscipline);
    mdt.put("missingDisciplines", missingDisciplines);
    mdt.put("missingDisciplinesByTeam", missingDisciplinesByTeam);
    json.put("mdt", mdt);
    Map<String, Object> review = new LinkedHashMap<>();
    review.put("meetingsHeld", meetingsHeld);
    review.put("casesReviewed", casesReviewed);
    review.put("newCases", newCases);
    review.put("reviewedWithin30Days", reviewedWithin30);
    review.put("reviewedWithin60Days", reviewedWithin60);
    review.put("inside30DayWindow", inside30DayWindow);
    review.put("inside60DayWindow", inside60DayWindow);
    review.put("percentWithin30Days", percent(reviewedWithin30, newCases - inside30DayWindow));
    review.put("percentWithin60Days", percent(reviewedWithin60, newCases - inside60DayWindow));
    review.put("notReviewedWithin60Days", List.copyOf(notReviewedWithin60));
    Map<String, Object> attendance = new LinkedHashMap<>();
    meetingsAttendedByDiscipline.forEach((d, n) -> attendance.put(d, percent(n, meetingsHeld)));
    review.put("attendancePercentByDiscipline", attendance);
    review.put("followupsMade", followupsMade);
    OUTCOMES.forEach((outcome, label) -> review.put(label.key(), followups.get(outcome)));
    json.put("caseReview", review);
    Map<String, Object> services = new LinkedHashMap<>();
    services.put("children", children);
    SERVICES.forEach(
        service -> {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("children", childrenWithService.get(service));
          entry.put("percent", percent(childrenWithService.get(service), children));
          entry.put("medianDaysFromReferral", median(daysToService.get(service)));
          services.put(service, entry);
        });
    services.put("notInterviewed", List.copyOf(notInterviewed));
    json.put("services", services);
    Map<String, Object> tracking = new LinkedHashMap<>();
    known.forEach((element, n) -> tracking.put(element, percent(n, children)));
    json.put("caseTrackingPercentRecorded", tracking);
    Map<String, Object> filledIn = new LinkedHashMap<>();
    entered.forEach((element, n) -> filledIn.put(element, percent(n, children)));
    json.put("caseTrackingPercentEntered", filledIn);
    return json;
  }

  @Override
  public List<Table.Column> columns() {
    return Table.columns("section", "SECTION", "measure", "MEASURE", "value", "VALUE");
  }

  /**
   * Section, measure, value rows: the CSV and terminal view. Each count is followed by the
   * percentage or median the JSON gives for it (empty where there is nothing to divide by), so that
   * the table says what the JSON does.
   */
  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    membersByDiscipline.forEach((d, n) -> rows.add(List.of("mdt", "members." + d, n)));
    rows.add(List.of("mdt", "missingDisciplines", String.join(";", missingDisciplines)));
    rows.add(List.of("caseReview", "meetingsHeld", meetingsHeld));
    rows.add(List.of("caseReview", "casesReviewed", casesReviewed));
    rows.add(List.of("caseReview", "newCases", newCases));
    rows.add(List.of("caseReview", "reviewedWithin30Days", reviewedWithin30));
    rows.add(
        row(
            "caseReview",
            "percentWithin30Days",
            percent(reviewedWithin30, newCases - inside30DayWindow)));
    rows.add(List.of("caseReview", "reviewedWithin60Days", reviewedWithin60));
    rows.add(
        row(
            "caseReview",
            "percentWithin60Days",
            percent(reviewedWithin60, newCases - inside60DayWindow)));
    rows.add(List.of("caseReview", "inside30DayWindow", inside30DayWindow));
    rows.add(List.of("caseReview", "inside60DayWindow", inside60DayWindow));
    meetingsAttendedByDiscipline.forEach(
        (d, n) -> {
          rows.add(List.of("caseReview", "meetingsAttended." + d, n));
          rows.add(row("caseReview", "attendancePercent." + d, percent(n, meetingsHeld)));
        });
    rows.add(List.of("caseReview", "followupsMade", followupsMade));
    OUTCOMES.forEach(
        (outcome, label) -> rows.add(List.of("caseReview", label.key(), followups.get(outcome))));
    rows.add(List.of("services", "children", children));
    childrenWithService.forEach(
        (s, n) -> {
          rows.add(List.of("services", s, n));
          rows.add(row("services", s + ".percent", percent(n, children)));
          rows.add(row("services", s + ".medianDaysFromReferral", median(daysToService.get(s))));
        });
    known.forEach(
        (e, n) -> {
          rows.add(List.of("caseTracking", e, n));
          rows.add(row("caseTracking", e + ".percentRecorded", percent(n, children)));
        });
    entered.forEach(
        (e, n) -> {
          rows.add(List.of("caseTracking", e + ".entered", n));
          rows.add(row("caseTracking", e + ".percentEntered", percent(n, children)));
        });
    return rows;
  }

  /** A row whose value may be null (a percentage of nothing): shown empty. */
  private static List<Object> row(String section, String measure, Double value) {
    return java.util.Arrays.asList(section, measure, value);
  }

  @Override
  public ReportDocument document() {
    List<ReportDocument.Section> sections = new ArrayList<>();
    List<List<Object>> members = new ArrayList<>();
    membersByDiscipline.forEach((d, n) -> members.add(List.of(Codes.label(d), n)));
    if (team == null) {
      missingDisciplinesByTeam.forEach(
          (name, missing) ->
              members.add(List.of("Required disciplines missing: " + name, labels(missing))));
    } else {
      members.add(List.of("Required disciplines missing", labels(missingDisciplines)));
    }
    sections.add(
        new ReportDocument.Section(
            "Multidisciplinary team: members active in " + year + " by discipline",
            List.of("Discipline", "Members"),
            members));

    Map<String, Double> attendance = new LinkedHashMap<>();
    List<List<Object>> review =
        new ArrayList<>(
            List.of(
                List.of("Meetings held (recorded)", meetingsHeld),
                List.of("Cases reviewed", casesReviewed),
                List.of("New cases (first referral in " + year + ")", newCases),
                List.of(
                    "Reviewed within 30 days of referral",
                    share(reviewedWithin30, newCases - inside30DayWindow)),
                List.of("Not reviewed yet, still inside 30 days", inside30DayWindow),
                List.of(
                    "Reviewed within 60 days of referral",
                    share(reviewedWithin60, newCases - inside60DayWindow)),
                List.of("Not reviewed yet, still inside 60 days", inside60DayWindow),
                List.of("Follow-ups made", followupsMade)));
    OUTCOMES.forEach(
        (outcome, label) -> review.add(List.of(label.label(), followups.get(outcome))));
    meetingsAttendedByDiscipline.forEach(
        (d, n) -> {
          Double rate = percent(n, meetingsHeld);
          attendance.put(Codes.label(d), rate == null ? 0.0 : rate);
          review.add(List.of("Attendance: " + Codes.label(d), share(n, meetingsHeld)));
        });
    sections.add(
        new ReportDocument.Section(
            "Case review",
            List.of("Measure", "Value"),
            review,
            new ReportDocument.Chart(
                "Attendance by discipline (% of meetings)", "% of meetings", attendance)));
    List<ReportDocument.Appendix> appendices = new ArrayList<>();
    sections.add(
        shortfall(
            "Case review shortfall: new cases not reviewed within 60 days",
            notReviewedWithin60,
            appendices));

    List<List<Object>> services = new ArrayList<>();
    SERVICES.forEach(
        s -> {
          Double median = median(daysToService.get(s));
          services.add(
              List.of(
                  Codes.label(s),
                  share(childrenWithService.get(s), children),
                  median == null ? "-" : String.format(Locale.ROOT, "%.1f days", median)));
        });
    Map<String, Integer> volume = new LinkedHashMap<>();
    referralsByMonth.forEach((m, n) -> volume.put(m.getDisplayName(TextStyle.SHORT, Locale.US), n));
    sections.add(
        new ReportDocument.Section(
            "Forensic interview, medical, mental health and advocacy services ("
                + children
                + " children referred)",
            List.of("Service", "Children with it", "Median from referral"),
            services,
            new ReportDocument.Chart("Children referred by month, " + year, "Children", volume)));
    sections.add(
        shortfall(
            "Forensic interview shortfall: cases with a child not interviewed",
            notInterviewed,
            appendices));

    List<List<Object>> tracking = new ArrayList<>();
    known.forEach(
        (e, n) ->
            tracking.add(
                List.of(Codes.label(e), share(n, children), share(entered.get(e), children))));
    sections.add(
        new ReportDocument.Section(
            "Case tracking: elements recorded",
            List.of("Element", "Known for", "Entered for (unknown included)"),
            tracking));
    return new ReportDocument(
        "Accreditation evidence " + year,
        team == null ? "All teams" : team.name(),
        year + "-01-01 to " + year + "-12-31, data through " + dataThrough,
        sections,
        DEFINITIONS,
        appendices);
  }

  /**
   * A shortfall's cases: listed in the table when they are few, otherwise counted there and listed
   * in full in an appendix (a list of thousands would not fit a table cell, and a shortened one
   * would hide cases).
   */
  private static ReportDocument.Section shortfall(
      String heading, Set<String> caseNumbers, List<ReportDocument.Appendix> appendices) {
    String list;
    if (caseNumbers.isEmpty()) {
      list = "none";
    } else if (caseNumbers.size() <= SHORTFALL_SHOWN) {
      list = String.join(", ", caseNumbers);
    } else {
      String title = "Appendix " + (char) ('A' + appendices.size()) + ": " + heading;
      appendices.add(
          new ReportDocument.Appendix(
              title,
              "All " + caseNumbers.size() + " cases, by case number.",
              List.copyOf(caseNumbers)));
      list = caseNumbers.size() + " cases, listed in " + title.substring(0, title.indexOf(':'));
    }
    return new ReportDocument.Section(
        heading, List.of("Cases (" + caseNumbers.size() + ")"), List.of(List.of(list)));
  }

  /** Disciplines by label, or "none". */
  private static String labels(Collection<String> disciplines) {
    return disciplines.isEmpty()
        ? "none"
        : disciplines.stream().map(Codes::label).collect(Collectors.joining(", "));
  }

  private static String share(int part, int whole) {
    Double percent = percent(part, whole);
    return part + " of " + whole + (percent == null ? "" : " (" + percent + "%)");
  }

  private static Map<FollowupOutcome, Label> outcomes() {
    Map<FollowupOutcome, Label> map = new EnumMap<>(FollowupOutcome.class);
    map.put(
        FollowupOutcome.DONE_ON_TIME, new Label("followupsDoneOnTime", "Follow-ups done on time"));
    map.put(FollowupOutcome.DONE_LATE, new Label("followupsDoneLate", "Follow-ups done late"));
    map.put(
        FollowupOutcome.DONE_NO_DUE_DATE,
        new Label("followupsDoneNoDueDate", "Follow-ups done, no due date"));
    map.put(FollowupOutcome.CANCELLED, new Label("followupsCancelled", "Follow-ups cancelled"));
    map.put(
        FollowupOutcome.OPEN_OVERDUE, new Label("followupsOverdue", "Follow-ups open and overdue"));
    map.put(
        FollowupOutcome.OPEN_NOT_YET_DUE,
        new Label("followupsOpenNotYetDue", "Follow-ups open, not yet due"));
    map.put(
        FollowupOutcome.OPEN_NO_DUE_DATE,
        new Label("followupsOpenNoDueDate", "Follow-ups open, no due date"));
    return map;
  }

  static final List<ReportDocument.Definition> DEFINITIONS =
      List.of(
          new ReportDocument.Definition(
              "Data through",
              "the day the report was written: referrals, services,"
                  + " meetings and follow-ups dated after it are not counted, and a follow-up closed after it counts as"
                  + " open."),
          new ReportDocument.Definition(
              "Members",
              "members of the team by discipline who were active at some time in"
                  + " the year: added by its last day (or the data-through day) and not deactivated before its first; the"
                  + " NCA MDT standard requires law enforcement, child protective services, prosecution, medical, mental"
                  + " health, victim advocacy and the CAC. An all-teams report lists each team's missing disciplines."),
          new ReportDocument.Definition(
              "New case",
              "a case whose first child was referred in the year (a sibling"
                  + " referred later does not make it new again); reviewed within 30 / 60 days: its first recorded review"
                  + " came that many days or fewer after that referral. A case not reviewed yet whose 30 (60) days are not"
                  + " over on the data-through day is still inside its window: it is counted in neither share, and the"
                  + " shares are of the cases whose outcome is known."),
          new ReportDocument.Definition(
              "Attendance",
              "the share of the year's recorded meetings at which at least"
                  + " one member of the discipline signed in."),
          new ReportDocument.Definition(
              "Follow-ups",
              "made in the year, each in one bucket by its state at the end of"
                  + " the data-through day, so the buckets add up to those made: done on time (on or before the due date),"
                  + " done late, done with no due date, cancelled, open and overdue (due before that day), open and not yet"
                  + " due, open with no due date."),
          new ReportDocument.Definition(
              "Services",
              "children referred in the year with the service's date"
                  + " recorded; median days from the referral to it, to one decimal, counting only dates on or after the"
                  + " referral."),
          new ReportDocument.Definition(
              "Case tracking",
              "the share of children referred in the year with each"
                  + " element known: filled in and not 'unknown' (rosters' 'declined' and 'not reported' are stored as"
                  + " unknown); entered: filled in at all, unknown included. Case-level elements count for every child on"
                  + " the case."));
}
