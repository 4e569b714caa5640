package org.mdt.team;

import org.mdt.db.Session;

/** Adds a team; its name is unique ignoring case and surrounding spaces. */
public final class AddTeam {
  public record Request(String name, String cac, String county) {}

  public record Result(Team team) {}

  private final Session session;

  public AddTeam(Session session) {
    this.session = session;
  }

  public Result run(Request request) {
    return session.inTransaction(
        (connection, audit) ->
            new Result(
                new TeamStore(connection, audit)
                    .addTeam(request.name(), request.cac(), request.county(), session.now())));
  }
}
