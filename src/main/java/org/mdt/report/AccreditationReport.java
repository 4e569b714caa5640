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
import java.util.stream.LongStream;
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

  /** The case-tracking elements that are services' dates. */
  private static final List<String> TRACKED_SERVICES =
      List.of("medical_exam", "mental_health_referral");

  /**
   * Case-tracking elements the standard requires, in report order: the {@link #RECORDED} ones, the
   * review, the services' dates.
   */
  static final List<String> TRACKED = tracked();

  private static final int REVIEW_ELEMENT = TRACKED.indexOf(REVIEW);
  private static final int FORENSIC_INTERVIEW = SERVICES.indexOf("forensic_interview");

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
   * A child referred in the year, on case {@code caseId}: {@code serviceDates} in {@link #SERVICES}
   * order and {@code recorded} each {@link #RECORDED} element's value as stored, null when not
   * recorded; {@code caseReceivedBefore} when another child of its case was referred before the
   * year, so that the case is not new.
   */
  record Child(
      long caseId,
      String caseNumber,
      LocalDate referral,
      LocalDate[] serviceDates,
      Object[] recorded,
      boolean caseReceivedBefore) {
    LocalDate serviceDate(String service) {
      return serviceDates[SERVICES.indexOf(service)];
    }
  }

  /** A case with a child referred in the year. */
  private static final class CaseOfYear {
    final String number;

    /** A child of the case was referred before the year: the case is not new. */
    final boolean receivedBefore;

    /** Its children referred in the year, and the first of their referrals. */
    int children;

    LocalDate firstReferral;

    /**
     * Its first recorded review up to the report's day (a case referred in December is reviewed in
     * January), or null.
     */
    LocalDate firstReview;

    CaseOfYear(String number, boolean receivedBefore) {
      this.number = number;
      this.receivedBefore = receivedBefore;
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

  /** Children with each service (in {@link #SERVICES} order), and the days from referral to it. */
  final int[] childrenWithService = new int[SERVICES.size()];

  private final List<LongStream.Builder> daysToService = new ArrayList<>();

  /** The median of each service's days, once every child is counted ({@link #finish}). */
  final List<Double> medianDaysToService = new ArrayList<>();

  final Set<String> notInterviewed = new TreeSet<>();

  /**
   * Children with each case-tracking element ({@link #TRACKED} order) filled in at all, "unknown"
   * included.
   */
  final int[] entered = new int[TRACKED.size()];

  /** Children with each case-tracking element known: filled in, and not "unknown". */
  final int[] known = new int[TRACKED.size()];

  /** Children referred in each month, January first. */
  final int[] referralsByMonth = new int[12];

  /**
   * Every case with a child referred in the year, by id: no other case's first review is needed,
   * and all history holds a review for most of a million cases.
   */
  private final Map<Long, CaseOfYear> casesOfYear = new HashMap<>();

  private final Set<Long> reviewedThisYear = new HashSet<>();

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
    SERVICES.forEach(s -> daysToService.add(LongStream.builder()));
  }

  private static List<String> tracked() {
    List<String> tracked = new ArrayList<>(RECORDED);
    tracked.add(REVIEW);
    tracked.addAll(TRACKED_SERVICES);
    return List.copyOf(tracked);
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
    report.addCasesOfYear();
    scanFollowups(connection, teamId, from, to, zone, report::add);
    report.finish();
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
   * Hands sink every child referred from..to, with its services' dates, case-tracking elements and
   * whether its case had a child referred before {@code from} (then the case is not new). The
   * year's slice of the case_child_report index is sorted by case before each child's case is read,
   * so that the cases (and their earlier children, in the case_child_first_referral index) are read
   * in order rather than at random: a third less time at 1M rows. Looking for an earlier child
   * beside each case took a tenth less time than finding every case's first referral among all
   * history's children.
   */
  private static void scanChildren(
      Connection connection, Long teamId, LocalDate from, LocalDate to, Consumer<Child> sink)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT c.id, c.case_number, "
                + CHILD_COLUMNS
                + ", c.charges_filed, c.prosecution_disposition, c.cps_outcome,"
                + " EXISTS (SELECT 1 FROM case_child e WHERE e.case_id = c.id AND e.referral_date < ?)"
                + " FROM (SELECT ch.case_id, "
                + CHILD_COLUMNS
                + " FROM case_child ch WHERE ch.referral_date BETWEEN ? AND ? AND "
                + Sql.optionalTeam("ch.team_id")
                + " ORDER BY ch.case_id) ch JOIN mdt_case c ON c.id = ch.case_id")) {
      query.setObject(1, from);
      query.setObject(2, from);
      query.setObject(3, to);
      Sql.bindTwice(query, 4, teamId, Types.BIGINT);
      query.setFetchSize(1000);
      try (ResultSet rs = query.executeQuery()) {
        int firstRecorded = 4 + SERVICES.size();
        // a date read as such: JDBC's default for a date column is a java.sql.Date
        boolean[] date = new boolean[RECORDED.size()];
        for (int i = 0; i < date.length; i++) {
          date[i] = rs.getMetaData().getColumnType(firstRecorded + i) == Types.DATE;
        }
        while (rs.next()) {
          LocalDate[] serviceDates = new LocalDate[SERVICES.size()];
          for (int i = 0; i < serviceDates.length; i++) {
            serviceDates[i] = rs.getObject(4 + i, LocalDate.class);
          }
          Object[] recorded = new Object[RECORDED.size()];
          for (int i = 0; i < recorded.length; i++) {
            recorded[i] =
                date[i]
                    ? rs.getObject(firstRecorded + i, LocalDate.class)
                    : rs.getObject(firstRecorded + i);
          }
          sink.accept(
              new Child(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getObject(3, LocalDate.class),
                  serviceDates,
                  recorded,
                  rs.getBoolean(firstRecorded + RECORDED.size())));
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
    CaseOfYear ofYear = casesOfYear.get(review.caseId());
    if (ofYear != null) {
      ofYear.firstReview = earlier(ofYear.firstReview, day);
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
    CaseOfYear ofYear =
        casesOfYear.computeIfAbsent(
            child.caseId(), id -> new CaseOfYear(child.caseNumber(), child.caseReceivedBefore()));
    ofYear.children++;
    ofYear.firstReferral = earlier(ofYear.firstReferral, child.referral());
    children++;
    referralsByMonth[child.referral().getMonthValue() - 1]++;
    for (int service = 0; service < SERVICES.size(); service++) {
      LocalDate day = child.serviceDates()[service];
      if (day != null && !day.isAfter(dataThrough)) {
        childrenWithService[service]++;
        long days = ChronoUnit.DAYS.between(child.referral(), day);
        if (days >= 0) {
          daysToService.get(service).add(days);
        }
      } else if (service == FORENSIC_INTERVIEW) {
        notInterviewed.add(child.caseNumber());
      }
    }
    // the review element is known once the reviews are read: addCasesOfYear
    for (int element = 0; element < RECORDED.size(); element++) {
      addTracked(element, child.recorded()[element]);
    }
    for (String service : TRACKED_SERVICES) {
      addTracked(TRACKED.indexOf(service), child.serviceDate(service));
    }
  }

  /**
   * An element is entered when present (a date after the report's not yet), known when not
   * "unknown".
   */
  private void addTracked(int element, Object value) {
    boolean present =
        value != null && !(value instanceof LocalDate day && day.isAfter(dataThrough));
    if (present) {
      entered[element]++;
    }
    if (present && !NOT_KNOWN.equals(value)) {
      known[element]++;
    }
  }

  /**
   * After {@link #add(CaseReview)} has seen every review: the mdt_review element, known (and
   * entered) for every child referred in the year whose case had a recorded review by the report's
   * day; and each case received in the year (no child referred before it), reviewed within 30 and
   * 60 days of its first referral or not. A case not reviewed yet whose window is still open on the
   * report's day (its last day not over) is not late yet: it counts as inside the window, in
   * neither share.
   */
  void addCasesOfYear() {
    for (CaseOfYear ofYear : casesOfYear.values()) {
      if (ofYear.firstReview != null) {
        entered[REVIEW_ELEMENT] += ofYear.children;
        known[REVIEW_ELEMENT] += ofYear.children;
      }
      if (!ofYear.receivedBefore) {
        addNewCase(ofYear.number, ofYear.firstReferral, ofYear.firstReview);
      }
    }
  }

  private void addNewCase(String number, LocalDate referral, LocalDate reviewed) {
    newCases++;
    long days = reviewed == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(referral, reviewed);
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
      notReviewedWithin60.add(number);
    }
  }

  /** A follow-up made in the year counts under its outcome at the end of the report's day. */
  void add(FollowupDays followup) {
    followupsMade++;
    FollowupOutcome outcome =
        FollowupOutcome.asOf(dataThrough, followup.status(), followup.due(), followup.closed());
    followups.merge(outcome, 1, Integer::sum);
  }

  /** Once every row is counted: each service's median days. */
  private void finish() {
    daysToService.forEach(days -> medianDaysToService.add(median(days.build().sorted().toArray())));
  }

  /**
   * The median of sorted day counts, exact: a whole number or a half (15.5 days, never rounded down
   * to 15).
   */
  static Double median(long[] sorted) {
    if (sorted.length == 0) {
      return null;
    }
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1
        ? (double) sorted[middle]
        : (sorted[middle - 1] + sorted[middle]) / 2.0;
  }

  private static LocalDate earlier(LocalDate day, LocalDate other) {
    return day == null || other.isBefore(day) ? other : day;
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
    for (int s = 0; s < SERVICES.size(); s++) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("children", childrenWithService[s]);
      entry.put("percent", percent(childrenWithService[s], children));
      entry.put("medianDaysFromReferral", medianDaysToService.get(s));
      services.put(SERVICES.get(s), entry);
    }
    services.put("notInterviewed", List.copyOf(notInterviewed));
    json.put("services", services);
    Map<String, Object> tracking = new LinkedHashMap<>();
    Map<String, Object> filledIn = new LinkedHashMap<>();
    for (int e = 0; e < TRACKED.size(); e++) {
      tracking.put(TRACKED.get(e), percent(known[e], children));
      filledIn.put(TRACKED.get(e), percent(entered[e], children));
    }
    json.put("caseTrackingPercentRecorded", tracking);
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
    for (int s = 0; s < SERVICES.size(); s++) {
      String service = SERVICES.get(s);
      rows.add(List.of("services", service, childrenWithService[s]));
      rows.add(row("services", service + ".percent", percent(childrenWithService[s], children)));
      rows.add(row("services", service + ".medianDaysFromReferral", medianDaysToService.get(s)));
    }
    for (int e = 0; e < TRACKED.size(); e++) {
      rows.add(List.of("caseTracking", TRACKED.get(e), known[e]));
      rows.add(
          row("caseTracking", TRACKED.get(e) + ".percentRecorded", percent(known[e], children)));
    }
    for (int e = 0; e < TRACKED.size(); e++) {
      rows.add(List.of("caseTracking", TRACKED.get(e) + ".entered", entered[e]));
      rows.add(
          row("caseTracking", TRACKED.get(e) + ".percentEntered", percent(entered[e], children)));
    }
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
    for (int s = 0; s < SERVICES.size(); s++) {
      Double median = medianDaysToService.get(s);
      services.add(
          List.of(
              Codes.label(SERVICES.get(s)),
              share(childrenWithService[s], children),
              median == null ? "-" : String.format(Locale.ROOT, "%.1f days", median)));
    }
    Map<String, Integer> volume = new LinkedHashMap<>();
    for (Month month : Month.values()) {
      volume.put(
          month.getDisplayName(TextStyle.SHORT, Locale.US), referralsByMonth[month.ordinal()]);
    }
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
    for (int e = 0; e < TRACKED.size(); e++) {
      tracking.add(
          List.of(
              Codes.label(TRACKED.get(e)), share(known[e], children), share(entered[e], children)));
    }
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
