package org.mdt.team;

import org.mdt.db.Session;

/**
 * Adds an active member to a team (the only team when none is named); a second active member of the
 * same name needs {@code allowSameName}.
 */
public final class AddMember {
  /**
   * @param team the team's name, or null for the only team
   */
  public record Request(
      String team,
      String name,
      String discipline,
      String agency,
      String email,
      boolean allowSameName) {}

  public record Result(Member member) {}

  private final Session session;

  public AddMember(Session session) {
    this.session = session;
  }

  public Result run(Request request) {
    return session.inTransaction(
        (connection, audit) -> {
          TeamStore teams = new TeamStore(connection, audit);
          return new Result(
              teams.addMember(
                  teams.resolve(request.team()),
                  request.name(),
                  request.discipline(),
                  request.agency(),
                  request.email(),
                  request.allowSameName(),
                  session.now()));
        });
  }
}
