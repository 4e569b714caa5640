package org.mdt.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mdt.codes.Codes;

/**
 * Times every report as a user runs it (a fresh {@code java -jar target/mdt.jar} process, so
 * start-up and opening the database count) over 1,000,000 roster rows of 17 teams across five
 * years, with a weekly recorded meeting per team, attendance and follow-ups; and the accreditation
 * PDF over 100,000 rows. Not a test: {@code mvn -B -Pbench verify -DskipTests}. The rows are
 * written straight into a database {@code mdt init} made, in an order unrelated to their dates (the
 * worst case for a report that reads a period), because importing a million rows would take the
 * benchmark's first minute for nothing.
 */
public final class ReportBenchmark {
  private static final int TEAMS = 17;
  private static final int RUNS = 3;

  private ReportBenchmark() {}

  /**
   * Arguments: the target directory (default {@code target}), then {@code --reuse} to keep a
   * database an earlier run built (building 1,000,000 rows takes minutes; a database from an older
   * jar is first brought to the current schema by {@code mdt init}).
   */
  public static void main(String[] args) throws Exception {
    Path target = Path.of(args.length > 0 ? args[0] : "target");
    boolean reuse = Arrays.asList(args).contains("--reuse");
    Path jar = target.resolve("mdt.jar");
    Path dir = Files.createDirectories(target.resolve("bench")).toAbsolutePath();
    System.out.printf(
        "machine: %d cores, JDK %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

    Path big = build(jar, dir.resolve("reports-1m"), 1_000_000, reuse);
    Path pdf = dir.resolve("report.pdf"); // each timed report replaces the one before: --force
    time(jar, big, "report", "nca", "--period", "2025H1");
    time(
        jar,
        big,
        "report",
        "nca",
        "--period",
        "2025H1",
        "--team",
        "Team 7",
        "--out",
        pdf.toString(),
        "--force");
    time(jar, big, "report", "voca", "--quarter", "FY2025Q3");
    time(jar, big, "report", "voca", "--quarter", "FY2025Q3", "--team", "Team 7");
    time(jar, big, "report", "monthly", "--month", "2025-10");
    time(jar, big, "report", "monthly", "--month", "2025-10", "--team", "Team 7");
    time(
        jar,
        big,
        "report",
        "accreditation",
        "--year",
        "2025",
        "--team",
        "Team 7",
        "--out",
        pdf.toString(),
        "--force");
    time(jar, big, "report", "accreditation", "--year", "2025", "--out", pdf.toString(), "--force");
    time(
        jar,
        big,
        "export",
        "evaluation",
        "--from",
        "2025-01",
        "--to",
        "2025-12",
        "--out",
        dir.resolve("evaluation.csv").toString(),
        "--force");

    Path small = build(jar, dir.resolve("reports-100k"), 100_000, reuse);
    time(
        jar,
        small,
        "report",
        "accreditation",
        "--year",
        "2025",
        "--out",
        pdf.toString(),
        "--force");
    time(
        jar,
        small,
        "report",
        "accreditation",
        "--year",
        "2025",
        "--team",
        "Team 7",
        "--out",
        pdf.toString(),
        "--force");
  }

  /**
   * A database of {@code children} roster rows: 4 in 5 cases have one child, the rest two;
   * referrals spread over 2021-2025; each case reviewed at its team's first Tuesday meeting a week
   * after referral, 6 of its 8 members there; half the cases get a follow-up, 1 in 20 of them still
   * open.
   */
  private static Path build(Path jar, Path db, int children, boolean reuse) throws Exception {
    if (reuse && Files.exists(Path.of(db + ".mv.db"))) {
      mdt(jar, db, "init");
      System.out.printf("%nreusing %s%n", db.getFileName());
      return db;
    }
    Files.deleteIfExists(Path.of(db + ".mv.db"));
    long start = System.nanoTime();
    mdt(jar, db, "init");
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
        "%nbuilt %s: %,d roster rows, %,d cases, %d teams in %.0f s (%.0f MB)%n",
        db.getFileName(),
        children,
        cases,
        TEAMS,
        (System.nanoTime() - start) / 1e9,
        Files.size(Path.of(db + ".mv.db")) / 1e6);
    return db;
  }

  private static void time(Path jar, Path db, String... args)
      throws IOException, InterruptedException {
    double[] seconds = new double[RUNS];
    for (int run = 0; run < RUNS; run++) {
      long start = System.nanoTime();
      mdt(jar, db, args);
      seconds[run] = (System.nanoTime() - start) / 1e9;
    }
    double[] sorted = seconds.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "  %-90s median %.2f s (runs %s)%n",
        "mdt " + String.join(" ", args),
        sorted[RUNS / 2],
        Arrays.toString(Arrays.stream(seconds).mapToObj(s -> String.format("%.2f", s)).toArray()));
  }

  private static void mdt(Path jar, Path db, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--db",
                db.toString(),
                "-q"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    if (process.waitFor() != 0) {
      throw new IllegalStateException(
          "mdt " + String.join(" ", args) + " exited " + process.exitValue());
    }
  }
}
