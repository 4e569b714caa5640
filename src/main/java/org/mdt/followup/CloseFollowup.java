package org.mdt.followup;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.mdt.db.AuditLog;
import org.mdt.db.Database;

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

  private final Database database;
  private final Clock clock;
  private final String osUser;
  private final String command;

  public CloseFollowup(Database database, Clock clock, String osUser, String command) {
    this.database = database;
    this.clock = clock;
    this.osUser = osUser;
    this.command = command;
  }

  public Result run(Request request) {
    return database.inTransaction(connection -> {
      new FollowupStore(connection, new AuditLog(connection, osUser, command, clock), osUser)
          .close(request.id(), request.closing(), request.note(), OffsetDateTime.now(clock));
      return new Result(request.id(), request.closing());
    });
  }
}
