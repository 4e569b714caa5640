package org.mdt.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.mdt.db.Database;
import org.mdt.team.Member;
import org.mdt.team.Team;
import org.mdt.team.TeamStore;

/** Follow-ups, most overdue first, as of today. */
public final class ListFollowups {
  /**
   * @param team the team's name, or null for every team
   * @param owner only this member's (id or exact name; in the given team, else in the only team),
   *     or null
   * @param overdueOnly only open follow-ups past their due date
   */
  public record Request(String team, String owner, boolean overdueOnly) {}

  public record Result(List<Followup> followups) {}

  private final Database database;
  private final Clock clock;

  public ListFollowups(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public Result run(Request request) {
    return database.inTransaction(
        connection -> {
          TeamStore teams = new TeamStore(connection, null);
          Team team = teams.requireIfNamed(request.team());
          Member owner =
              request.owner() == null
                  ? null
                  : teams.requireMember(team != null ? team : teams.resolve(null), request.owner());
          return new Result(
              new FollowupStore(connection, null, null)
                  .list(
                      new FollowupStore.Filter(team, owner, request.overdueOnly()),
                      LocalDate.now(clock)));
        });
  }
}
