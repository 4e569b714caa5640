package org.mdt.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.mdt.Mdt;
import org.mdt.db.Database;
import org.mdt.db.DatabaseLocation;
import org.mdt.db.Session;

/**
 * A fresh database for operation tests, set up through the commands: North MDT (members Dana Reyes
 * and Lee Park; cases N-1, N-2 and the restricted X-1, all due as new at a meeting in January 2027)
 * and South MDT (member Sam Ortiz; case S-1). Operations then run on it directly, on {@link
 * Mdt#NOW}'s clock.
 */
public final class TwoTeams implements AutoCloseable {
  public static final String ACTOR = "tester";
  public static final String COMMAND = "mdt test";

  public final Database database;
  private Clock clock = Clock.fixed(Mdt.NOW, ZoneOffset.UTC);

  public TwoTeams(Path dir) throws IOException {
    Mdt mdt = new Mdt(dir).withTeam("North MDT");
    mdt.ok("team", "add", "South MDT");
    Path roster = dir.resolve("roster.csv");
    Files.writeString(
        roster,
        String.join(
                "\n",
                "team,case_number,referral_date,child_first_name,child_last_name,child_dob,case_status,restricted",
                "North MDT,N-1,2026-10-01,Nora,Quill,2016-01-01,Open,",
                "North MDT,N-2,2026-10-02,Owen,Rask,2015-01-01,Open,",
                "North MDT,X-1,2026-10-03,Wes,Young,2012-05-05,Open,yes",
                "South MDT,S-1,2026-10-04,Sam,Ulm,2012-01-01,Open,")
            + "\n");
    mdt.ok("import", "roster", roster.toString());
    mdt.ok(
        "member",
        "add",
        "--team",
        "North MDT",
        "--name",
        "Dana Reyes",
        "--discipline",
        "DCF",
        "--agency",
        "DCF");
    mdt.ok(
        "member",
        "add",
        "--team",
        "North MDT",
        "--name",
        "Lee Park",
        "--discipline",
        "police",
        "--agency",
        "PD");
    mdt.ok(
        "member",
        "add",
        "--team",
        "South MDT",
        "--name",
        "Sam Ortiz",
        "--discipline",
        "police",
        "--agency",
        "PD");
    database =
        Database.open(
            DatabaseLocation.of(dir.resolve("mdt").toString(), Map.of()), false, Duration.ZERO);
  }

  public Clock clock() {
    return clock;
  }

  /** Moves the clock to noon of the day, as days pass between meetings. */
  public TwoTeams on(LocalDate day) {
    clock = Clock.fixed(day.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    return this;
  }

  /** A team's meeting on the day (its id), with no capacity limit. */
  public long meeting(String team, LocalDate day) {
    return new ScheduleMeetings(new Session(database, clock, ACTOR, COMMAND))
        .run(
            new ScheduleMeetings.Request(
                team,
                day,
                day,
                RecurrenceRule.parse("weekly:" + day.getDayOfWeek()),
                null,
                null,
                null))
        .created()
        .get(0)
        .id();
  }

  @Override
  public void close() {
    database.close();
  }
}
