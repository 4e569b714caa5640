package org.mdt.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.mdt.db.Database;
import org.mdt.team.Team;
import org.mdt.team.TeamStore;

/** The meetings of one team or all, by date. */
public final class ListMeetings {
  /**
   * @param team the team's name, or null for every team
   * @param upcomingOnly only meetings from today on
   */
  public record Request(String team, boolean upcomingOnly) {}

  public record Result(List<Meeting> meetings) {}

  private final Database database;
  private final Clock clock;

  public ListMeetings(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public Result run(Request request) {
    return database.inTransaction(
        connection -> {
          Team team =
              request.team() == null
                  ? null
                  : new TeamStore(connection, null).require(request.team());
          return new Result(
              new ReviewStore(connection, null)
                  .meetings(team, request.upcomingOnly() ? LocalDate.now(clock) : null));
        });
  }
}
