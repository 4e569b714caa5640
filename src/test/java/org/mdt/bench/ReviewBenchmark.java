package org.mdt.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.mdt.db.AuditLog;
import org.mdt.review.Agenda;
import org.mdt.review.AgendaBuilder;
import org.mdt.review.CaseFacts;
import org.mdt.review.Meeting;
import org.mdt.review.RecurrenceRule;
import org.mdt.review.ReviewStore;
import org.mdt.team.Team;
import org.mdt.team.TeamStore;

/**
 * Schedules a year of weekly meetings for 17 teams over 50,000 open cases and builds every agenda,
 * the way {@code review schedule} and {@code review agenda} do. Not a test: {@code mvn -B -Pbench
 * verify}.
 */
public final class ReviewBenchmark {
  private static final int TEAMS = 17;
  private static final int CASES = 50_000;

  private ReviewBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir =
        Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target").resolve("bench"));
    Path db = dir.resolve("review").toAbsolutePath();
    Files.deleteIfExists(Path.of(db + ".mv.db"));
    String url = "jdbc:h2:file:" + db;
    org.flywaydb.core.Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/migration")
        .loggers("log4j2")
        .load()
        .migrate();
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      AuditLog audit = new AuditLog(connection, "bench", "bench", Clock.systemUTC());
      TeamStore teams = new TeamStore(connection, audit);
      OffsetDateTime now = OffsetDateTime.now();
      for (int t = 1; t <= TEAMS; t++) {
        teams.addTeam("Team " + t, null, null, now);
      }
      try (Statement st = connection.createStatement()) {
        st.execute(
            "INSERT INTO mdt_case (team_id, case_number, case_status, created_at, updated_at)"
                + " SELECT MOD(X, "
                + TEAMS
                + ") + 1, 'C-' || X, 'open', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP"
                + " FROM SYSTEM_RANGE(1, "
                + CASES
                + ")");
        st.execute(
            "INSERT INTO case_child (case_id, team_id, match_key, referral_date, child_first_name, child_last_name,"
                + " forensic_interview_date, created_at, updated_at) SELECT id, team_id, 'k', DATE '2025-06-01' + MOD(id, 500),"
                + " 'Ana', 'Lane', DATE '2025-06-03' + MOD(id, 500), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM mdt_case");
      }
      System.out.printf(
          "machine: %d cores; %d teams, %,d open cases%n",
          Runtime.getRuntime().availableProcessors(), TEAMS, CASES);

      long start = System.nanoTime();
      connection.setAutoCommit(false);
      ReviewStore reviews = new ReviewStore(connection, audit);
      RecurrenceRule weekly = RecurrenceRule.parse("weekly:TUE");
      List<LocalDate> dates = weekly.dates(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
      int meetings = 0;
      int agendaCases = 0;
      for (Team team : teams.teams()) {
        List<Meeting> scheduled = reviews.schedule(team, dates, null, 40, null, weekly.text(), now);
        List<CaseFacts> facts = reviews.openCaseFacts(team.id());
        for (int i = 0; i < scheduled.size(); i++) {
          LocalDate next = i + 1 < scheduled.size() ? scheduled.get(i + 1).date() : null;
          Agenda agenda = AgendaBuilder.build(scheduled.get(i), facts, next);
          agendaCases += agenda.cases().size();
          meetings++;
        }
      }
      connection.commit();
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "scheduled and built %d agendas (%,d agenda lines) in %.2f s%n",
          meetings, agendaCases, seconds);
    }
  }
}
