package org.mdt.followup;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.mdt.db.AuditLog;
import org.mdt.db.Database;

/** Closes an open follow-up, as done or as cancelled; a follow-up leaves "open" once. */
public final class CloseFollowup {
  /** How a follow-up is closed. */
  public enum Closing {
    DONE, CANCELLED;

    /** The status the follow-up is left in. */
    public String status() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** @param note what was done, or why it was cancelled (kept in its history), or null */
  public record Request(long id, Closing closing, String note) {}

  public record Result(long id, Closing closing) {}

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
          .close(request.id(), request.closing().status(), request.note(), OffsetDateTime.now(clock));
      return new Result(request.id(), request.closing());
    });
  }
}
