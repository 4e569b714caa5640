package org.mdt.followup;

import org.mdt.db.Session;

/** Closes an open follow-up, as done or as cancelled; a follow-up leaves "open" once. */
public final class CloseFollowup {
  /**
   * @param closing done or cancelled: the status the follow-up is left in
   * @param note what was done, or why it was cancelled (kept in its history), or null
   */
  public record Request(long id, FollowupStatus closing, String note) {
    public Request {
      if (closing == FollowupStatus.OPEN) {
        throw new IllegalArgumentException("a follow-up is closed as done or cancelled");
      }
    }
  }

  public record Result(long id, FollowupStatus closing) {}

  private final Session session;

  public CloseFollowup(Session session) {
    this.session = session;
  }

  public Result run(Request request) {
    return session.inTransaction(
        (connection, audit) -> {
          new FollowupStore(connection, audit, session.osUser())
              .close(request.id(), request.closing(), request.note(), session.now());
          return new Result(request.id(), request.closing());
        });
  }
}
