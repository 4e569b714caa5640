package org.mdt.team;

import org.mdt.db.Session;

/** Marks a member inactive: kept for the record, no longer at meetings nor owning follow-ups. */
public final class DeactivateMember {
  public record Request(long memberId) {}

  public record Result(long memberId) {}

  private final Session session;

  public DeactivateMember(Session session) {
    this.session = session;
  }

  public Result run(Request request) {
    return session.inTransaction(
        (connection, audit) -> {
          new TeamStore(connection, audit).deactivate(request.memberId(), session.now());
          return new Result(request.memberId());
        });
  }
}
