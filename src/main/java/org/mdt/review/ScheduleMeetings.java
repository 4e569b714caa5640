package org.mdt.review;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.mdt.MdtException;
import org.mdt.db.Session;
import org.mdt.team.Team;
import org.mdt.team.TeamStore;

/**
 * Creates a team's meetings on the days its recurrence rule gives in a range. A day that already
 * has a meeting keeps it, so scheduling the same range again creates nothing new.
 */
public final class ScheduleMeetings {
  /**
   * What to schedule; the range and the capacity are checked here, before any database work.
   *
   * @param team the team's name, or null for the only team
   * @param time the start time, or null when none is set
   * @param capacity most cases per meeting (the rest roll over), or null for no limit
   * @param location where the team meets, or null
   */
  public record Request(
      String team,
      LocalDate from,
      LocalDate to,
      RecurrenceRule rule,
      LocalTime time,
      Integer capacity,
      String location) {
    public Request {
      if (to.isBefore(from)) {
        throw MdtException.usage("--to " + to + " is before --from " + from);
      }
      if (capacity != null && capacity < 1) {
        throw MdtException.usage("--capacity must be at least 1");
      }
    }
  }

  /** The meetings created, by date (none when every day already had one). */
  public record Result(List<Meeting> created) {}

  private final Session session;

  public ScheduleMeetings(Session session) {
    this.session = session;
  }

  public Result run(Request request) {
    return session.inTransaction(
        (connection, audit) -> {
          Team team = new TeamStore(connection, audit).resolve(request.team());
          RecurrenceRule rule = request.rule();
          return new Result(
              new ReviewStore(connection, audit)
                  .schedule(
                      team,
                      rule.dates(request.from(), request.to()),
                      request.time(),
                      request.capacity(),
                      request.location(),
                      rule.text(),
                      session.now()));
        });
  }
}
