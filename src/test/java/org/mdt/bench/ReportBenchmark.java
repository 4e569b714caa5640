package org.mdt.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.mdt.codes.Codes;

/**
 * The reports' database: 17 teams across five years, with a weekly recorded meeting per team,
 * attendance and follow-ups. The rows are written straight into a database {@code mdt init} made,
 * in an order unrelated to their dates (the worst case for a report that reads a period), because
 * importing a million rows would take the benchmark's first minutes for nothing. {@link Bench}
 * times the reports over it.
 */
public final class ReportBenchmark {
  static final int TEAMS = 17;

  private ReportBenchmark() {}

  /**
   * Fills the empty database {@code db} (just made by {@code mdt init}) with {@code children}
   * roster rows: 4 in 5 cases have one child, the rest two; referrals spread over 2021-2025; each
   * case reviewed at its team's first Tuesday meeting a week after referral, 6 of its 8 members
   * there; half the cases get a follow-up, 1 in 20 of them still open.
   */
  static void fill(Path db, int children) throws Exception {
    long start = System.nanoTime();
    int cases = children * 4 / 5;
    try (Connection connection =
            DriverManager.getConnection("jdbc:h2:file:" + db + ";IFEXISTS=TRUE", "sa", "");
        Statement st = connection.createStatement()) {
      List<String> disciplines = Codes.DISCIPLINE.codes();
      st.execute(
          "INSERT INTO team (id, name, name_key, created_at) SELECT X, 'Team ' || X, 'team ' || X,"
              + " CURRENT_TIMESTAMP FROM SYSTEM_RANGE(1, "
              + TEAMS
              + ")");
      for (int d = 0; d < disciplines.size(); d++) {
        st.execute(
            "INSERT INTO member (id, team_id, name, discipline, agency, active, created_at) SELECT X * 10 + "
                + d
                + ", X, 'Member "
                + d
                + "', '"
                + disciplines.get(d)
                + "', 'Agency', TRUE, CURRENT_TIMESTAMP"
                + " FROM SYSTEM_RANGE(1, "
                + TEAMS
                + ")");
      }
      // A multiplicative hash spreads ids over dates, so insertion order says nothing about
      // referral dates.
      st.execute("CREATE ALIAS IF NOT EXISTS H FOR 'java.lang.Math.floorMod(long, int)'");
      st.execute(
          "INSERT INTO mdt_case (id, team_id, case_number, charges_filed, cps_outcome, case_status,"
              + " created_at, updated_at) SELECT X, 1 + MOD(X, "
              + TEAMS
              + "), 'C-' || X,"
              + " CASE WHEN MOD(X, 3) = 0 THEN 'yes' END, CASE WHEN MOD(X, 4) = 0 THEN 'substantiated' END,"
              + " CASE WHEN MOD(X, 5) = 0 THEN 'open' ELSE 'closed' END, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP"
              + " FROM SYSTEM_RANGE(1, "
              + cases
              + ")");
      st.execute(
          "INSERT INTO case_child (id, case_id, team_id, match_key, referral_date, child_first_name,"
              + " child_last_name, child_dob, child_gender, child_race, abuse_types, offender_relationship,"
              + " offender_age, forensic_interview_date, medical_exam_date, mental_health_referral_date,"
              + " mental_health_services_date, victim_advocacy_date, created_at, updated_at)"
              + " SELECT X, c, 1 + MOD(c, "
              + TEAMS
              + "), 'k' || X, r, 'Ana', 'Lane', DATEADD(DAY, -H(CAST(X AS BIGINT) * 7919, 6500) - 200, r),"
              + " CASEWHEN(MOD(X, 2) = 0, 'female', 'male'), CASEWHEN(MOD(X, 3) = 0, 'white', 'black'),"
              + " CASEWHEN(MOD(X, 4) = 0, 'physical_abuse', 'sexual_abuse'), 'parent', 14 + MOD(X, 40),"
              + " CASEWHEN(MOD(X, 10) < 7, DATEADD(DAY, MOD(X, 20), r), NULL),"
              + " CASEWHEN(MOD(X, 10) < 4, DATEADD(DAY, MOD(X, 30), r), NULL),"
              + " CASEWHEN(MOD(X, 10) < 5, DATEADD(DAY, MOD(X, 40), r), NULL),"
              + " CASEWHEN(MOD(X, 10) < 3, DATEADD(DAY, MOD(X, 90), r), NULL),"
              + " CASEWHEN(MOD(X, 10) < 8, DATEADD(DAY, MOD(X, 10), r), NULL), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP"
              + " FROM (SELECT X, 1 + MOD(X - 1, "
              + cases
              + ") c,"
              + "   DATEADD(DAY, H(CAST(1 + MOD(X - 1, "
              + cases
              + ") AS BIGINT) * 104729 + X / "
              + cases
              + ", 1826), DATE '2021-01-01') r"
              + "   FROM SYSTEM_RANGE(1, "
              + children
              + "))");
      // Weekly meetings on Tuesdays from 2021-01-05 to the end of 2025, ids team * 1000 + week.
      st.execute(
          "INSERT INTO meeting (id, team_id, meeting_date, capacity, recurrence, recorded_at, created_at)"
              + " SELECT t.X * 1000 + w.X, t.X, DATEADD(DAY, 7 * w.X, DATE '2021-01-05'), 20, 'weekly:TUE',"
              + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM SYSTEM_RANGE(1, "
              + TEAMS
              + ") t, SYSTEM_RANGE(0, 260) w");
      st.execute(
          "INSERT INTO meeting_attendance (meeting_id, member_id, discipline)"
              + " SELECT m.id, mb.id, mb.discipline FROM meeting m JOIN member mb ON mb.team_id = m.team_id"
              + " WHERE MOD(m.id + mb.id, 4) <> 0");
      st.execute(
          "INSERT INTO meeting_case (meeting_id, case_id, reason, reviewed)"
              + " SELECT c.team_id * 1000 + LEAST(260, (DATEDIFF(DAY, DATE '2021-01-05', f.first) + 13) / 7), c.id,"
              + " 'new', TRUE FROM mdt_case c JOIN (SELECT case_id, MIN(referral_date) first FROM case_child"
              + " GROUP BY case_id) f ON f.case_id = c.id");
      st.execute(
          "INSERT INTO followup (case_id, meeting_id, owner_member_id, action, due_date, status,"
              + " created_at, closed_at) SELECT mc.case_id, m.id, m.team_id * 10, 'Follow up', DATEADD(DAY, 30,"
              + " m.meeting_date), CASEWHEN(MOD(mc.case_id, 40) = 0, 'open', 'done'), CAST(m.meeting_date AS TIMESTAMP),"
              + " CASEWHEN(MOD(mc.case_id, 40) = 0, NULL, CAST(DATEADD(DAY, MOD(mc.case_id, 45), m.meeting_date)"
              + " AS TIMESTAMP)) FROM meeting_case mc JOIN meeting m ON m.id = mc.meeting_id WHERE MOD(mc.case_id, 2) = 0");
      st.execute("SHUTDOWN COMPACT");
    }
    System.out.printf(
        "  built %s: %,d roster rows, %,d cases, %d teams in %.0f s (%.0f MB)%n",
        db.getFileName(),
        children,
        cases,
        TEAMS,
        (System.nanoTime() - start) / 1e9,
        Files.size(Path.of(db + ".mv.db")) / 1e6);
  }
}
