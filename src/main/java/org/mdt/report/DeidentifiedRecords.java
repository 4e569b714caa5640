package org.mdt.report;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mdt.review.ReviewRules;

/**
 * The record-level evaluation file (docs/DESIGN.md section 6.5), for an evaluator under a data-use
 * agreement and never for publication: one row per child on a case referred in the range, with no
 * name, date of birth, case or agency number, or free text. The id comes from a cryptographic
 * random source and is kept nowhere, so it cannot be traced back (a hash of the case number could
 * be, by hashing every case number). Rows come in random order, so their position does not follow
 * the order cases were entered either.
 *
 * <p>The file is k-anonymous on its quasi-identifiers (place, time, age, gender, race, offender's
 * age): the whole file is first coarsened to the first level of {@link #LEVELS} at which at most 1
 * record in 20 is in a group of fewer than k, then, one quasi-identifier at a time in {@link
 * #SUPPRESSION_ORDER}, the values of the records still in such a group are replaced by
 * "suppressed". A group of k or more never loses a record, so a record still in a small group at
 * the end has every quasi-identifier suppressed. Records are kept (blanked rather than dropped), so
 * the file still counts every child.
 */
public final class DeidentifiedRecords {
  public static final String SUPPRESSED = "suppressed";
  public static final String ALL_TEAMS = "all";
  public static final List<String> QUASI_IDENTIFIERS =
      List.of("place", "referral_period", "age", "gender", "race", "offender_age_band");
  public static final List<String> COLUMNS =
      List.of(
          "study_id",
          "place",
          "referral_period",
          "age",
          "gender",
          "race",
          "abuse_types",
          "offender_relationship",
          "offender_age_band",
          "referral_source",
          "forensic_interview",
          "medical_exam",
          "mental_health_referral",
          "mental_health_services",
          "victim_advocacy",
          "case_reviewed");
  private static final int ID_BYTES = 12;
  private static final int BUDGET_DIVISOR = 20; // at most 1 record in 20 left to suppression

  /**
   * How coarse place, time and age are: each level is coarser than the one before in at least one.
   */
  record Level(boolean allTeams, String time, boolean ageBands) {
    String describe() {
      return "place by "
          + (allTeams ? "all teams together" : "team")
          + ", referral by "
          + time
          + ", age "
          + (ageBands ? "in bands 0-6, 7-12, 13-18, 19_and_over" : "in years");
    }
  }

  static final List<Level> LEVELS =
      List.of(
          new Level(false, "month", false),
          new Level(false, "month", true),
          new Level(false, "quarter", true),
          new Level(false, "year", true),
          new Level(true, "quarter", true),
          new Level(true, "year", true));

  /** Race first (the most codes), place last (the least telling once coarsened). */
  static final List<String> SUPPRESSION_ORDER =
      List.of("race", "offender_age_band", "gender", "age", "referral_period", "place");

  /** What was written, and how it was coarsened and suppressed (one sentence a line). */
  public record Summary(int written, List<String> notes) {}

  /** One row as read, before coarsening. */
  private record Row(
      String studyId, String team, LocalDate referral, Integer age, List<Object> rest) {}

  private DeidentifiedRecords() {}

  /** Hands each record, as values in {@link #COLUMNS} order, to {@code sink}. */
  public static Summary write(
      Connection connection, YearMonth from, YearMonth to, int k, Consumer<List<Object>> sink)
      throws SQLException {
    List<Row> rows = read(connection, from.atDay(1), to.atEndOfMonth());
    Level level =
        LEVELS.stream()
            .filter(
                candidate ->
                    inSmallGroups(coarsened(rows, candidate), k).size() * BUDGET_DIVISOR
                        <= rows.size())
            .findFirst()
            .orElse(LEVELS.get(LEVELS.size() - 1));
    List<List<Object>> records = coarsened(rows, level);
    List<String> notes = new ArrayList<>();
    notes.add("k-anonymous for k = " + k + " on " + String.join(", ", QUASI_IDENTIFIERS) + ".");
    notes.add("coarsened: " + level.describe() + ".");
    for (String column : SUPPRESSION_ORDER) {
      List<List<Object>> small = inSmallGroups(records, k);
      int index = COLUMNS.indexOf(column);
      small.forEach(record -> record.set(index, SUPPRESSED));
      if (!small.isEmpty()) {
        notes.add(
            "suppressed "
                + column
                + " of "
                + small.size()
                + " record(s) still in a group of fewer than "
                + k
                + ".");
      }
    }
    records.forEach(sink);
    return new Summary(records.size(), notes);
  }

  /** The companion notes of a records file: FILE.notes.txt beside it. */
  public static Path notesFile(Path records) {
    return records.resolveSibling(records.getFileName() + ".notes.txt");
  }

  /** The notes that travel with the records file: who may have it, and what was done to it. */
  public static String notesText(Summary summary) {
    StringBuilder text =
        new StringBuilder(
            "mdt evaluation records: "
                + summary.written()
                + " record(s).\n"
                + "For an evaluator under a data-use agreement, never for publication: record-level data can re-identify"
                + " a child even without names, so publish only the aggregate tables.\n"
                + "No name, date of birth, case or agency number or free text; study ids are random and kept nowhere.\n");
    summary.notes().forEach(note -> text.append(note).append('\n'));
    return text.toString();
  }

  private static List<Row> read(Connection connection, LocalDate from, LocalDate to)
      throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT t.name, ch.referral_date, ch.child_dob,"
                + " ch.child_gender, ch.child_race, ch.abuse_types, ch.offender_relationship, ch.offender_age,"
                + " ch.referral_source, ch.forensic_interview_date, ch.medical_exam_date, ch.mental_health_referral_date,"
                + " ch.mental_health_services_date, ch.victim_advocacy_date,"
                + " EXISTS (SELECT 1 FROM meeting_case mc JOIN meeting m ON m.id = mc.meeting_id"
                + "   WHERE mc.case_id = ch.case_id AND "
                + ReviewRules.REVIEWED_AT_RECORDED_MEETING
                + ")"
                + " FROM case_child ch JOIN team t ON t.id = ch.team_id"
                + " WHERE ch.referral_date BETWEEN ? AND ?"
                + " ORDER BY RANDOM()")) {
      query.setObject(1, from);
      query.setObject(2, to);
      query.setFetchSize(1000);
      try (ResultSet rs = query.executeQuery()) {
        SecureRandom random = new SecureRandom();
        while (rs.next()) {
          LocalDate referral = rs.getObject(2, LocalDate.class);
          LocalDate dob = rs.getObject(3, LocalDate.class);
          int offenderAge = rs.getInt(8);
          String offenderBand =
              rs.wasNull()
                  ? "unknown"
                  : offenderAge < 13 ? "under_13" : offenderAge < 18 ? "13-17" : "18_and_over";
          List<Object> rest = new ArrayList<>(); // gender onwards, in COLUMNS order
          rest.add(orUnknown(rs.getString(4)));
          rest.add(orUnknown(rs.getString(5)));
          rest.add(rs.getString(6));
          rest.add(orUnknown(rs.getString(7)));
          rest.add(offenderBand);
          rest.add(rs.getString(9));
          for (int column = 10; column <= 14; column++) {
            rest.add(rs.getObject(column) != null ? "yes" : "no");
          }
          rest.add(rs.getBoolean(15) ? "yes" : "no");
          rows.add(
              new Row(
                  studyId(random),
                  rs.getString(1),
                  referral,
                  dob == null || dob.isAfter(referral)
                      ? null
                      : Period.between(dob, referral).getYears(),
                  rest));
        }
      }
    }
    return rows;
  }

  private static List<List<Object>> coarsened(List<Row> rows, Level level) {
    List<List<Object>> records = new ArrayList<>();
    for (Row row : rows) {
      List<Object> record = new ArrayList<>();
      record.add(row.studyId());
      record.add(level.allTeams() ? ALL_TEAMS : row.team());
      LocalDate day = row.referral();
      record.add(
          switch (level.time()) {
            case "month" -> YearMonth.from(day).toString();
            case "quarter" -> day.getYear() + "Q" + ((day.getMonthValue() + 2) / 3);
            default -> String.valueOf(day.getYear());
          });
      Integer age = row.age();
      record.add(
          age == null
              ? "unknown"
              : !level.ageBands()
                  ? age.toString()
                  : age <= 6 ? "0-6" : age <= 12 ? "7-12" : age <= 18 ? "13-18" : "19_and_over");
      record.addAll(row.rest());
      records.add(record);
    }
    return records;
  }

  /** The records whose quasi-identifiers fewer than k records share. */
  private static List<List<Object>> inSmallGroups(List<List<Object>> records, int k) {
    Map<List<Object>, Integer> sizes = new HashMap<>();
    records.forEach(record -> sizes.merge(quasiIdentifiers(record), 1, Integer::sum));
    return records.stream().filter(record -> sizes.get(quasiIdentifiers(record)) < k).toList();
  }

  private static List<Object> quasiIdentifiers(List<Object> record) {
    List<Object> key = new ArrayList<>();
    QUASI_IDENTIFIERS.forEach(column -> key.add(record.get(COLUMNS.indexOf(column))));
    return key;
  }

  /**
   * 96 random bits: a million ids collide with odds near 10^-17, so none are remembered to check.
   */
  private static String studyId(SecureRandom random) {
    byte[] bytes = new byte[ID_BYTES];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static String orUnknown(String code) {
    return code == null ? "unknown" : code;
  }
}
