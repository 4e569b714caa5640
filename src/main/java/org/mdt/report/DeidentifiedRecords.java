package org.mdt.report;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.mdt.db.Sql;
import org.mdt.team.Team;

/**
 * The record-level evaluation file (DESIGN section 6.5): one row per child on a case referred in the range,
 * with no name, date of birth, case or agency number, or free text — age in years, month of referral, codes,
 * and a random study id. The id comes from a cryptographic random source and is kept nowhere, so it cannot
 * be traced back (a hash of the case number could be, by hashing every case number). Rows come in random
 * order, so their position does not follow the order cases were entered either.
 */
public final class DeidentifiedRecords {
  public static final List<String> COLUMNS = List.of("study_id", "team", "referral_month", "age_years",
      "gender", "race", "abuse_types", "offender_relationship", "offender_age_band", "referral_source",
      "forensic_interview", "medical_exam", "mental_health_referral", "mental_health_services", "victim_advocacy",
      "case_reviewed");
  private static final int ID_BYTES = 12;

  private DeidentifiedRecords() {}

  /** Hands each record, as values in {@link #COLUMNS} order, to {@code sink}; returns how many. */
  public static int write(Connection connection, LocalDate from, LocalDate to, Team team,
      Consumer<List<Object>> sink) throws SQLException {
    SecureRandom random = new SecureRandom();
    int count = 0;
    try (PreparedStatement query = connection.prepareStatement("SELECT t.name, ch.referral_date, ch.child_dob,"
        + " ch.child_gender, ch.child_race, ch.abuse_types, ch.offender_relationship, ch.offender_age,"
        + " ch.referral_source, ch.forensic_interview_date, ch.medical_exam_date, ch.mental_health_referral_date,"
        + " ch.mental_health_services_date, ch.victim_advocacy_date,"
        + " EXISTS (SELECT 1 FROM meeting_case mc JOIN meeting m ON m.id = mc.meeting_id"
        + "   WHERE mc.case_id = ch.case_id AND mc.reviewed AND m.recorded_at IS NOT NULL)"
        + " FROM case_child ch JOIN team t ON t.id = ch.team_id"
        + " WHERE ch.referral_date BETWEEN ? AND ? AND (CAST(? AS BIGINT) IS NULL OR ch.team_id = ?)"
        + " ORDER BY RANDOM()")) {
      query.setObject(1, from);
      query.setObject(2, to);
      Long teamId = team == null ? null : team.id();
      Sql.bindTwice(query, 3, teamId, Types.BIGINT);
      query.setFetchSize(1000);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          LocalDate referral = rs.getObject(2, LocalDate.class);
          LocalDate dob = rs.getObject(3, LocalDate.class);
          int offenderAge = rs.getInt(8);
          String offenderBand = rs.wasNull() ? "unknown"
              : offenderAge < 13 ? "under_13" : offenderAge < 18 ? "13-17" : "18_and_over";
          List<Object> record = new ArrayList<>();
          record.add(studyId(random));
          record.add(rs.getString(1));
          record.add(YearMonth.from(referral).toString());
          record.add(dob == null ? null : Period.between(dob, referral).getYears());
          record.add(orUnknown(rs.getString(4)));
          record.add(orUnknown(rs.getString(5)));
          record.add(rs.getString(6));
          record.add(orUnknown(rs.getString(7)));
          record.add(offenderBand);
          record.add(rs.getString(9));
          for (int column = 10; column <= 14; column++) {
            record.add(rs.getObject(column) != null ? "yes" : "no");
          }
          record.add(rs.getBoolean(15) ? "yes" : "no");
          sink.accept(record);
          count++;
        }
      }
    }
    return count;
  }

  /** 96 random bits: a million ids collide with odds near 10^-17, so none are remembered to check. */
  private static String studyId(SecureRandom random) {
    byte[] bytes = new byte[ID_BYTES];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static String orUnknown(String code) {
    return code == null ? "unknown" : code;
  }
}
